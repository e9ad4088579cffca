package org.fengxiang.app.job;

import java.io.Serializable;

/** Settings of the job graph (configuration section {@code pipeline}). */
public class PipelineSettings implements Serializable {
    /** How far behind the newest event time a post may arrive and still count (seconds). */
    public long outOfOrdernessSeconds = 60;
    /** A source partition without data for this long stops holding back the watermark (seconds; 0 = off). */
    public long idlenessSeconds = 30;
    /** How long the first of a set of identical texts is remembered (hours of event time). */
    public long dedupTtlHours = 72;
    /** Largest SimHash Hamming distance of near-duplicates (from {@code analytics.dedup.maxHamming}; at most 3 with 4 bands). */
    public int maxHamming = 3;
    /** Most posts remembered per SimHash band bucket (the oldest are forgotten first). */
    public int bucketCap = 512;
    /** Checkpoint interval of the streaming job (seconds). */
    public long checkpointIntervalSeconds = 60;
    /**
     * Where keyed state lives: {@code hashmap} (objects on the JVM heap; fastest, but the heap must hold every
     * window) or {@code rocksdb} (serialised in an embedded RocksDB on local disk, incremental checkpoints; the heap
     * stays flat however long a surge lasts, at the cost of a serialisation per state access).
     */
    public String stateBackend = "hashmap";
    /** Native memory of RocksDB's block cache and write buffers in local runs (MiB; Flink's managed memory). */
    public int rocksdbMemoryMiB = 512;
    /**
     * Under RocksDB, the heap (MiB, estimated) each cached state may use per operator instance for the deserialised
     * values of its hottest keys (at most 4,096 keys): the hot set of a surge should fit, or its states are
     * deserialised again and again.
     */
    public int stateCacheMiB = 256;
    /** Default parallelism (0 = the Flink default). */
    public int parallelism = 0;
    /**
     * Index an early, provisional copy of each post right after enrichment, where the sinks support it
     * (Elasticsearch): searchable in about a second instead of after the disorder bound, at the cost of
     * a second write per post.
     */
    public boolean earlyPosts = true;
    /**
     * Early copies are skipped for posts that reached the job more than this long after they entered Kafka
     * (seconds; 0 = never skip): when the job falls behind, the optional second write per post is shed until it
     * has caught up, and replays of old offsets make none. The final post is always written.
     */
    public long earlyPostsMaxLagSeconds = 15;
    /**
     * Early warnings, where the sinks support them (the live job): the incident and alert detectors also run
     * per cascade over the posts as they arrive, so a burst is warned of (status {@code early}) as its window
     * ends instead of after the disorder bound; the confirmed alert follows. Shed like the early copies
     * ({@link #earlyPostsMaxLagSeconds}).
     */
    public boolean earlyAlerts = true;
    /**
     * The early warnings judge a minute once a post this many seconds past its end was seen anywhere in the stream
     * (their own watermark: newest event time less this; a source subtask silent this long no longer holds it back).
     */
    public long earlyAlertsWaitSeconds = 1;
    /**
     * Within a running minute, a cascade that has no early warning yet is also judged every this many seconds of
     * event time, as if the minute ended then (on a copy of its state), so a burst is warned of while its first
     * minute runs (0 = only at minute ends; must divide 60).
     */
    public long earlyAlertsCheckSeconds = 10;
    /** Kafka topics. */
    public Topics topics = new Topics();
    /**
     * Kafka consumer group of the streaming job: offsets are committed to it at checkpoints, and a run
     * without a checkpoint to resume from starts from its committed offsets (else the earliest).
     */
    public String consumerGroup = "fengxiang-pipeline";

    /**
     * A copy for bounded input, without idleness and early warnings: it ends with a final watermark, and
     * idleness (a processing-time notion) or warnings judged in arrival order would only make its results
     * depend on timing.
     */
    public PipelineSettings forBoundedInput() {
        PipelineSettings c = org.fengxiang.core.Json.copy(this, PipelineSettings.class);
        c.idlenessSeconds = 0;
        c.earlyAlerts = false;
        return c;
    }

    /** Kafka topic names. */
    public static class Topics implements Serializable {
        public String posts = "posts";
        public String deadLetter = "posts.dlq";
    }
}
