package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
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
 */
final class EarlyWarningFunction<DI, DA> extends KeyedProcessFunction<String, Post, Alert> {
    private final EarlyWarnings<DI, DA> warnings;
    private final long maxLagMillis;
    private transient ValueState<DI> incident;
    private transient ValueState<DA> alert;
    private transient ValueState<long[]> meta;
    private transient Counter shed;
    private transient Counter raised;

    EarlyWarningFunction(EarlyWarnings<DI, DA> warnings, long maxLagMillis) {
        this.warnings = warnings;
        this.maxLagMillis = maxLagMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        incident = getRuntimeContext().getState(new ValueStateDescriptor<>("early-incident",
                new JsonTypeInfo<>(warnings.incidents().stateType())));
        alert = getRuntimeContext().getState(new ValueStateDescriptor<>("early-alert",
                new JsonTypeInfo<>(warnings.alerts().stateType())));
        meta = getRuntimeContext().getState(new ValueStateDescriptor<>("early-meta",
                PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
        shed = getRuntimeContext().getMetricGroup().counter("earlyWarningPostsShed");
        raised = getRuntimeContext().getMetricGroup().counter("earlyWarnings");
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Alert> out) throws Exception {
        if (EarlyCopyFunction.behind(post.ingestedAt, ctx.timerService().currentProcessingTime(), maxLagMillis)) {
            shed.inc();
            return;
        }
        EarlyWarnings.Key<DI, DA> k = load();
        long expiryBefore = warnings.expiry(k);
        long tick = warnings.onPost(k, ctx.getCurrentKey(), post);
        store(k);
        if (tick >= 0) ctx.timerService().registerEventTimeTimer(tick);
        long check = warnings.checkAfter(k, post);
        if (check >= 0) ctx.timerService().registerEventTimeTimer(check);
        long expiry = warnings.expiry(k);
        if (expiry != expiryBefore) ctx.timerService().registerEventTimeTimer(expiry);
    }

    /**
     * A mid-minute check (judge a copy of the cascade's state), or a minute tick (judge the cascade) and/or the
     * clean-up time (drop its state), which both lie on the minute grid.
     */
    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<Alert> out) throws Exception {
        if (meta.value() == null) return;
        EarlyWarnings.Key<DI, DA> k = load();
        if (warnings.isCheck(time)) {
            for (Alert a : warnings.onCheck(k, ctx.getCurrentKey(), time)) {
                raised.inc();
                out.collect(a);
            }
            meta.update(meta(k));
            return;
        }
        for (Alert a : warnings.onTick(k, ctx.getCurrentKey(), time)) {
            raised.inc();
            out.collect(a);
        }
        if (warnings.expiry(k) <= time) {
            incident.clear();
            alert.clear();
            meta.clear();
        } else {
            store(k);
        }
    }

    private EarlyWarnings.Key<DI, DA> load() throws Exception {
        EarlyWarnings.Key<DI, DA> k = new EarlyWarnings.Key<>();
        DI i = incident.value();
        if (i != null) k.incident = warnings.incidents().attach(i);
        DA a = alert.value();
        if (a != null) k.alert = warnings.alerts().attach(a);
        long[] m = meta.value();
        if (m != null) {
            k.received = m[0];
            k.lastTick = m[1];
            k.lastSeen = m[2];
            k.warnedTick = m.length > 3 ? m[3] : Long.MIN_VALUE;
        }
        return k;
    }

    private void store(EarlyWarnings.Key<DI, DA> k) throws Exception {
        if (k.incident != null) incident.update(k.incident);
        if (k.alert != null) alert.update(k.alert);
        meta.update(meta(k));
    }

    private static long[] meta(EarlyWarnings.Key<?, ?> k) {
        return new long[] {k.received, k.lastTick, k.lastSeen, k.warnedTick};
    }
}
