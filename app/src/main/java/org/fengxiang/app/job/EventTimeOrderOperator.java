package org.fengxiang.app.job;

import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.operators.AbstractStreamOperator;
import org.apache.flink.streaming.api.operators.OneInputStreamOperator;
import org.apache.flink.streaming.api.watermark.Watermark;
import org.apache.flink.streaming.runtime.streamrecord.StreamRecord;

/**
 * Puts a stream in event-time order once, right after enrichment: each element waits (serialised) until the
 * watermark passes its timestamp and then goes on, oldest first, just before the watermark itself. The ordered
 * stages downstream still wait for their own watermark (their inputs merge several instances), but now only
 * for the elements since the previous watermark, instead of each holding the whole disorder bound (a minute of
 * posts) of what it receives: the story lookup used to hold six band probes per original post for the whole
 * minute. Not keyed (chained to enrichment, no shuffle): the held elements go into the checkpoint as operator
 * list state, written by the asynchronous part of the snapshot (its synchronous part copies one list of
 * references), and may land on any instance after a restore with another parallelism. Elements without a
 * timestamp or already behind the watermark pass at once.
 */
final class EventTimeOrderOperator<T> extends AbstractStreamOperator<T> implements OneInputStreamOperator<T, T> {
    private static final long serialVersionUID = 1L;
    /** One key for all: the operator is not keyed, its held elements are split by the list state on a restore. */
    private static final String NO_KEY = "";
    private final TypeInformation<T> type;
    private transient HeldInput<T> held;
    private transient ListState<HeldElements.Held> checkpointed;
    /** True while {@link #checkpointed} still holds the last snapshot's list (cleared on the next call). */
    private transient boolean snapshotListed;

    EventTimeOrderOperator(TypeInformation<T> type) {
        this.type = type;
    }

    /** {@code stream} in event-time order up to each watermark, under the name and uid {@code name}. */
    static <T> DataStream<T> apply(DataStream<T> stream, TypeInformation<T> type, String name) {
        return stream.transform(name, type, new EventTimeOrderOperator<>(type)).uid(name);
    }

    @Override
    public void initializeState(StateInitializationContext context) throws Exception {
        super.initializeState(context);
        // timestamps come from the records (holdAt), ties keep arrival order (a stable sort under an all-equal order)
        held = new HeldInput<>(getRuntimeContext().createSerializer(type), null, (a, b) -> 0,
                getRuntimeContext().getTaskInfo().getMaxNumberOfParallelSubtasks());
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("held-in-event-time-order", HeldSerializer.INSTANCE));
        if (context.isRestored()) held.holdAgain(checkpointed.get());
        checkpointed.clear();
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        forgetSnapshotList();
        if (!record.hasTimestamp() || !held.holdAt(NO_KEY, record.getValue(), record.getTimestamp())) output.collect(record);
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        forgetSnapshotList();
        StreamRecord<T> reuse = new StreamRecord<>(null);
        held.onWatermark(mark, null, (key, element, time) -> output.collect(reuse.replace(element, time)));
        super.processWatermark(mark);
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        checkpointed.update(held.elements());
        snapshotListed = true;
    }

    /** The backend copied the list when it took the snapshot; do not keep released elements alive through it. */
    private void forgetSnapshotList() throws Exception {
        if (!snapshotListed) return;
        checkpointed.clear();
        snapshotListed = false;
    }
}
