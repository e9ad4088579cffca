package org.fengxiang.app.job;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.source.Source;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.fengxiang.core.Rejected;

/**
 * The one job graph of Fengxiang, whatever feeds it (Kafka, a Kafka time range, files) and
 * wherever it writes (Elasticsearch and e-mail, or JSONL files): validate → event time → enrich →
 * event-time order → link stories by text → de-duplicate → incidents → same-hour keyword baseline → alerts. Sources and sinks
 * come in through the constructor.
 */
public final class PipelineJob {
    static {
        PostTypeInfo.register(); // posts cross the network and sit in state through the hand-written PostSerializer
    }

    private final Source<RawRecord, ?, ?> source;
    private final Sinks sinks;
    private final Detection detection;
    private final Enrichment.Factory enrichment;
    private final PipelineSettings settings;
    private long fromMillis = Long.MIN_VALUE;
    private long toMillis = Long.MAX_VALUE;

    /**
     * Where the job writes. With {@code early} the sinks take provisional output too: the posts sink receives
     * each post as soon as it is enriched, marked {@code provisional} (for a versioned store such as
     * Elasticsearch, where the final post replaces it: posts are searchable within seconds although
     * de-duplication and incident assignment wait for the watermark), and the alert sinks and notifiers receive
     * early warnings (status {@code early}) besides the confirmed alert transitions.
     */
    public record Sinks(Sink<Post> posts, Sink<Incident> incidents, Sink<Alert> alerts, Sink<Rejected> rejected,
                        List<Sink<Alert>> alertNotifiers, Sink<RawRecord> archive, boolean early) {
        /** Sinks without notifiers or archive. */
        public Sinks(Sink<Post> posts, Sink<Incident> incidents, Sink<Alert> alerts, Sink<Rejected> rejected) {
            this(posts, incidents, alerts, rejected, List.of(), null, false);
        }

        /** Sinks without early posts. */
        public Sinks(Sink<Post> posts, Sink<Incident> incidents, Sink<Alert> alerts, Sink<Rejected> rejected,
                     List<Sink<Alert>> alertNotifiers, Sink<RawRecord> archive) {
            this(posts, incidents, alerts, rejected, alertNotifiers, archive, false);
        }

        public Sinks {
            Objects.requireNonNull(posts);
            Objects.requireNonNull(incidents);
            Objects.requireNonNull(alerts);
            Objects.requireNonNull(rejected);
            alertNotifiers = List.copyOf(alertNotifiers);
        }
    }

    /**
     * How incidents and alerts are detected: per-key detectors created on the tasks, and optionally the early
     * warnings (the same detectors run speculatively per cascade over posts in arrival order; live runs only).
     */
    public record Detection(IncidentKeys keys, LinkSettings linking, TickedDetector<?, Post, Incident> incidents,
                            TickedDetector<?, Incident, Alert> alerts, EarlyWarnings<?, ?> early) {
        /** Detection without early warnings. */
        public Detection(IncidentKeys keys, LinkSettings linking, TickedDetector<?, Post, Incident> incidents,
                         TickedDetector<?, Incident, Alert> alerts) {
            this(keys, linking, incidents, alerts, null);
        }

        /** Detection without text linking (incidents are cascades) and without early warnings. */
        public Detection(IncidentKeys keys, TickedDetector<?, Post, Incident> incidents,
                         TickedDetector<?, Incident, Alert> alerts) {
            this(keys, null, incidents, alerts, null);
        }
    }

    public PipelineJob(Source<RawRecord, ?, ?> source, Enrichment.Factory enrichment, Detection detection,
                       Sinks sinks, PipelineSettings settings) {
        this.source = Objects.requireNonNull(source);
        this.enrichment = Objects.requireNonNull(enrichment);
        this.detection = Objects.requireNonNull(detection);
        this.sinks = Objects.requireNonNull(sinks);
        this.settings = Objects.requireNonNull(settings);
    }

