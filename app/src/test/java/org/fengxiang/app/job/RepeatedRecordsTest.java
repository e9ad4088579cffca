package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The same record delivered more than once (at-least-once producers: a crawler or importer restarted after a
 * crash publishes again what it had not recorded yet) goes through de-duplication like any other post.
 */
class RepeatedRecordsTest {
    @TempDir Path tmp;

    @Test
    void postsRepeatedInTheInputPassTheNearDuplicateVotes() throws Exception {
        List<String> lines = Files.readAllLines(Path.of(getClass().getResource("/posts-small.jsonl").toURI()));
        List<String> input = new ArrayList<>(lines);
        input.addAll(lines.subList(0, 10)); // the first ten again, as after a publisher restart
        input.addAll(lines.subList(0, 3)); // and some a third time
        Path file = Files.write(tmp.resolve("repeated.jsonl"), input);
        for (int parallelism : new int[] {1, 2}) {
            Path out = tmp.resolve("p" + parallelism);
            OfflineRun.run(List.of(file), out, parallelism, TestEnrichment.factory(), CountingDetectors.detection(10), new PipelineSettings());
            Set<String> ids = new TreeSet<>();
            Files.readAllLines(out.resolve("posts.jsonl")).forEach(l -> ids.add(Json.tree(l).get("id").asText()));
            assertThat(ids).as("distinct posts out at parallelism %d", parallelism).hasSize(31);
        }
    }
}
