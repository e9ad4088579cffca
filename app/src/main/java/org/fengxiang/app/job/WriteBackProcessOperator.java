package org.fengxiang.app.job;

import java.util.List;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.runtime.state.heap.HeapKeyedStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;

/**
 * Runs a keyed process function whose large state values may sit in {@link WriteBackCache}s: under a serialising
 * state backend (RocksDB) it gives the function the key switch the caches need and flushes them before each
 * checkpoint; on the heap it changes nothing.
 */
final class WriteBackProcessOperator<I, O> extends KeyedProcessOperator<String, I, O> {
    private static final long serialVersionUID = 1L;
    private final Cached function;

    /** A function with write-back caches. */
    interface Cached {
        /** The function's caches (created in its open, direct until the operator enables them). */
        List<WriteBackCache<?>> caches();
    }

    <F extends KeyedProcessFunction<String, I, O> & Cached> WriteBackProcessOperator(F function) {
        super(function);
        this.function = function;
    }

    /** Lets {@code function} cache its states if {@code operator}'s keyed state is serialised (not on the heap). */
    static void cacheUnlessOnHeap(AbstractStreamOperator<?> operator, Cached function) {
        if (operator.getKeyedStateBackend() instanceof HeapKeyedStateBackend) return;
        WriteBackCache.Keys keys = new WriteBackCache.Keys() {
            @Override public Object current() { return operator.getCurrentKey(); }
            @Override public void set(Object key) { operator.setCurrentKey(key); }
        };
        long budget = WriteBackCache.budget(operator.getRuntimeContext().getGlobalJobParameters());
        for (WriteBackCache<?> c : function.caches()) c.enable(keys, budget);
    }

    /** Writes {@code function}'s caches back: call before the keyed state backend takes its snapshot. */
    static void flush(Cached function) throws Exception {
        for (WriteBackCache<?> c : function.caches()) c.flush();
    }

    @Override
    public void open() throws Exception {
        super.open();
        cacheUnlessOnHeap(this, function);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        flush(function);
        super.snapshotState(context);
    }
}
