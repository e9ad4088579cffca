package org.fengxiang.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.ZonedDateTime;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class ChineseDatesTest {
    static final ZonedDateTime NOW = ZonedDateTime.of(2026, 3, 14, 10, 30, 15, 0, ChineseDates.SHANGHAI);

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "2024年3月5日 14:20|2024-03-05T14:20+08:00",
            "2024年03月05日14:20:33|2024-03-05T14:20:33+08:00",
            "2024-03-05|2024-03-05T00:00+08:00",
            "2024/3/5 9:05|2024-03-05T09:05+08:00",
            "2024.03.05 09:05|2024-03-05T09:05+08:00",
            "发布时间：2026-03-14 09:12:00 来源：临江日报|2026-03-14T09:12+08:00",
            "２０２６年３月１４日　０９：１２|2026-03-14T09:12+08:00",
            "2026年3月14日 下午2:05|2026-03-14T14:05+08:00",
            "2026年3月14日 晚上9点20分|2026-03-14T21:20+08:00",
            "昨天 08:10|2026-03-13T08:10+08:00",
            "前天 23:59|2026-03-12T23:59+08:00",
            "今天 10:01|2026-03-14T10:01+08:00",
            "昨天|2026-03-13T00:00+08:00",
            "3小时前|2026-03-14T07:30:15+08:00",
            "3 个小时前|2026-03-14T07:30:15+08:00",
            "三小时前|2026-03-14T07:30:15+08:00",
            "十二分钟前|2026-03-14T10:18:15+08:00",
            "半小时前|2026-03-14T10:00:15+08:00",
            "3分钟前|2026-03-14T10:27:15+08:00",
            "20秒前|2026-03-14T10:29:55+08:00",
            "2天前|2026-03-12T10:30:15+08:00",
            "刚刚|2026-03-14T10:30:15+08:00",
            "03-05 14:20|2026-03-05T14:20+08:00",
            "12-30 14:20|2025-12-30T14:20+08:00",
            "3月5日 14:20|2026-03-05T14:20+08:00",
            "12月30日|2025-12-30T00:00+08:00",
            "09:05|2026-03-14T09:05+08:00",
            "2026-03-14T01:12:00Z|2026-03-14T01:12Z",
            "2026-03-14T09:12:00+0800|2026-03-14T09:12+08:00",
            "2026-03-14 09:12:00+08:00|2026-03-14T09:12+08:00",
            "1773450720|2026-03-14T09:12+08:00",
    })
    void resolvesAgainstCrawlTime(String text, String expected) {
        assertThat(ChineseDates.iso(text, NOW)).isEqualTo(expected);
    }

    @Test
    void rejectsNonsense() {
        assertThat(ChineseDates.parse("没有日期", NOW)).isEmpty();
        assertThat(ChineseDates.parse("2026年13月40日", NOW)).isEmpty();
        assertThat(ChineseDates.parse("", NOW)).isEmpty();
        assertThat(ChineseDates.parse(null, NOW)).isEmpty();
    }

    @Test
    void usesTheSourceZone() {
        ZonedDateTime utcNow = NOW.withZoneSameInstant(java.time.ZoneId.of("UTC"));
        assertThat(ChineseDates.iso("2026-03-14 09:12", utcNow)).isEqualTo("2026-03-14T09:12Z");
        assertThat(ChineseDates.iso("2026-03-14 09:12", NOW.withZoneSameInstant(java.time.ZoneId.of("Asia/Taipei"))))
                .isEqualTo("2026-03-14T09:12+08:00");
    }
}
