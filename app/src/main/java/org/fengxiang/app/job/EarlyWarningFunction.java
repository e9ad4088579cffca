package org.fengxiang.app.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Post;

/**
 * Thin Flink adapter around {@link EarlyWarnings}, keyed by cascade root over the enriched posts in arrival
 * order, with the early path's own watermark (the newest event time less {@code earlyAlertsWaitSeconds}, see
 * {@link PipelineJob}): its event-time timers judge each minute of a cascade once that watermark passes the
 * minute's end, and drop the cascade's state after the retention. Like the early copies, it is shed while the
 * job is behind (a post that reached the job more than {@code maxLagMillis} after entering Kafka is not looked
 * at: a warning that late is no longer early, and replays make none).
 *
 * <p>A cascade below the rules' floor (most cascades: an ordinary post gets a handful of reposts) has no detector
 * state: its posts' essentials are held serialised in one byte array, and the detector state is built from them when
 * the cascade reaches the floor ({@link EarlyWarnings#holdBelowFloor}). At 3,000 posts/s with the 20-minute retention
 * that is millions of cascades, and as detector objects they were most of the job's heap and of its checkpoints.
 */
final class EarlyWarningFunction<DI, DA> extends KeyedProcessFunction<String, Post, Alert> implements WriteBackProcessOperator.Cached {
    private final EarlyWarnings<DI, DA> warnings;
    private final long maxLagMillis;
    private transient WriteBackCache<DI> incident;
    private transient WriteBackCache<DA> alert;
    /** Per cascade: its {@link #META} counters, then (below the floor) its held posts' essentials, serialised. */
    private transient ValueState<byte[]> cascade;
    /** Bytes of the counters at the start of a cascade's value: received, last tick, last seen, warned tick. */
    private static final int META = 4 * Long.BYTES;
    private transient PostSerializer posts;
    private transient DataOutputSerializer out;
    private transient DataInputDeserializer in;
    private transient Counter shed;
    private transient Counter raised;

    EarlyWarningFunction(EarlyWarnings<DI, DA> warnings, long maxLagMillis) {
        this.warnings = warnings;
        this.maxLagMillis = maxLagMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        incident = WriteBackCache.of(getRuntimeContext().getState(new ValueStateDescriptor<>("early-incident",
                new CodecTypeInfo<>(warnings.incidents().stateCodec()))), WriteBackCache.KEYS, warnings.incidents()::weight);
        alert = WriteBackCache.of(getRuntimeContext().getState(new ValueStateDescriptor<>("early-alert",
                new CodecTypeInfo<>(warnings.alerts().stateCodec()))), WriteBackCache.KEYS, warnings.alerts()::weight);
        cascade = getRuntimeContext().getState(new ValueStateDescriptor<>("early-cascade",
                PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO));
        posts = new PostSerializer();
        out = new DataOutputSerializer(1024);
        in = new DataInputDeserializer();
        shed = getRuntimeContext().getMetricGroup().counter("earlyWarningPostsShed");
        raised = getRuntimeContext().getMetricGroup().counter("earlyWarnings");
    }

    /** Runs this function, with the detector states of bursting cascades cached under RocksDB. */
    WriteBackProcessOperator<Post, Alert> operator() {
        return new WriteBackProcessOperator<>(this);
    }

    /** The detector states of the busiest cascades stay deserialised under RocksDB. */
    @Override
    public List<WriteBackCache<?>> caches() {
        return List.of(incident, alert);
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Alert> out) throws Exception {
        if (EarlyCopyFunction.behind(post.ingestedAt, ctx.timerService().currentProcessingTime(), maxLagMillis)) {
            shed.inc();
            return;
        }
        byte[] bytes = cascade.value();
        EarlyWarnings.Key<DI, DA> k = load(bytes);
        long expiryBefore = warnings.expiry(k);
        if (warnings.holdBelowFloor(k, post)) {
            cascade.update(value(k, bytes, warnings.incidents().compact(post)));
        } else {
            if (k.incident == null) warnings.promote(k, ctx.getCurrentKey(), read(bytes));
            long tick = warnings.onPost(k, ctx.getCurrentKey(), post);
            store(k);
            if (tick >= 0) ctx.timerService().registerEventTimeTimer(tick);
            long check = warnings.checkAfter(k, post);
            if (check >= 0) ctx.timerService().registerEventTimeTimer(check);
        }
        long expiry = warnings.expiry(k);
        if (expiry != expiryBefore) ctx.timerService().registerEventTimeTimer(expiry);
    }

    /**
     * A mid-minute check (judge a copy of the cascade's state), or a minute tick (judge the cascade) and/or the
     * clean-up time (drop its state), which both lie on the minute grid.
     */
    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        byte[] bytes = cascade.value();
        if (bytes == null) return;
        EarlyWarnings.Key<DI, DA> k = load(bytes);
        if (k.incident == null) { // below the floor: nothing to judge, only the clean-up
            if (warnings.expiry(k) <= time) cascade.clear();
            return;
        }
        if (warnings.isCheck(time)) {
            for (Alert a : warnings.onCheck(k, ctx.getCurrentKey(), time)) {
                raised.inc();
                out.collect(a);
            }
            cascade.update(value(k, null, null));
            return;
        }
        for (Alert a : warnings.onTick(k, ctx.getCurrentKey(), time)) {
            raised.inc();
            out.collect(a);
        }
        if (warnings.expiry(k) <= time) {
            incident.clear();
            alert.clear();
            cascade.clear();
        } else {
            store(k);
        }
    }

    /** The cascade's state: its counters and, once it reached the floor, its detector state (never both held posts and detectors). */
    private EarlyWarnings.Key<DI, DA> load(byte[] bytes) throws Exception {
        EarlyWarnings.Key<DI, DA> k = new EarlyWarnings.Key<>();
        if (bytes == null) return k;
        if (bytes.length == META) { // at or above the floor: detector state, no held posts
            DI i = incident.value();
            if (i != null) k.incident = warnings.incidents().attach(i);
            DA a = alert.value();
            if (a != null) k.alert = warnings.alerts().attach(a);
        }
        in.setBuffer(bytes);
        k.received = in.readLong();
        k.lastTick = in.readLong();
        k.lastSeen = in.readLong();
        k.warnedTick = in.readLong();
        return k;
    }

    /** Stores the detector state and the counters of a cascade at or above the floor (no held posts). */
    private void store(EarlyWarnings.Key<DI, DA> k) throws Exception {
        if (k.incident != null) incident.update(k.incident);
        if (k.alert != null) alert.update(k.alert);
        cascade.update(value(k, null, null));
    }

    /** A cascade's value: the counters of {@code k}, then the posts held in {@code before} and {@code post} (each may be null). */
    private byte[] value(EarlyWarnings.Key<?, ?> k, byte[] before, Post post) throws IOException {
        out.clear();
        out.writeLong(k.received);
        out.writeLong(k.lastTick);
        out.writeLong(k.lastSeen);
        out.writeLong(k.warnedTick);
        if (before != null && before.length > META) out.write(before, META, before.length - META);
        if (post != null) posts.serialize(post, out);
        return out.getCopyOfBuffer();
    }

    /** The posts held below the floor in a cascade's bytes, in arrival order. */
    private List<Post> read(byte[] bytes) throws IOException {
        List<Post> list = new ArrayList<>();
        if (bytes == null) return list;
        in.setBuffer(bytes, META, bytes.length - META);
        while (in.available() > 0) list.add(posts.deserialize(in));
        return list;
    }
}
