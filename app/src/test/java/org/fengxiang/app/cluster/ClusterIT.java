package org.fengxiang.app.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fengxiang.app.bench.PostGenerator;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.OfflineRun;
import org.fengxiang.app.job.OutputFiles;
import org.fengxiang.core.Config;
import org.fengxiang.ingest.FileImporter;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.FlinkCluster;
import org.fengxiang.stack.FlinkRest;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.fengxiang.stack.Topics;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.CleanupMode;
import org.junit.jupiter.api.io.TempDir;

/**
 * The shaded job jar on a real multi-process Flink cluster (a JobManager and two TaskManagers, each its own JVM),
 * submitted over REST with parallelism 4, reading a bounded range of the embedded Kafka broker: the posts,
 * incidents and alerts equal those of a MiniCluster run ({@code analyze}) of the same input. Runs in the
 * integration-test phase, after {@code package} built {@code target/fengxiang-job.jar}.
 */
@Tag("cluster")
class ClusterIT {
    private static final String TOPIC = "cluster-it-posts";
    @TempDir(cleanup = CleanupMode.ON_SUCCESS) Path tmp;

    @Test
    void jobJarOnTwoTaskManagersGivesTheMiniClusterResults() throws Exception {
        Path jobJar = Path.of("target", "fengxiang-job.jar").toAbsolutePath();
        assertThat(jobJar).as("built by the package phase (run through mvn verify)").isRegularFile();
        List<String> userCode = List.of("org/fengxiang/app/job/ClusterJob.class", "org/apache/flink/connector/kafka/source/KafkaSource.class",
                "org/apache/kafka/clients/consumer/KafkaConsumer.class", "co/elastic/clients/elasticsearch/ElasticsearchClient.class",
                "com/hankcs/hanlp/HanLP.class");
        List<String> provided = List.of("org/apache/flink/runtime/taskexecutor/TaskManagerRunner.class",
                "org/apache/flink/streaming/api/environment/StreamExecutionEnvironment.class", "org/slf4j/LoggerFactory.class",
                "org/apache/logging/log4j/core/Logger.class");
        assertThat(ClusterClasspath.present(jobJar, userCode)).as("the job jar carries what the cluster classpath leaves out")
                .containsExactlyInAnyOrderElementsOf(userCode);
        assertThat(ClusterClasspath.present(jobJar, provided)).as("the cluster provides Flink and logging").isEmpty();
        Path input = writeInput(tmp.resolve("posts.jsonl"));
        String bootstrap = SharedStack.get(Service.KAFKA).kafkaBootstrap();
        Topics.ensure(bootstrap, List.of(TOPIC, TOPIC + ".dlq"), 4);
        try (KafkaPostPublisher pub = new KafkaPostPublisher(bootstrap, TOPIC, Map.of())) {
            assertThat(new FileImporter(pub).importFile(input).failed()).isZero();
        }

        Components c = Components.from(Config.fromYaml(""));
        Path expected = tmp.resolve("minicluster");
        OfflineRun.Summary mini = OfflineRun.run(List.of(input), expected, 2, c.enrichment(), c.detection(), c.pipeline());
        assertThat(mini.alerts()).as("the input makes alerts").isPositive();

        Path actual = tmp.resolve("cluster-out");
        Map<String, Long> pids;
        try (FlinkCluster cluster = FlinkCluster.builder(tmp.resolve("flink"), ClusterClasspath.flinkDistribution())
                .taskManagers(2, 2).build().start()) {
            pids = cluster.pids();
            FlinkRest rest = cluster.rest();
            assertThat(rest.overview().path("slots-total").asInt()).isEqualTo(4);
            String jobId = rest.runJar(rest.uploadJar(jobJar), List.of(
                    "--set", "kafka.bootstrapServers=" + bootstrap, "--set", "pipeline.topics.posts=" + TOPIC,
                    "--set", "pipeline.topics.deadLetter=" + TOPIC + ".dlq", "--set", "pipeline.idlenessSeconds=0",
                    "--set", "cluster.bounded=true", "--set", "cluster.output=" + actual,
                    "--set", "cluster.checkpoints=" + tmp.resolve("checkpoints").toUri(),
                    // -Dfengxiang.cluster.stateBackend=rocksdb runs it on the distribution's RocksDB backend
                    "--set", "pipeline.stateBackend=" + System.getProperty("fengxiang.cluster.stateBackend", "hashmap")), 4);
            String state = rest.awaitTerminal(jobId, Duration.ofMinutes(5));
            assertThat(state).as(rest.rootException(jobId)).isEqualTo("FINISHED");
            assertRanOnBothTaskManagers(rest, jobId);
            System.out.println("resident memory of the cluster JVMs (bytes): " + cluster.rssBytes());
        }
        assertThat(pids.values()).allSatisfy(pid -> assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse());

        assertThat(OutputFiles.merge(actual, "posts", "id")).isEqualTo(mini.posts());
        assertThat(OutputFiles.mergeLatest(actual, "incidents", "id", "asOf")).isEqualTo(mini.incidents());
        assertThat(OutputFiles.merge(actual, "alerts", "detectedAtMillis", "id", "sequence")).isEqualTo(mini.alerts());
        assertThat(OutputFiles.merge(actual, "rejected", "id", "stage")).isEqualTo(mini.rejected());
        for (String name : List.of("posts", "incidents", "alerts")) {
            assertThat(lines(actual, name)).as(name).isEqualTo(lines(expected, name));
        }
    }

