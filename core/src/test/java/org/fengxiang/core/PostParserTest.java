package org.fengxiang.core;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PostParserTest {
    static final String GOOD = """
            {"id":"weibo:1","source":"weibo","channel":"microblog","text":"转发微博","publishedAt":"2026-03-02T00:15:34.891570+08:00",
             "author":{"id":1887790981,"followers":7890767,"location":"广东 广州"},"metrics":null,"repostOf":"weibo:0","extra":[1,2]}""";

    @Test
    void acceptsContractRecordAndIgnoresUnknownFields() {
        PostParser.Result r = PostParser.parse(GOOD);
        assertThat(r.ok()).isTrue();
        Post p = r.post();
        assertThat(p.id).isEqualTo("weibo:1");
        assertThat(p.author.id).isEqualTo("1887790981");
        assertThat(p.author.followers).isEqualTo(7890767L);
        assertThat(p.eventTime).isEqualTo(java.time.OffsetDateTime.parse("2026-03-02T00:15:34.891570+08:00").toInstant().toEpochMilli());
        assertThat(p.rootId()).isEqualTo("weibo:0");
        assertThat(p.isRepost()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "{not json|malformed JSON",
            "[1,2]|not a JSON object",
            "{\"source\":\"s\",\"text\":\"\",\"publishedAt\":\"2026-03-02T00:00:00Z\"}|id: required",
            "{\"id\":\"a\",\"text\":\"\",\"publishedAt\":\"2026-03-02T00:00:00Z\"}|source: required",
            "{\"id\":\"a\",\"source\":\"s\",\"publishedAt\":\"2026-03-02T00:00:00Z\"}|text: required",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":5,\"publishedAt\":\"2026-03-02T00:00:00Z\"}|text: must be a string",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":\"\",\"publishedAt\":\"2026-03-02 10:00\"}|not ISO-8601 with offset",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":\"\",\"publishedAt\":\"2026-03-02T00:00:00\"}|not ISO-8601 with offset",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":\"\",\"channel\":\"tv\",\"publishedAt\":\"2026-03-02T00:00:00Z\"}|channel",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":\"\",\"publishedAt\":\"2026-03-02T00:00:00Z\",\"author\":{\"followers\":-3}}|author.followers",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":\"\",\"publishedAt\":\"2026-03-02T00:00:00Z\",\"author\":\"bob\"}|author: must be an object",
            "{\"id\":\"a\",\"source\":\"s\",\"text\":\"\",\"publishedAt\":\"2026-03-02T00:00:00Z\",\"metrics\":{\"likes\":\"many\"}}|metrics.likes",
            "'   '|empty record"})
    void refusesBadRecordsWithReason(String raw, String reason) {
        PostParser.Result r = PostParser.parse(raw);
        assertThat(r.ok()).isFalse();
        assertThat(r.reason()).contains(reason);
    }

    @Test
    void refusesDeepNestingAndHugeRecords() {
        String deep = "{\"id\":\"a\",\"x\":" + "[".repeat(5000) + "]".repeat(5000) + "}";
        assertThat(PostParser.parse(deep).reason()).contains("malformed JSON");
        String huge = "{\"id\":\"a\",\"source\":\"s\",\"publishedAt\":\"2026-03-02T00:00:00Z\",\"text\":\"" + "字".repeat(1_100_000) + "\"}";
        assertThat(PostParser.parse(huge).reason()).contains("record too large");
    }
}
