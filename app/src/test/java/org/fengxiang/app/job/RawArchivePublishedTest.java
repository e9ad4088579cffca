package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Finding publishedAt without the regular expression gives what the expression captures, on any text. */
class RawArchivePublishedTest {
    /** The regular expression the archive used before, the reference for what is found. */
    private static final Pattern PUBLISHED = Pattern.compile("\"publishedAt\"\\s*:\\s*\"([^\"]{10,40})\"");

    private static String byRegex(String raw) {
        Matcher m = PUBLISHED.matcher(raw);
        return m.find() ? m.group(1) : null;
    }

    private static final List<String> FRAGMENTS = List.of("\"publishedAt\"", ":", " ", "\t", "\n", "\"", "2026-05-01T09:00:00+08:00",
            "2026-05-01", "x", "0123456789012345678901234567890123456789", "null", "{", "}", ",", "\"text\":\"转发\"", "\\\"",
            "\"publishedAt\" : \"2026-05-01T09:00:01Z\"", "\u000B", "\r");

    @Test
    void crafted() {
        String[] cases = {
            "{\"id\":\"a\",\"publishedAt\":\"2026-05-01T09:00:00+08:00\"}",
            "{\"publishedAt\" :\n \"2026-05-01T09:00:00Z\"}",
            "{\"publishedAt\":null,\"x\":{\"publishedAt\":\"2026-05-01T09:00:00Z\"}}",
            "{\"publishedAt\":\"short\",\"publishedAt\":\"2026-05-01T09:00:00.123+08:00\"}",
            "{\"publishedAt\":\"" + "9".repeat(41) + "\"}",
            "{\"publishedAt\":\"" + "9".repeat(40) + "\"}",
            "{\"publishedAt\":\"2026-05-01T09:00:00Z",
            "{\"publishedAt\"",
            "",
            "{\"text\":\"\\\"publishedAt\\\":\\\"2026-05-01T09:00:00Z\\\"\"}",
        };
        for (String c : cases) assertThat(RawArchive.publishedText(c)).as(c).isEqualTo(byRegex(c));
        assertThat(RawArchive.publishedText(cases[2])).isEqualTo("2026-05-01T09:00:00Z");
    }

    @Test
    void randomTexts() {
        Random r = new Random(7);
        for (int n = 0; n < 20_000; n++) {
            StringBuilder b = new StringBuilder();
            int parts = 1 + r.nextInt(12);
            for (int i = 0; i < parts; i++) b.append(FRAGMENTS.get(r.nextInt(FRAGMENTS.size())));
            String s = b.toString();
            assertThat(RawArchive.publishedText(s)).as(s).isEqualTo(byRegex(s));
        }
    }

    @Test
    void eachRecordGetsItsOwnTimeThoughTheLastOneIsRemembered() {
        String a = "{\"publishedAt\":\"2026-05-01T09:00:00+08:00\"}";
        String b = "{\"publishedAt\":\"2026-05-01T10:00:00+08:00\"}";
        long ta = RawArchive.eventTime(a, -1);
        assertThat(RawArchive.eventTime(a, -1)).isEqualTo(ta);
        assertThat(RawArchive.eventTime(b, -1)).isEqualTo(ta + 3_600_000);
        assertThat(RawArchive.eventTime(new String(a), -1)).isEqualTo(ta);
        assertThat(RawArchive.eventTime("{}", -1)).isEqualTo(-1);
        assertThat(RawArchive.hasEventTime("{}")).isFalse();
        assertThat(RawArchive.hasEventTime(b)).isTrue();
    }
}
