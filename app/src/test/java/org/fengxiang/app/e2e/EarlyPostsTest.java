package org.fengxiang.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.Map;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Posts are searchable before the watermark passes them: the streaming job indexes an early,
 * provisional copy of each enriched post, which the final post (after de-duplication and incident
 * assignment) replaces once event time moves on, also when a partition of the topic stays idle.
 */
class EarlyPostsTest {
    @TempDir Path tmp;

    @Test
    void postsAreSearchableBeforeTheWatermarkAndFinalOnceItPasses() throws Exception {
        try (LiveJob live = LiveJob.start(tmp, "kafka: {partitions: 2}\nelasticsearch: {indexPrefix: early}\n"
                + "pipeline: {topics: {posts: early-posts, deadLetter: early-posts.dlq}, earlyPostsMaxLagSeconds: 0}\n")) {
            ElasticsearchClient client = live.client;
            EsIndices names = live.names;
            OffsetDateTime t0 = OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
            try (KafkaProducer<String, String> pub = live.producer()) {
                for (int i = 0; i < 3; i++) pub.send(new ProducerRecord<>("early-posts", 0, "early:" + i, post("early:" + i, t0.plusSeconds(i)))).get();
            }
            // Event time stands still (3 posts within 2 s): only the early copies can be visible.
            assertThat(waitForCount(client, names, "true", 3)).isEqualTo(3);

            try (KafkaProducer<String, String> pub = live.producer()) {
                // Moves partition 0's watermark past the first three; partition 1 stays idle (no post at all),
                // so the watermark only advances once the source marks it idle (pipeline.idlenessSeconds).
                pub.send(new ProducerRecord<>("early-posts", 0, "early:later", post("early:later", t0.plusMinutes(10)))).get();
            }
            assertThat(waitForCount(client, names, "false", 3)).as("final posts replace the early copies, despite the idle partition")
                    .isEqualTo(3);
            var hit = client.get(g -> g.index(names.postsIndex(t0.toInstant().toEpochMilli())).id("early:0"), Map.class).source();
            assertThat(hit).doesNotContainKey("provisional").containsKey("incidentId");
        }
    }

    /** Waits (at most 90 s) until {@code expected} posts have {@code provisional} missing (false) or true. */
    private static long waitForCount(ElasticsearchClient client, EsIndices names, String provisional, long expected)
            throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        long n = -1;
        while (System.currentTimeMillis() < deadline) {
            client.indices().refresh(r -> r.index(names.postsAlias() + "-*").allowNoIndices(true));
            n = client.count(c -> c.index(names.postsAlias() + "-*").allowNoIndices(true).query(q -> "true".equals(provisional)
                    ? q.term(t -> t.field("provisional").value(true))
                    : q.bool(b -> b.mustNot(m -> m.exists(e -> e.field("provisional")))
                            .mustNot(m -> m.term(t -> t.field("id").value("early:later")))))).count();
            if (n == expected) return n;
            Thread.sleep(500);
        }
        return n;
    }

    private static String post(String id, OffsetDateTime at) {
        return Json.write(Map.of("id", id, "source", "early", "channel", "microblog",
                "text", "地铁站积水严重，乘客被困，请求救援 " + id, "publishedAt", at.toString(),
                "author", Map.of("id", "u-" + id)));
    }
}
