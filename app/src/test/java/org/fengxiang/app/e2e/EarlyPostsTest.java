package org.fengxiang.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.SharedStack;
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
        Endpoints ep = SharedStack.get();
        Config cfg = Config.fromYaml("kafka: {partitions: 2}\nelasticsearch: {indexPrefix: early}\n"
                + "pipeline: {topics: {posts: early-posts, deadLetter: early-posts.dlq}, earlyPostsMaxLagSeconds: 0}\n");
        Components components = Components.from(cfg);
        EsSettings es = cfg.section("elasticsearch", EsSettings.class);
        es.urls = List.of(ep.elasticsearchUrl());
        es.validate();
        MailSettings mail = new MailSettings();
        mail.enabled = false;
        ElasticsearchClient client = EsClients.create(es);
        JobClient job = null;
        try {
            IndexSetup.install(client, es);
            EsIndices names = EsIndices.of(es);
            job = StreamingRun.start(new StreamingRun.Plan(components, cfg.section("kafka", KafkaSettings.class),
                    ep.kafkaBootstrap(), es, mail, tmp.resolve("var"), 1, KafkaIO.Range.UNBOUNDED, "Asia/Shanghai"));
            OffsetDateTime t0 = OffsetDateTime.parse("2026-05-01T09:00:00+08:00");
            try (KafkaProducer<String, String> pub = producer(ep.kafkaBootstrap())) {
                for (int i = 0; i < 3; i++) pub.send(new ProducerRecord<>("early-posts", 0, "early:" + i, post("early:" + i, t0.plusSeconds(i)))).get();
            }
            // Event time stands still (3 posts within 2 s): only the early copies can be visible.
            assertThat(waitForCount(client, names, "true", 3)).isEqualTo(3);

            try (KafkaProducer<String, String> pub = producer(ep.kafkaBootstrap())) {
                // Moves partition 0's watermark past the first three; partition 1 stays idle (no post at all),
                // so the watermark only advances once the source marks it idle (pipeline.idlenessSeconds).
                pub.send(new ProducerRecord<>("early-posts", 0, "early:later", post("early:later", t0.plusMinutes(10)))).get();
            }
            assertThat(waitForCount(client, names, "false", 3)).as("final posts replace the early copies, despite the idle partition")
                    .isEqualTo(3);
            var hit = client.get(g -> g.index(names.postsIndex(t0.toInstant().toEpochMilli())).id("early:0"), Map.class).source();
            assertThat(hit).doesNotContainKey("provisional").containsKey("incidentId");
        } finally {
            if (job != null) job.cancel().get();
            EsClients.close(client);
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

    private static KafkaProducer<String, String> producer(String bootstrap) {
        return new KafkaProducer<>(KafkaPostPublisher.properties(bootstrap, Map.of()));
    }

    private static String post(String id, OffsetDateTime at) {
        return Json.write(Map.of("id", id, "source", "early", "channel", "microblog",
                "text", "地铁站积水严重，乘客被困，请求救援 " + id, "publishedAt", at.toString(),
                "author", Map.of("id", "u-" + id)));
    }
}
