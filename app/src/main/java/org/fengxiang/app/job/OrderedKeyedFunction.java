package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed function that holds its input until the watermark passes it and then releases it in a fixed
 * (event time, id) order, so its decisions do not depend on arrival order or parallelism. Input
 * already behind the watermark is released at once (it cannot be reordered any more).
 */
abstract class OrderedKeyedFunction<I, O> extends KeyedProcessFunction<String, I, O> {
    private final Class<I> type;
    private transient EventTimeBuffer<I> pending;

    OrderedKeyedFunction(Class<I> type) {
        this.type = type;
    }

    /** The event time of an input element. */
    abstract long eventTime(I element);

    /** The release order (event time, then a unique id). */
    abstract Comparator<I> order();

    /** Opens the subclass's own state. */
    abstract void openState();

    /** Applies released elements, in order. */
    abstract void release(List<I> ready, Context ctx, Collector<O> out) throws Exception;

    /** Called after every timer, once the ready elements were released (state clean-up). */
    void afterTimer(long timestamp, Context ctx) throws Exception {}

    @Override
    public final void open(OpenContext ctx) {
        pending = EventTimeBuffer.open(getRuntimeContext(), "pending-by-time", type);
        openState();
    }

    @Override
    public final void processElement(I element, Context ctx, Collector<O> out) throws Exception {
        if (!pending.hold(element, eventTime(element), ctx.timerService())) release(List.of(element), ctx, out);
    }

    @Override
    public final void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
        List<I> ready = pending.take(timestamp, order());
        if (!ready.isEmpty()) release(ready, ctx, out);
        afterTimer(timestamp, ctx);
    }

    /** True when nothing is held. */
    boolean nothingPending() throws Exception {
        return pending.isEmpty();
    }
}
