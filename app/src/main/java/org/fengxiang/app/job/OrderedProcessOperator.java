package org.fengxiang.app.job;

import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Runs an {@link OrderedKeyedFunction}: holds each element until the watermark passes its event time, then hands
 * it to the function in (event time, function order), so the function's decisions do not depend on arrival order
 * or parallelism. Elements already behind the watermark go to the function at once (they cannot be reordered).
 * The held elements of all keys are one {@link HeldInput} per instance, checkpointed as raw keyed state.
 */
final class OrderedProcessOperator<I, O> extends KeyedProcessOperator<String, I, O> {
    private static final long serialVersionUID = 1L;
    private final OrderedKeyedFunction<I, O> function;
    private transient HeldInput<I> held;

    OrderedProcessOperator(OrderedKeyedFunction<I, O> function) {
        super(function);
        this.function = function;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        held = HeldInput.open(getRuntimeContext(), function.type(), function::eventTime, function.order(), context);
    }

    @Override
    public void open() throws Exception {
        super.open();
        WriteBackProcessOperator.cacheUnlessOnHeap(this, function);
    }

    @Override
    public void processElement(StreamRecord<I> record) throws Exception {
        if (!held.hold((String) getCurrentKey(), record.getValue())) super.processElement(record);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        held.onWatermark(mark, timeServiceManager, (key, element, time) -> {
            setCurrentKey(key);
            super.processElement(new StreamRecord<>(element, time));
        });
        super.processWatermark(mark);
    }

    @Override
    protected boolean isUsingCustomRawKeyedState() {
        return true;
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        WriteBackProcessOperator.flush(function); // before the keyed state backend takes its snapshot
        super.snapshotState(context);
        held.snapshot(context);
    }
}
