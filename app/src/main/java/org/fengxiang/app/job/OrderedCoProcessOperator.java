package org.fengxiang.app.job;

import java.util.Comparator;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.streaming.api.operators.co.KeyedCoProcessOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;
import org.fengxiang.core.Post;

/**
 * Runs a two-input keyed function whose first input is posts that wait for the (combined) watermark, as
 * {@link OrderedProcessOperator} does for one input; the second input goes to the function at once.
 */
final class OrderedCoProcessOperator<I2, O> extends KeyedCoProcessOperator<String, Post, I2, O> {
    private static final long serialVersionUID = 1L;
    private final Comparator<Post> order;
    private transient HeldInput<Post> held;

    OrderedCoProcessOperator(KeyedCoProcessFunction<String, Post, I2, O> function, Comparator<Post> order) {
        super(function);
        this.order = order;
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        held = HeldInput.open(getRuntimeContext(), Post.class, p -> p.eventTime, order, context);
    }

    @Override
    public void processElement1(StreamRecord<Post> record) throws Exception {
        if (!held.hold((String) getCurrentKey(), record.getValue())) super.processElement1(record);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        held.onWatermark(mark, timeServiceManager, (key, post, time) -> {
            setCurrentKey(key);
            super.processElement1(new StreamRecord<>(post, time));
        });
        super.processWatermark(mark);
    }

    @Override
    protected boolean isUsingCustomRawKeyedState() {
        return true;
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        held.snapshot(context);
    }
}
