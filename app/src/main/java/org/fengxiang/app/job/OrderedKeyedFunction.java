package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.streaming.api.datastream.SingleOutputStreamOperator;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * A keyed function whose input is released to it in a fixed (event time, id) order once the watermark passes
 * it, so its decisions do not depend on arrival order or parallelism. Input already behind the watermark is
 * released at once (it cannot be reordered any more). The holding is done by the {@link OrderedProcessOperator}
 * that {@link #apply} runs it in; the function sees each element once it is released.
 */
abstract class OrderedKeyedFunction<I, O> extends KeyedProcessFunction<String, I, O> implements WriteBackProcessOperator.Cached {
    private final Class<I> type;
    private transient List<WriteBackCache<?>> caches; // created in open (releasedState)

    OrderedKeyedFunction(Class<I> type) {
        this.type = type;
    }

    /** Runs {@code function} over {@code in} in event-time order, as the stage {@code name}. */
    static <I, O> SingleOutputStreamOperator<O> apply(KeyedStream<I, String> in, OrderedKeyedFunction<I, O> function,
                                                      TypeInformation<O> out, String name) {
        return in.transform(name, out, new OrderedProcessOperator<>(function));
    }

    Class<I> type() {
        return type;
    }

    /** The event time of an input element. */
    abstract long eventTime(I element);

    /** The release order (event time, then a unique id). */
    abstract Comparator<I> order();

    /** Opens the subclass's own state. */
    abstract void openState();

    /** Applies released elements, in order. */
    abstract void release(List<I> ready, Context ctx, Collector<O> out) throws Exception;

    /**
     * A value state the function reads and writes at (nearly) every release: direct on the heap, behind a
     * write-back cache under a serialising backend (RocksDB), bounded by keys and by bytes as {@code weigher}
     * estimates them.
     */
    final <V> WriteBackCache<V> releasedState(ValueStateDescriptor<V> descriptor, ToLongFunction<V> weigher) {
        WriteBackCache<V> c = WriteBackCache.of(getRuntimeContext().getState(descriptor), WriteBackCache.KEYS, weigher);
        if (caches == null) caches = new ArrayList<>();
        caches.add(c);
        return c;
    }

    @Override
    public final List<WriteBackCache<?>> caches() {
        return caches == null ? List.of() : caches;
    }

    /** Called at every timer the function registered (state clean-up), after the elements of that time. */
    void afterTimer(long timestamp, Context ctx) throws Exception {}

    @Override
    public final void open(OpenContext ctx) {
        openState();
    }

    @Override
    public final void processElement(I element, Context ctx, Collector<O> out) throws Exception {
        release(List.of(element), ctx, out);
    }

    @Override
    public final void onTimer(long timestamp, OnTimerContext ctx, Collector<O> out) throws Exception {
        afterTimer(timestamp, ctx);
    }
}
