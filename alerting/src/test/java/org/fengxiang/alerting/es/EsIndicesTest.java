package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Author;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

class EsIndicesTest {
    final EsIndices names = new EsIndices("fengxiang");

    @Test
    void postsGoToTheUtcMonthOfPublication() {
        long t = Instant.parse("2026-10-31T23:30:00Z").toEpochMilli();
        assertThat(names.postsIndex(t)).isEqualTo("fengxiang-posts-2026.10");
        assertThat(names.postsIndex(t + Duration.ofHours(1).toMillis())).isEqualTo("fengxiang-posts-2026.11");
        assertThat(names.postsIndexMonth("fengxiang-posts-2026.11")).contains(YearMonth.of(2026, 11));
        assertThat(names.postsIndexMonth("other-posts-2026.11")).isEmpty();
        assertThat(names.postsIndexMonth("fengxiang-posts-2026.13")).isEmpty();
    }

    @Test
    void retentionDeletesOnlyWholeMonthsEndedBeforeTheCutoff() {
        Instant now = Instant.parse("2026-11-26T00:00:00Z");
        List<String> all = List.of("fengxiang-posts-2026.04", "fengxiang-posts-2026.05", "fengxiang-posts-2026.06",
                "fengxiang-posts-2026.11", "fengxiang-incidents-v1", "fengxiang-posts-x");
        // cutoff = 2026-05-30: April ended before it, May ends 06-01 (after the cutoff) so it is kept.
        assertThat(Retention.expired(names, all, Duration.ofDays(180), now)).containsExactly("fengxiang-posts-2026.04");
        assertThat(Retention.expired(names, all, Duration.ofDays(0), Instant.parse("2026-12-01T00:00:00Z")))
                .containsExactly("fengxiang-posts-2026.04", "fengxiang-posts-2026.05", "fengxiang-posts-2026.06",
                        "fengxiang-posts-2026.11");
        assertThat(Retention.parseKeep("180d")).isEqualTo(Duration.ofDays(180));
        assertThat(Retention.parseKeep("P2D")).isEqualTo(Duration.ofDays(2));
    }

    @Test
    void postMapperGivesDeterministicIdsAndKibanaFriendlyFields() {
        Post p = new Post();
        p.id = "weibo:1";
        p.text = "<b>测试</b>";
        p.publishedAt = "2026-11-20T10:00:00+08:00";
        p.eventTime = Instant.parse("2026-11-20T02:00:00Z").toEpochMilli();
        p.author = new Author("u1", "张三", 10L, true, "北京");
        p.metrics = new Metrics(1L, 2L, 3L, null);
        p.repostOf = "weibo:0";
        PostMapper m = new PostMapper(names);
        assertThat(m.index(p)).isEqualTo("fengxiang-posts-2026.11");
        assertThat(m.id(p)).isEqualTo("weibo:1");
        var src = Json.tree(m.source(p));
        assertThat(src.path("interactions").asLong()).isEqualTo(6);
        assertThat(src.path("isRepost").asBoolean()).isTrue();
        assertThat(src.path("author").path("name").asText()).isEqualTo("张三");
        var expected = (com.fasterxml.jackson.databind.node.ObjectNode) Json.mapper().valueToTree(p);
        withoutNulls(expected);
        expected.put("interactions", 6L).put("isRepost", true);
        assertThat(m.source(p)).as("the post's own fields without the null ones, then the derived ones")
                .isEqualTo(Json.write(expected));
        assertThat(src.has("dupOf")).isFalse();
        assertThat(m.version(p)).isEqualTo(2); // the final post replaces its early provisional copy (version 1)
        p.provisional = true;
        assertThat(m.version(p)).isEqualTo(1);
        p.provisional = null;
        p.eventTime = 0;
        assertThat(m.index(p)).isEqualTo("fengxiang-posts-2026.11");
        p.publishedAt = "garbage";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> m.index(p)).hasMessageContaining("weibo:1");
    }

    @Test
    void settingsBindFromConfigAndSecretsComeOnlyFromTheEnvironment() {
        Config c = Config.fromYaml("elasticsearch:\n  urls: [https://es:9200]\n  username: elastic\n"
                + "  indexPrefix: fx\n  bulk:\n    maxDocs: 10\n");
        EsSettings s = c.section("elasticsearch", EsSettings.class).validate();
        assertThat(s.urls).containsExactly("https://es:9200");
        assertThat(s.bulk.maxDocs).isEqualTo(10);
        assertThat(s.password(Map.of("FENGXIANG_ES_PASSWORD", "pw"))).isEqualTo("pw");
        assertThat(s.password(Map.of())).isNull();
        s.apiKeyId = "kid";
        assertThat(s.encodedApiKey(Map.of("FENGXIANG_ES_API_KEY", "sec"))).isEqualTo("a2lkOnNlYw==");
        assertThat(EsIndices.of(s).alertsAlias()).isEqualTo("fx-alerts");
    }

    @Test
    void theDefaultConfigurationFileBindsAndValidates() throws Exception {
        var text = java.nio.file.Files.readString(org.fengxiang.core.Resources.configDir().resolve("delivery.yaml"));
        EsSettings s = Config.fromYaml(text).section("elasticsearch", EsSettings.class).validate();
        assertThat(s.indexPrefix).isEqualTo("fengxiang");
    }

    private static void withoutNulls(com.fasterxml.jackson.databind.JsonNode node) {
        if (!(node instanceof com.fasterxml.jackson.databind.node.ObjectNode o)) return;
        java.util.List<String> nulls = new java.util.ArrayList<>();
        o.fieldNames().forEachRemaining(f -> { if (o.get(f).isNull()) nulls.add(f); });
        o.remove(nulls);
        o.forEach(EsIndicesTest::withoutNulls);
    }
}
