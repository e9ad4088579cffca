package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
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
    private final TypeInformation<T> type;
    private transient HeldElements held;
    private transient TypeSerializer<T> serializer;
    private transient DataOutputSerializer out;
    private transient DataInputDeserializer in;
    private transient ListState<HeldElements.Held> checkpointed;
    /** True while {@link #checkpointed} still holds the last snapshot's list (cleared on the next call). */
    private transient boolean snapshotListed;
    private transient long watermark;

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
        held = new HeldElements();
        serializer = getRuntimeContext().createSerializer(type);
        out = new DataOutputSerializer(1024);
        in = new DataInputDeserializer();
        watermark = Long.MIN_VALUE;
        checkpointed = context.getOperatorStateStore().getListState(
                new ListStateDescriptor<>("held-in-event-time-order", HeldSerializer.INSTANCE));
        if (context.isRestored()) {
            for (HeldElements.Held h : checkpointed.get()) held.add(h);
        }
        checkpointed.clear();
    }

    @Override
    public void processElement(StreamRecord<T> record) throws Exception {
        forgetSnapshotList();
        if (!record.hasTimestamp() || record.getTimestamp() <= watermark) {
            output.collect(record);
            return;
        }
        out.clear();
        serializer.serialize(record.getValue(), out);
        held.add(new HeldElements.Held("", 0, record.getTimestamp(), out.getCopyOfBuffer()));
    }

    @Override
    public void processWatermark(Watermark mark) throws Exception {
        forgetSnapshotList();
        watermark = Math.max(watermark, mark.getTimestamp());
        StreamRecord<T> reuse = new StreamRecord<>(null);
        while (!held.isEmpty() && held.firstTime() <= watermark) {
            long time = held.firstTime();
            for (HeldElements.Held h : held.takeFirst()) {
                in.setBuffer(h.bytes());
                output.collect(reuse.replace(serializer.deserialize(in), time));
            }
        }
        super.processWatermark(mark);
    }

    /** Elements held now, for tests. */
    int heldCount() {
        return held.size();
    }

    @Override
    public void snapshotState(StateSnapshotContext context) throws Exception {
        super.snapshotState(context);
        List<HeldElements.Held> all = new ArrayList<>(held.size());
        held.forEach(all::add);
        checkpointed.update(all);
        snapshotListed = true;
    }

    /** The backend copied the list when it took the snapshot; do not keep released elements alive through it. */
    private void forgetSnapshotList() throws Exception {
        if (!snapshotListed) return;
        checkpointed.clear();
        snapshotListed = false;
    }
}