    /** Restricts the run to posts with event time in [from, to) (reruns over a time range). */
    public PipelineJob withEventTimeRange(long from, long to) {
        if (from >= to) throw new IllegalArgumentException("empty time range");
        this.fromMillis = from;
        this.toMillis = to;
        return this;
    }

    /** Adds the job graph to the environment. */
    public void build(StreamExecutionEnvironment env) {
        DataStream<RawRecord> raw = env.fromSource(source, watermarks(), "posts-source")
                .uid("posts-source");

        if (sinks.archive() != null) raw.sinkTo(sinks.archive()).name("raw-archive").uid("raw-archive");

        SingleOutputStreamOperator<Post> valid = raw.process(new ParseFunction()).name("validate").uid("validate");
        DataStream<Post> inRange = valid;
        if (fromMillis != Long.MIN_VALUE || toMillis != Long.MAX_VALUE) {
            long from = fromMillis;
            long to = toMillis;
            inRange = valid.filter(p -> p.eventTime >= from && p.eventTime < to).name("time-range");
        }

        SingleOutputStreamOperator<Post> enriched = inRange
                .process(new EnrichFunction(enrichment, detection.keys())).name("enrich").uid("enrich");

        boolean linking = detection.linking() != null && detection.linking().enabled;
        boolean earlyPosts = sinks.early() && settings.earlyPosts;
        SingleOutputStreamOperator<Post> copied = earlyPosts
                ? enriched.process(new EarlyCopyFunction(settings.earlyPostsMaxLagSeconds * 1000, linking)).name("early-posts")
                        .uid("early-posts")
                : enriched;

        // the decisions below wait for the watermark; order once here, so each stage waits only since the last one
        DataStream<Post> ordered = EventTimeOrderOperator.apply(copied, TypeInformation.of(Post.class), "event-order");

        DataStream<Post> assigned = linking ? TextLinking.assign(ordered, detection.linking()) : ordered;

        DataStream<Post> deduped = deduplicate(assigned);

        SingleOutputStreamOperator<Incident> incidents = assigned
                .keyBy(detection.keys()::key, Types.STRING)
                .transform("incidents", TypeInformation.of(Incident.class), incidentFunction().operator())
                .uid("incidents");

        SingleOutputStreamOperator<Alert> alerts = SameHourFunction.annotate(enriched, incidents)
                .keyBy(i -> i.id, Types.STRING)
                .transform("alerts", TypeInformation.of(Alert.class), alertFunction().operator())
                .uid("alerts");

        DataStream<Alert> delivered = sinks.early() && settings.earlyAlerts && detection.early() != null
                ? alerts.union(earlyWarnings(enriched, detection.early())) : alerts;

        DataStream<Post> indexed = earlyPosts
                ? deduped.filter(new FinalPostFilter()).name("changed-since-early-copy")
                        .union(copied.getSideOutput(EarlyCopyFunction.EARLY))
                : deduped;
        indexed.sinkTo(sinks.posts()).name("posts-sink").uid("posts-sink");
        incidents.sinkTo(sinks.incidents()).name("incidents-sink").uid("incidents-sink");
        delivered.sinkTo(sinks.alerts()).name("alerts-sink").uid("alerts-sink");
        for (int i = 0; i < sinks.alertNotifiers().size(); i++) {
            delivered.sinkTo(sinks.alertNotifiers().get(i)).name("alert-notifier-" + i).uid("alert-notifier-" + i);
        }
        valid.getSideOutput(Outputs.REJECTED)
                .union(enriched.getSideOutput(Outputs.REJECTED), incidents.getSideOutput(Outputs.REJECTED),
                        alerts.getSideOutput(Outputs.REJECTED))
                .sinkTo(sinks.rejected()).name("dead-letter-sink").uid("dead-letter-sink");
    }

