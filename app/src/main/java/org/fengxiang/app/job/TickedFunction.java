package org.fengxiang.app.job;

import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Json;
import org.fengxiang.core.Rejected;

/**
 * Thin Flink adapter around a {@link TickedDetector}: keyed state holds the detector state (JSON type
 * information), event-time timers drive its ticks. When {@code rejectLate}, inputs behind the
 * watermark cannot be applied deterministically any more and are dead-lettered as late.
 */
final class TickedFunction<D, I, O> extends KeyedProcessFunction<String, I, O> implements WriteBackProcessOperator.Cached {
    private final TickedDetector<D, I, O> detector;
    private final String stage;
    private final boolean rejectLate;
    private transient WriteBackCache<D> state;

    TickedFunction(TickedDetector<D, I, O> detector, String stage, boolean rejectLate) {
        this.detector = detector;
        this.stage = stage;
        this.rejectLate = rejectLate;
    }

    @Override
    public void open(OpenContext ctx) {
        state = WriteBackCache.of(getRuntimeContext().getState(
                new ValueStateDescriptor<>("detector", new CodecTypeInfo<>(detector.stateCodec()))), WriteBackCache.KEYS, detector::weight);
    }

    /** Runs this function, with its detector states cached under RocksDB. */
    WriteBackProcessOperator<I, O> operator() {
        return new WriteBackProcessOperator<>(this);
    }

    @Override
    public List<WriteBackCache<?>> caches() {
        return List.of(state);
    }

    @Override
    public void processElement(I input, Context ctx, Collector<O> out) throws Exception {
        long wm = ctx.timerService().currentWatermark();
        Long ts = ctx.timestamp();
        if (rejectLate && ts != null && ts <= wm) {
            ctx.output(Outputs.REJECTED, new Rejected(null, stage,
                    "late: event time " + ts + " is behind the watermark " + wm + " (raise pipeline.outOfOrdernessSeconds)",
                    null, Json.write(input)));
            return;
        }
        D d = state.value();
        // the timer the state asked for last time is registered already (finish did it): register again only on change
        long registered = -1;
        if (d == null) {
            d = detector.create(ctx.getCurrentKey());
        } else {
            d = detector.attach(d);
            registered = detector.nextTimer(d);
        }
        for (O o : detector.onInput(d, input)) out.collect(o);
        finish(d, ctx, registered);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<O> out) throws Exception {
        D d = state.value();
        if (d == null) return;
        d = detector.attach(d);
        for (O o : detector.onTimer(d, time)) out.collect(o);
        finish(d, ctx, -1);
    }

    private void finish(D d, Context ctx, long registered) throws Exception {
        if (detector.finished(d)) {
            state.clear();
            return;
        }
        long next = detector.nextTimer(d);
        if (next >= 0 && next != registered) ctx.timerService().registerEventTimeTimer(next);
        state.update(d);
    }
}