    /** Every operator ran at parallelism 4 (the sinks' writers too), spread over both TaskManagers. */
    private static void assertRanOnBothTaskManagers(FlinkRest rest, String jobId) throws Exception {
        JsonNode job = rest.get("/jobs/" + jobId);
        Set<String> taskManagers = new HashSet<>();
        int maxParallelism = 0;
        for (JsonNode v : job.path("vertices")) {
            maxParallelism = Math.max(maxParallelism, v.path("parallelism").asInt());
            for (JsonNode tm : rest.get("/jobs/" + jobId + "/vertices/" + v.path("id").asText() + "/taskmanagers").path("taskmanagers")) {
                taskManagers.add(tm.path("taskmanager-id").asText());
            }
        }
        assertThat(maxParallelism).isEqualTo(4);
        assertThat(taskManagers).containsExactlyInAnyOrder("tm-1", "tm-2");
    }

    /** 1,200 background posts over an hour, an incident burst of 260 reposts in 13 minutes (event-time order), then 3 invalid lines. */
    private static Path writeInput(Path file) throws Exception {
        PostGenerator gen = new PostGenerator(42, "cit");
        long t0 = java.time.Instant.parse("2026-03-05T01:00:00Z").toEpochMilli();
        List<String> lines = new ArrayList<>();
        for (int i = 0; i < 1200; i++) {
            long t = t0 + i * 3_000L;
            lines.add(gen.next(t).json());
            if (i == 400) lines.add(gen.burstRoot(t).json());
            if (i > 400 && i <= 660) lines.add(gen.burstRepost(t + 1).json());
        }
        // Last: a record without a readable publishedAt takes its Kafka timestamp (today) as event time, which moves
        // its partition's watermark past this backlog; anything after it in that partition would then be late.
        lines.add("{not json");
        lines.add("{\"id\":\"bad-1\",\"source\":\"t\",\"text\":\"x\",\"publishedAt\":\"昨天\"}");
        lines.add("{\"id\":\"bad-2\",\"source\":\"t\",\"publishedAt\":\"2026-03-05T09:00:00+08:00\"}");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return file;
    }

    private static List<String> lines(Path dir, String name) throws Exception {
        return Files.readAllLines(dir.resolve(name + ".jsonl"), StandardCharsets.UTF_8);
    }
}