    /**
     * Posts with a SimHash go through banded near-duplicate lookup (4 bands of 16 bits, parallel keyed
     * state); posts without one (empty or very short text) through exact-text de-duplication.
     */
    private DataStream<Post> deduplicate(DataStream<Post> posts) {
        long ttl = Duration.ofHours(settings.dedupTtlHours).toMillis();
        DataStream<Post> exact = OrderedKeyedFunction.apply(posts.filter(p -> p.simhash == 0).name("no-simhash")
                .keyBy(DedupKey::of, Types.STRING), new DedupFunction(ttl), TypeInformation.of(Post.class), "dedup-exact")
                .uid("dedup-exact");
        KeyedStream<BandProbe, String> bands = posts.filter(p -> p.simhash != 0).name("has-simhash")
                .flatMap((Post p, org.apache.flink.util.Collector<BandProbe> out) -> {
                    for (int b = 0; b < BandProbe.BANDS; b++) out.collect(new BandProbe(p, b));
                }).returns(TypeInformation.of(BandProbe.class)).name("simhash-bands")
                .keyBy(BandProbe::bucket, Types.STRING);
        DataStream<Post> near = OrderedKeyedFunction.apply(bands, new BandFunction(settings.maxHamming, ttl, settings.bucketCap),
                        TypeInformation.of(BandProbe.class), "dedup-near").uid("dedup-near")
                .keyBy(v -> v.postId, Types.STRING)
                .process(new VoteFunction()).name("dedup-votes").uid("dedup-votes");
        return exact.union(near);
    }

    /**
     * Early warnings per cascade root over the posts in arrival order (see {@link EarlyWarnings}), on a watermark
     * of their own: the newest event time less {@code earlyAlertsWaitSeconds}, so a minute is judged a few
     * seconds after a post of the next minute was seen anywhere in the stream (not only in its cascade).
     */
    private DataStream<Alert> earlyWarnings(DataStream<Post> enriched, EarlyWarnings<?, ?> early) {
        if (settings.earlyAlertsWaitSeconds < 0) throw new IllegalArgumentException("pipeline.earlyAlertsWaitSeconds must be >= 0");
        Duration wait = Duration.ofSeconds(settings.earlyAlertsWaitSeconds);
        WatermarkStrategy<Post> own = WatermarkStrategy.<Post>forBoundedOutOfOrderness(wait)
                .withTimestampAssigner((p, ts) -> p.eventTime)
                .withIdleness(Duration.ofSeconds(Math.max(2, settings.earlyAlertsWaitSeconds)));
        return enriched.assignTimestampsAndWatermarks(own).name("early-event-time")
                .keyBy(detection.keys()::key, Types.STRING)
                .transform("early-warnings", TypeInformation.of(Alert.class),
                        new EarlyWarningFunction<>(early, settings.earlyPostsMaxLagSeconds * 1000).operator())
                .uid("early-warnings");
    }

    private TickedFunction<?, Post, Incident> incidentFunction() {
        return new TickedFunction<>(detection.incidents(), "incidents", true);
    }

    private TickedFunction<?, Incident, Alert> alertFunction() {
        return new TickedFunction<>(detection.alerts(), "alerts", false);
    }

    /**
     * Event time is read from each raw record's {@code publishedAt} in the source, so watermarks are
     * generated per Kafka partition or file split (records of different partitions read by one
     * subtask do not count as disorder). Records without a readable {@code publishedAt} do not move
     * the watermark ({@link ContractWatermarks}).
     */
    private WatermarkStrategy<RawRecord> watermarks() {
        Duration disorder = Duration.ofSeconds(settings.outOfOrdernessSeconds);
        WatermarkStrategy<RawRecord> w = WatermarkStrategy.<RawRecord>forGenerator(ctx -> new ContractWatermarks(disorder))
                .withTimestampAssigner((r, recordTimestamp) -> RawArchive.eventTime(r.value, recordTimestamp));
        return settings.idlenessSeconds > 0 ? w.withIdleness(Duration.ofSeconds(settings.idlenessSeconds)) : w;
    }
}
