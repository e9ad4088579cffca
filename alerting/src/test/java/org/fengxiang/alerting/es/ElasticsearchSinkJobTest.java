package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

/** The sink inside a local Flink job, against an HTTP _bulk endpoint that fails its first requests. */
class ElasticsearchSinkJobTest {
    static List<String> posts(int n) {
        List<String> out = new ArrayList<>();
        long t0 = Instant.parse("2026-10-31T20:00:00Z").toEpochMilli();
        for (int i = 0; i < n; i++) {
            Post p = new Post();
            p.id = "weibo:" + i;
            p.source = "weibo";
            p.text = "第" + i + "条";
            p.eventTime = t0 + i * 60_000L;
            p.publishedAt = Instant.ofEpochMilli(p.eventTime).toString();
            out.add(Json.write(p));
        }
        return out;
    }

    static void run(String url, List<String> input) throws Exception {
        EsSettings s = EsSettings.of(url);
        s.bulk.maxDocs = 40;
        s.bulk.initialBackoffMs = 5;
        s.bulk.maxBackoffMs = 20;
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
        env.enableCheckpointing(200);
        env.fromData(input).map(j -> Json.read(j, Post.class)).returns(TypeInformation.of(Post.class))
                .sinkTo(new ElasticsearchSink<>(s, new PostMapper(new EsIndices("fengxiang")), RejectHandler.logging()));
        env.execute("es-sink-test");
    }

    @Test
    void everyRecordLandsOnceUnderItsIdAcrossRetriesAndReplays() throws Exception {
        try (FakeBulkServer es = new FakeBulkServer()) {
            es.store.script.add(503);
            es.store.script.add(429);
            List<String> input = posts(300);
            run(es.url(), input);
            assertThat(es.store.store).hasSize(300);
            run(es.url(), input);
            assertThat(es.store.store).hasSize(300).containsKey("fengxiang-posts-2026.11/weibo:299");
            long october = es.store.store.keySet().stream().filter(k -> k.startsWith("fengxiang-posts-2026.10/")).count();
            assertThat(october).isEqualTo(240); // 20:00..23:59 UTC on 31 October, one post a minute
            assertThat(es.store.requestSizes).allSatisfy(n -> assertThat(n).isLessThanOrEqualTo(40));
        }
    }
}
