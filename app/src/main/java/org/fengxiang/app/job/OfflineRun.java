package org.fengxiang.app.job;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.flink.api.common.RuntimeExecutionMode;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.connector.file.src.FileSource;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.fengxiang.core.Rejected;

/**
 * Runs the job graph over JSONL files on a local MiniCluster and writes {@code posts.jsonl},
 * {@code incidents.jsonl}, {@code alerts.jsonl} and {@code rejected.jsonl}, each sorted so the output
 * depends only on the input and the configuration (not on parallelism or scheduling).
 */
public final class OfflineRun {
    /** Counts of what an offline run wrote. */
    public record Summary(long posts, long incidents, long alerts, long rejected) {}

    private OfflineRun() {}

    /** Runs the pipeline over JSONL files into {@code outDir}. */
    public static Summary run(List<Path> inputs, Path outDir, int parallelism, Enrichment.Factory enrichment,
                              PipelineJob.Detection detection, PipelineSettings settings) throws Exception {
        return run(files(inputs), outDir, parallelism, enrichment, detection, settings, Long.MIN_VALUE, Long.MAX_VALUE);
    }

    /** A bounded source over JSONL(.gz) files. */
    public static Source<RawRecord, ?, ?> files(List<Path> inputs) {
        org.apache.flink.core.fs.Path[] paths = inputs.stream()
                .map(p -> new org.apache.flink.core.fs.Path(p.toAbsolutePath().toUri()))
                .toArray(org.apache.flink.core.fs.Path[]::new);
        return FileSource.forRecordStreamFormat(new JsonLinesFormat(), paths).build();
    }

    /**
     * Runs the pipeline over any bounded source into {@code outDir}, keeping only posts with event
     * time in [from, to).
     */
    public static Summary run(Source<RawRecord, ?, ?> source, Path outDir, int parallelism, Enrichment.Factory enrichment,
                              PipelineJob.Detection detection, PipelineSettings settings, long from, long to) throws Exception {
        Files.createDirectories(outDir);
        OutputFiles.cleanParts(outDir);
        PipelineJob.Sinks sinks = new PipelineJob.Sinks(
                new JsonLinesSink<Post>(outDir, "posts"), new JsonLinesSink<Incident>(outDir, "incidents"),
                new JsonLinesSink<Alert>(outDir, "alerts"), new JsonLinesSink<Rejected>(outDir, "rejected"));
        StreamExecutionEnvironment env = localEnvironment(parallelism, settings);
        env.setRuntimeMode(RuntimeExecutionMode.STREAMING);
        PipelineJob job = new PipelineJob(source, enrichment, detection, sinks, settings.forBoundedInput());
        if (from != Long.MIN_VALUE || to != Long.MAX_VALUE) job.withEventTimeRange(from, to);
        job.build(env);
        env.execute("fengxiang-offline");
        Summary s = new Summary(
                OutputFiles.merge(outDir, "posts", "id"),
                OutputFiles.mergeLatest(outDir, "incidents", "id", "asOf"),
                OutputFiles.merge(outDir, "alerts", "detectedAtMillis", "id", "sequence"),
                OutputFiles.merge(outDir, "rejected", "line", "id", "stage"));
        OutputFiles.cleanParts(outDir);
        return s;
    }

    /** A local MiniCluster environment that refuses Kryo fallback for any type. */
    public static StreamExecutionEnvironment localEnvironment(int parallelism) {
        return localEnvironment(parallelism, new PipelineSettings());
    }

    /** A local MiniCluster environment that refuses Kryo fallback, with the settings' state backend. */
    public static StreamExecutionEnvironment localEnvironment(int parallelism, PipelineSettings settings) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(StateBackendOptions.STATE_BACKEND, StreamingEnvironments.stateBackend(settings));
        conf.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, StreamingEnvironments.jobParameters(settings));
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, StreamingEnvironments.managedMemory(settings));
        return StreamExecutionEnvironment.createLocalEnvironment(Math.max(1, parallelism), conf);
    }
}

