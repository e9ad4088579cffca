package org.fengxiang.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.GetResponse;
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
 * Posts are searchable before the watermark passes them: the streaming job indexes an early copy of each
 * enriched post (version 1), the document the post has if de-duplication and incident linking change nothing.
 * Once event time moves on (also when a partition of the topic stays idle) the final post replaces the copies
 * it differs from (version 2: here the repeated text, found a duplicate) and leaves the others as they are.
 */
class EarlyPostsTest {
    private static final String FLOOD = "地铁站积水严重，乘客被困，请求救援，现场水深已经没过膝盖";

    @TempDir Path tmp;

    @Test
    void postsAreSearchableBeforeTheWatermarkAndFinalOnceItPasses() throws Exception {
        try (LiveJob live = LiveJob.start(tmp, "kafka: {partitions: 2}\nelasticsearch: {indexPrefix: early}\n"
                + "pipeline: {topics: {posts: early-posts, deadLetter: early-posts.dlq}, earlyPostsMaxLagSeconds: 0}\n")) {
            ElasticsearchClient client = live.client;
            EsIndices names = live.names;
            OffsetDateTime t0 = OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
            String index = names.postsIndex(t0.toInstant().toEpochMilli());
            try (KafkaProducer<String, String> pub = live.producer()) {
                pub.send(new ProducerRecord<>("early-posts", 0, "early:0", post("early:0", t0, FLOOD))).get();
                pub.send(new ProducerRecord<>("early-posts", 0, "early:1", post("early:1", t0.plusSeconds(1), FLOOD))).get();
                pub.send(new ProducerRecord<>("early-posts", 0, "early:2", post("early:2", t0.plusSeconds(2), "小区停电一整天，物业电话打不通"))).get();
            }
            // Event time stands still (3 posts within 2 s): only the early copies can be visible, none a duplicate yet.
            assertThat(waitForCount(client, names, 3)).isEqualTo(3);
            assertThat(get(client, index, "early:1").source()).doesNotContainKey("dupOf").doesNotContainKey("provisional")
                    .containsKey("incidentId");

            try (KafkaProducer<String, String> pub = live.producer()) {
                // Moves partition 0's watermark past the first three; partition 1 stays idle (no post at all),
                // so the watermark only advances once the source marks it idle (pipeline.idlenessSeconds).
                pub.send(new ProducerRecord<>("early-posts", 0, "early:later", post("early:later", t0.plusMinutes(10), "晚些时候的帖子"))).get();
            }
            long deadline = System.currentTimeMillis() + 90_000;
            while (System.currentTimeMillis() < deadline && get(client, index, "early:1").version() < 2) Thread.sleep(500);
            GetResponse<Map> duplicate = get(client, index, "early:1");
            assertThat(duplicate.version()).as("the final post replaces the copy it differs from, despite the idle partition")
                    .isEqualTo(2);
            assertThat(duplicate.source()).containsEntry("dupOf", "early:0").doesNotContainKey("provisional");
            for (String id : new String[] {"early:0", "early:2"}) {
                GetResponse<Map> same = get(client, index, id);
                assertThat(same.version()).as(id + ": its early copy already is its final document").isEqualTo(1);
                assertThat(same.source()).doesNotContainKey("dupOf").containsKey("incidentId");
            }
            assertThat(waitForCount(client, names, 3)).as("one document per post").isEqualTo(3);
        }
    }

    private static GetResponse<Map> get(ElasticsearchClient client, String index, String id) throws Exception {
        client.indices().refresh(r -> r.index(index));
        return client.get(g -> g.index(index).id(id), Map.class);
    }

    /** Waits (at most 90 s) until {@code expected} of the first three posts are searchable. */
    private static long waitForCount(ElasticsearchClient client, EsIndices names, long expected) throws Exception {
        long deadline = System.currentTimeMillis() + 90_000;
        long n = -1;
        while (System.currentTimeMillis() < deadline) {
            client.indices().refresh(r -> r.index(names.postsAlias() + "-*").allowNoIndices(true));
            n = client.count(c -> c.index(names.postsAlias() + "-*").allowNoIndices(true).query(q -> q.bool(b -> b
                    .mustNot(m -> m.term(t -> t.field("id").value("early:later")))))).count();
            if (n == expected) return n;
            Thread.sleep(500);
        }
        return n;
    }

    private static String post(String id, OffsetDateTime at, String text) {
        return Json.write(Map.of("id", id, "source", "early", "channel", "microblog", "text", text,
                "publishedAt", at.toString(), "author", Map.of("id", "u-" + id)));
    }
}
