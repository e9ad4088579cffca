package org.fengxiang.app.job;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.apache.flink.configuration.CheckpointingOptions;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.ExternalizedCheckpointRetention;
import org.apache.flink.configuration.MemorySize;
import org.apache.flink.configuration.PipelineOptions;
import org.apache.flink.configuration.RestOptions;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.configuration.StateBackendOptions;
import org.apache.flink.configuration.StateRecoveryOptions;
import org.apache.flink.configuration.TaskManagerOptions;
import org.apache.flink.core.execution.CheckpointingMode;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/** Execution environments for the streaming job: a local MiniCluster or the cluster the job was submitted to. */
public final class StreamingEnvironments {
    private static final String ROCKSDB_LOCAL_DIR = "state.backend.rocksdb.localdir";

    private StreamingEnvironments() {}

    /** Checkpointed settings shared by local and cluster runs. */
    static Configuration checkpointed(PipelineSettings s, String checkpointUri) {
        Configuration conf = new Configuration();
        conf.set(PipelineOptions.GENERIC_TYPES, false);
        conf.set(StateBackendOptions.STATE_BACKEND, stateBackend(s));
        conf.set(PipelineOptions.GLOBAL_JOB_PARAMETERS, jobParameters(s));
        if (rocksdb(s)) conf.set(CheckpointingOptions.INCREMENTAL_CHECKPOINTS, true);
        conf.set(CheckpointingOptions.CHECKPOINT_STORAGE, "filesystem");
        conf.set(CheckpointingOptions.CHECKPOINTS_DIRECTORY, checkpointUri);
        conf.set(CheckpointingOptions.MAX_RETAINED_CHECKPOINTS, 2);
        // kept when the job is cancelled (Ctrl-C) as well as when its JVM dies, so `run --resume` can continue from it
        conf.set(CheckpointingOptions.EXTERNALIZED_CHECKPOINT_RETENTION, ExternalizedCheckpointRetention.RETAIN_ON_CANCELLATION);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 20);
        conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofSeconds(3));
        return conf;
    }

    /** The validated {@code pipeline.stateBackend}. */
    static String stateBackend(PipelineSettings s) {
        String b = s.stateBackend == null ? "" : s.stateBackend.trim().toLowerCase(java.util.Locale.ROOT);
        if (!b.equals("hashmap") && !b.equals("rocksdb")) {
            throw new IllegalArgumentException("pipeline.stateBackend must be hashmap or rocksdb, not '" + s.stateBackend + "'");
        }
        if (b.equals("rocksdb") && s.rocksdbMemoryMiB < 64) {
            throw new IllegalArgumentException("pipeline.rocksdbMemoryMiB must be at least 64, not " + s.rocksdbMemoryMiB);
        }
        if (s.stateCacheMiB < 1) {
            throw new IllegalArgumentException("pipeline.stateCacheMiB must be at least 1, not " + s.stateCacheMiB);
        }
        return b;
    }

    /** Settings the operators read at run time (global job parameters): the write-back caches' budget. */
    static Map<String, String> jobParameters(PipelineSettings s) {
        return Map.of(WriteBackCache.BUDGET_PARAMETER, String.valueOf(s.stateCacheMiB));
    }

    static boolean rocksdb(PipelineSettings s) {
        return stateBackend(s).equals("rocksdb");
    }

    /** Managed memory of a local MiniCluster: RocksDB's cache and write buffers, else a token amount. */
    static MemorySize managedMemory(PipelineSettings s) {
        return MemorySize.ofMebiBytes(rocksdb(s) ? s.rocksdbMemoryMiB : 64);
    }

    /** Where a local run keeps RocksDB's working files: beside its checkpoints. */
    public static Path rocksdbWorkingDir(Path checkpointDir) {
        Path parent = checkpointDir.toAbsolutePath().getParent();
        return (parent == null ? checkpointDir.toAbsolutePath() : parent).resolve("rocksdb");
    }

    /** Working files of a killed earlier run are only copies (the checkpoint is the truth): they go before a start. */
    private static void deleteLeftovers(Path dir) {
        try {
            RetainedCheckpoints.deleteTree(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot clear RocksDB's working directory " + dir, e);
        }
    }

    /** A local MiniCluster with checkpoints under {@code checkpointDir}. */
    public static StreamExecutionEnvironment local(PipelineSettings s, Path checkpointDir, int parallelism) {
        return local(s, checkpointDir, parallelism, null, new Configuration());
    }

    /** A local MiniCluster with checkpoints under {@code checkpointDir} and extra Flink settings (e.g. a REST port). */
    public static StreamExecutionEnvironment local(PipelineSettings s, Path checkpointDir, int parallelism, Configuration extra) {
        return local(s, checkpointDir, parallelism, null, extra);
    }

    /**
     * A local MiniCluster with checkpoints under {@code checkpointDir}, restoring the given checkpoint (null: none),
     * with extra Flink settings.
     */
    public static StreamExecutionEnvironment local(PipelineSettings s, Path checkpointDir, int parallelism, Path restoreFrom,
                                                   Configuration extra) {
        Configuration conf = checkpointed(s, checkpointDir.toAbsolutePath().toUri().toString());
        if (restoreFrom != null) conf.set(StateRecoveryOptions.SAVEPOINT_PATH, restoreFrom.toAbsolutePath().toUri().toString());
        conf.addAll(extra);
        conf.set(RestOptions.BIND_ADDRESS, "127.0.0.1");
        conf.set(TaskManagerOptions.MANAGED_MEMORY_SIZE, managedMemory(s));
        // RocksDB's working files beside the checkpoints (not in /tmp), so a killed run leaves nothing elsewhere
        if (rocksdb(s) && !extra.containsKey(ROCKSDB_LOCAL_DIR)) {
            Path dir = rocksdbWorkingDir(checkpointDir);
            deleteLeftovers(dir);
            conf.setString(ROCKSDB_LOCAL_DIR, dir.toString());
        }
        StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(Math.max(1, parallelism), conf);
        env.enableCheckpointing(Duration.ofSeconds(s.checkpointIntervalSeconds).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        return env;
    }

    /** The environment of the cluster the job jar was submitted to ({@code flink run}). */
    public static StreamExecutionEnvironment cluster(PipelineSettings s, String checkpointUri) {
        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment(checkpointed(s, checkpointUri));
        env.enableCheckpointing(Duration.ofSeconds(s.checkpointIntervalSeconds).toMillis(), CheckpointingMode.EXACTLY_ONCE);
        if (s.parallelism > 0) env.setParallelism(s.parallelism);
        return env;
    }
}
