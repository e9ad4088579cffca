package org.fengxiang.app.fault;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.stack.Endpoints;

/**
 * {@code fengxiang run --resume} in a child JVM against given endpoints: its own topic, index prefix and state
 * directory, checkpoints every {@value #CHECKPOINT_SECONDS} s, every alert level e-mailed, source idleness off
 * (the fault tests feed both partitions and end with a marker in each, so the watermark never waits forever).
 */
final class StreamingChild {
    static final int CHECKPOINT_SECONDS = 3;

    private StreamingChild() {}

    /**
     * Starts the job at parallelism 2 with extra {@code key=value} settings; it restores the latest checkpoint
     * retained in {@code stateDir}, if any.
     */
    static ChildJvm start(Endpoints ep, String name, Path stateDir, Path log, String... settings) {
        return start(ep, name, stateDir, log, 2, settings);
    }

    /** Starts the job at {@code parallelism}, as {@link #start(Endpoints, String, Path, Path, String...)}. */
    static ChildJvm start(Endpoints ep, String name, Path stateDir, Path log, int parallelism, String... settings) {
        List<String> args = new ArrayList<>(List.of("run", "--parallelism", String.valueOf(parallelism),
                "--state-dir", stateDir.toString(), "--resume"));
        for (String kv : List.of("kafka.bootstrapServers=" + ep.kafkaBootstrap(), "kafka.partitions=2",
                "elasticsearch.urls=[" + ep.elasticsearchUrl() + "]", "elasticsearch.indexPrefix=" + name,
                "mail.host=" + ep.smtpHost(), "mail.port=" + ep.smtpPort(), "mail.recipients.blue=[duty@localhost]",
                "pipeline.topics.posts=" + topic(name), "pipeline.topics.deadLetter=" + topic(name) + ".dlq",
                "pipeline.checkpointIntervalSeconds=" + CHECKPOINT_SECONDS, "pipeline.idlenessSeconds=0",
                "mail.ack.port=0", "alerting.reload.history=" + stateDir.resolve("rules-history.jsonl"))) {
            args.add("--set");
            args.add(kv);
        }
        for (String kv : settings) {
            args.add("--set");
            args.add(kv);
        }
        return ChildJvm.start(log, 768, args);
    }

    /** The posts topic of a test. */
    static String topic(String name) {
        return name + "-posts";
    }
}
