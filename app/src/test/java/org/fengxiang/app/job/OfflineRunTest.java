package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineRunTest {
    @TempDir Path tmp;

    @Test
    void samePlumbingResultsAtParallelismOneAndTwo() throws Exception {
        Path input = Path.of(getClass().getResource("/posts-small.jsonl").toURI());
        Path out1 = tmp.resolve("p1");
        Path out2 = tmp.resolve("p2");
        OfflineRun.Summary s1 = OfflineRun.run(List.of(input), out1, 1, TestEnrichment.factory(), CountingDetectors.detection(10), new PipelineSettings());
        OfflineRun.Summary s2 = OfflineRun.run(List.of(input), out2, 2, TestEnrichment.factory(), CountingDetectors.detection(10), new PipelineSettings());

        assertThat(s1.posts()).isEqualTo(31);
        assertThat(s1.rejected()).isEqualTo(5);
        assertThat(s1.alerts()).isEqualTo(1);
        for (String f : List.of("posts.jsonl", "incidents.jsonl", "alerts.jsonl", "rejected.jsonl")) {
            assertThat(Files.readString(out2.resolve(f))).as(f).isEqualTo(Files.readString(out1.resolve(f)));
        }
        List<String> rejected = Files.readAllLines(out1.resolve("rejected.jsonl"));
        assertThat(rejected).extracting(l -> Json.tree(l).get("line").asLong()).containsExactly(32L, 33L, 34L, 36L, 37L);
        assertThat(rejected.get(1)).contains("publishedAt").contains("ISO-8601");
        assertThat(Files.exists(out1.resolve(".parts"))).isFalse();
        var posts = Files.readAllLines(out1.resolve("posts.jsonl")).stream().map(Json::tree)
                .collect(java.util.stream.Collectors.toMap(n -> n.get("id").asText(), n -> n.path("dupOf").asText("")));
        assertThat(posts.get("t:41")).isEqualTo("t:40");
        assertThat(posts.get("t:40")).isEmpty();
        assertThat(posts.get("t:1")).isEmpty();
    }

    @Test
    void rocksDbStateGivesTheSameResultsAsHeapState() throws Exception {
        Path input = Path.of(getClass().getResource("/posts-small.jsonl").toURI());
        PipelineSettings rocks = new PipelineSettings();
        rocks.stateBackend = "rocksdb";
        rocks.rocksdbMemoryMiB = 64;
        OfflineRun.run(List.of(input), tmp.resolve("heap"), 2, TestEnrichment.factory(), CountingDetectors.detection(10), new PipelineSettings());
        OfflineRun.run(List.of(input), tmp.resolve("rocks"), 2, TestEnrichment.factory(), CountingDetectors.detection(10), rocks);
        for (String f : List.of("posts.jsonl", "incidents.jsonl", "alerts.jsonl", "rejected.jsonl")) {
            assertThat(Files.readString(tmp.resolve("rocks").resolve(f))).as(f).isEqualTo(Files.readString(tmp.resolve("heap").resolve(f)));
        }
    }

    @Test
    void unknownStateBackendOrNoCacheIsAClearErrorAndTheCacheBudgetReachesTheOperators() {
        PipelineSettings s = new PipelineSettings();
        s.stateBackend = "memory";
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamingEnvironments.stateBackend(s))
                .hasMessageContaining("pipeline.stateBackend must be hashmap or rocksdb");
        PipelineSettings noCache = new PipelineSettings();
        noCache.stateCacheMiB = 0;
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> StreamingEnvironments.stateBackend(noCache))
                .hasMessageContaining("pipeline.stateCacheMiB must be at least 1");
        PipelineSettings small = new PipelineSettings();
        small.stateCacheMiB = 48;
        assertThat(WriteBackCache.budget(StreamingEnvironments.jobParameters(small))).isEqualTo(48L << 20);
        assertThat(WriteBackCache.budget(java.util.Map.of())).isEqualTo((long) WriteBackCache.DEFAULT_BUDGET_MIB << 20);
    }
}
