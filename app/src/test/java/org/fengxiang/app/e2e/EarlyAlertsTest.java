package org.fengxiang.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A burst is warned of as soon as the stream's newest event time is a second past its minute, long before the
 * watermark lets the confirmed path judge it: the early warning (status {@code early}) is searchable in
 * Elasticsearch while event time has moved a single minute, and the confirmed alert follows once the watermark
 * passes the window.
 */
class EarlyAlertsTest {
    @TempDir Path tmp;

    @Test
    @SuppressWarnings({"rawtypes", "unchecked"})
    void aBurstIsWarnedOfBeforeTheWatermarkAndConfirmedAfterIt() throws Exception {
        try (LiveJob live = LiveJob.start(tmp, "kafka: {partitions: 1}\nelasticsearch: {indexPrefix: earlyalert}\n"
                + "pipeline: {topics: {posts: early-alerts, deadLetter: early-alerts.dlq}, earlyPostsMaxLagSeconds: 0}\n")) {
            ElasticsearchClient client = live.client;
            EsIndices names = live.names;
            OffsetDateTime t0 = OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
            try (KafkaProducer<String, String> pub = live.producer()) {
                pub.send(record(post("ea:0", t0, null, "临江化工厂发生爆炸，现场浓烟滚滚，附近居民紧急疏散"))).get();
                for (int i = 1; i <= 80; i++) pub.send(record(post("ea:" + i, t0.plusNanos(700_000_000L * i), "ea:0", "太可怕了 #临江化工厂# 转发")));
                // a post 5 s into the next minute (any cascade) moves the early path's event time (newest - 1 s) past
                // the burst's first minute; the watermark (newest - 60 s) is still in it
                pub.send(record(post("ea:other", t0.plusSeconds(65), null, "今天天气不错，适合出门散步"))).get();
            }
            List<Map> early = waitForTransitions(client, names, "early", 1);
            assertThat(early).as("early warning searchable before the window could close").hasSize(1);
            Map a = early.get(0);
            assertThat((String) a.get("id")).startsWith("early-").endsWith("-202605010901");
            assertThat(a.get("originPostId")).isEqualTo("ea:0");
            assertThat((List<Object>) a.get("evidencePostIds")).contains("ea:0");
            assertThat(((List<?>) a.get("reasons")).get(0).toString()).startsWith("early warning: judged on the ").contains("posts received so far");
            assertThat(waitForTransitions(client, names, "open", 0)).as("nothing confirmed yet: the watermark is behind").isEmpty();

            try (KafkaProducer<String, String> pub = live.producer()) {
                pub.send(record(post("ea:later", t0.plusMinutes(5), null, "今天天气不错"))).get();
            }
            List<Map> open = waitForTransitions(client, names, "open", 1);
            assertThat(open).as("the confirmed alert once the watermark passed the window").hasSize(1);
            assertThat((String) open.get(0).get("id")).isEqualTo(((String) a.get("id")).replaceFirst("^early-", "alert-"));
        }
    }

    /** Waits (at most 60 s; 3 s when none are expected) for {@code expected} transitions with the status. */
    @SuppressWarnings("rawtypes")
    private static List<Map> waitForTransitions(ElasticsearchClient client, EsIndices names, String status, int expected)
            throws Exception {
        long deadline = System.currentTimeMillis() + (expected == 0 ? 3_000 : 60_000);
        List<Map> found = List.of();
        while (System.currentTimeMillis() < deadline) {
            client.indices().refresh(r -> r.index(names.alertTransitionsIndex()).allowNoIndices(true).ignoreUnavailable(true));
            found = client.search(s -> s.index(names.alertTransitionsIndex()).allowNoIndices(true).ignoreUnavailable(true)
                            .query(q -> q.term(t -> t.field("status").value(status))), Map.class)
                    .hits().hits().stream().map(Hit::source).map(m -> (Map) m).toList();
            if (expected > 0 && found.size() >= expected) return found;
            Thread.sleep(500);
        }
        return found;
    }

    private static ProducerRecord<String, String> record(String json) {
        return new ProducerRecord<>("early-alerts", 0, null, json);
    }

    private static String post(String id, OffsetDateTime at, String root, String text) {
        Map<String, Object> author = Map.of("id", "u-" + id, "followers", root == null ? 3_000_000 : 200, "verified", root == null);
        return root == null
                ? Json.write(Map.of("id", id, "source", "weibo", "channel", "microblog", "text", text, "publishedAt", at.toString(), "author", author))
                : Json.write(Map.of("id", id, "source", "weibo", "channel", "microblog", "text", text, "publishedAt", at.toString(),
                        "author", author, "repostOf", root, "parentId", root));
    }
}
