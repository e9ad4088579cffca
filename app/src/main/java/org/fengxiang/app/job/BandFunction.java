package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Near-duplicate lookup in one band bucket. Probes wait for the watermark and are applied in
 * (event time, id) order, so the answer does not depend on arrival order or parallelism.
 */
final class BandFunction extends KeyedProcessFunction<String, BandProbe, BandProbe> {
    private static final Comparator<BandProbe> ORDER =
            Comparator.<BandProbe>comparingLong(p -> p.eventTime).thenComparing(p -> p.postId);
    private final int maxHamming;
    private final long ttlMillis;
    private final int cap;
    private transient ListState<BandProbe> pending;
    private transient ValueState<BandBucket> bucket;

    BandFunction(int maxHamming, long ttlMillis, int cap) {
        this.maxHamming = maxHamming;
        this.ttlMillis = ttlMillis;
        this.cap = cap;
    }

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", TypeInformation.of(BandProbe.class)));
        bucket = getRuntimeContext().getState(new ValueStateDescriptor<>("bucket", new JsonTypeInfo<>(BandBucket.class)));
    }

    @Override
    public void processElement(BandProbe p, Context ctx, Collector<BandProbe> out) throws Exception {
        if (!EventTimeBuffer.hold(pending, p, p.eventTime, ctx.timerService())) apply(List.of(p), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<BandProbe> out) throws Exception {
        List<BandProbe> ready = EventTimeBuffer.takeReady(pending, timestamp, p -> p.eventTime, ORDER);
        if (!ready.isEmpty()) apply(ready, out);
    }

    private void apply(List<BandProbe> probes, Collector<BandProbe> out) throws Exception {
        BandBucket b = bucket.value();
        if (b == null) b = new BandBucket();
        for (BandProbe p : probes) {
            b.apply(p, maxHamming, ttlMillis, cap);
            out.collect(p);
        }
        if (b.entries.isEmpty()) bucket.clear();
        else bucket.update(b);
    }
}
