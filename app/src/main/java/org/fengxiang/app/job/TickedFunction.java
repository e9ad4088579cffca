package org.fengxiang.app.job;

import java.io.Serializable;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Json;
import org.fengxiang.core.Rejected;

/**
 * Thin Flink adapter around a {@link TickedDetector}: keyed state holds the detector (JSON type
 * information), event-time timers drive its ticks. Inputs behind the watermark cannot be applied
 * deterministically any more; they are dead-lettered as late with the reason.
 */
final class TickedFunction<K, I, O, D extends TickedDetector<I, O>> extends KeyedProcessFunction<K, I, O> {
    /** Creates a fresh detector for a new key. */
    interface DetectorFactory<D> extends Serializable {
        D create();
    }

    private final Class<D> type;
    private final DetectorFactory<D> factory;
    private final String stage;
    private transient ValueState<D> state;

    TickedFunction(Class<D> type, DetectorFactory<D> factory, String stage) {
        this.type = type;
        this.factory = factory;
        this.stage = stage;
    }

    @Override
    public void open(OpenContext ctx) {
        state = getRuntimeContext().getState(new ValueStateDescriptor<>("detector", new JsonTypeInfo<>(type)));
    }

    @Override
    public void processElement(I input, Context ctx, Collector<O> out) throws Exception {
        long wm = ctx.timerService().currentWatermark();
        Long ts = ctx.timestamp();
        if (ts != null && ts <= wm) {
            ctx.output(Outputs.REJECTED, new Rejected(null, stage,
                    "late: event time " + ts + " is behind the watermark " + wm + " (raise pipeline.outOfOrderness)",
                    null, Json.write(input)));
            return;
        }
        D d = state.value();
        if (d == null) d = factory.create();
        d.onInput(input);
        schedule(d, ctx);
        state.update(d);
    }

    @Override
    public void onTimer(long time, OnTimerContext ctx, Collector<O> out) throws Exception {
        D d = state.value();
        if (d == null) return;
        for (O o : d.onTimer(time)) out.collect(o);
        if (d.finished()) {
            state.clear();
        } else {
            schedule(d, ctx);
            state.update(d);
        }
    }

    private void schedule(D d, Context ctx) {
        long next = d.nextTimer();
        if (next >= 0) ctx.timerService().registerEventTimeTimer(next);
    }
}
