package org.fengxiang.app.job;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataInputViewStreamWrapper;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.runtime.state.KeyGroupRangeAssignment;
import org.apache.flink.runtime.state.KeyGroupStatePartitionStreamProvider;
import org.apache.flink.runtime.state.KeyGroupsList;
import org.apache.flink.runtime.state.KeyedStateCheckpointOutputStream;
import org.apache.flink.runtime.state.StateInitializationContext;
import org.apache.flink.runtime.state.StateSnapshotContext;
import org.apache.flink.streaming.api.operators.InternalTimeServiceManager;
import org.apache.flink.streaming.api.operators.StreamingRuntimeContext;
import org.apache.flink.streaming.api.watermark.Watermark;

/**
 * The input of an ordered operator that waits for the watermark ({@link HeldElements} with the element
 * serializer and the checkpoint plumbing). Released elements come out in event-time order and, within an event
 * time, in the function's order (stable: ties keep arrival order); before the elements of each event time the
 * operator's timers are advanced to just before it, so timers and elements interleave by time alone, whatever
 * steps the watermark takes. That keeps live runs and reruns equal.
 */
final class HeldInput<I> {
    /** Applies one released element under its key. */
    interface Apply<I> {
        void apply(String key, I element, long time) throws Exception;
    }

    /** Fires the operator's event-time timers up to a time. */
    interface Timers {
        void advanceTo(long time) throws Exception;
    }

    private final HeldElements held = new HeldElements();
    private final TypeSerializer<I> serializer;
    /** An element's event time; null for an input whose times come from the records ({@link #holdAt}). */
    private final ToLongFunction<I> eventTime;
    private final Comparator<I> order;
    private final int maxParallelism;
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();
    /** The newest watermark seen: elements at or before it can no longer be reordered. */
    private long watermark = Long.MIN_VALUE;

    HeldInput(TypeSerializer<I> serializer, ToLongFunction<I> eventTime, Comparator<I> order, int maxParallelism) {
        this.serializer = serializer;
        this.eventTime = eventTime;
        this.order = order;
        this.maxParallelism = maxParallelism;
    }

    /** A held input for an operator of {@code rc}, holding again what {@code context} restores. */
    static <I> HeldInput<I> open(StreamingRuntimeContext rc, Class<I> type, ToLongFunction<I> eventTime, Comparator<I> order,
                                 StateInitializationContext context) throws IOException {
        HeldInput<I> h = new HeldInput<>(rc.createSerializer(TypeInformation.of(type)), eventTime, order,
                rc.getTaskInfo().getMaxNumberOfParallelSubtasks());
        h.restore(context);
        return h;
    }

    /**
     * Holds the element and returns true, or returns false (nothing held) when it is already behind the watermark
     * and must be applied at once.
     */
    boolean hold(String key, I element) throws IOException {
        return holdAt(key, element, eventTime.applyAsLong(element));
    }

    /** {@link #hold(String, Object)} at an event time given by the caller (a record's timestamp). */
    boolean holdAt(String key, I element, long time) throws IOException {
        if (time <= watermark) return false;
        hold(key, element, time);
        return true;
    }

    /** Every held element, by event time then arrival (immutable: for a snapshot that copies references). */
    List<HeldElements.Held> elements() {
        List<HeldElements.Held> all = new ArrayList<>(held.size());
        held.forEach(all::add);
        return all;
    }

    /** Holds again elements of an earlier {@link #elements()}. */
    void holdAgain(Iterable<HeldElements.Held> elements) {
        for (HeldElements.Held h : elements) held.add(h);
    }

    /**
     * Takes the operator's new watermark: releases every held element at or before it, in order, firing the
     * operator's timers ({@code timers}, null for none) in between.
     */
    void onWatermark(Watermark mark, InternalTimeServiceManager<?> timers, Apply<I> apply) throws Exception {
        watermark = Math.max(watermark, mark.getTimestamp());
        release(mark.getTimestamp(), t -> {
            if (timers != null) timers.advanceWatermark(new Watermark(t));
        }, apply);
    }

    void hold(String key, I element, long time) throws IOException {
        out.clear();
        serializer.serialize(element, out);
        held.add(new HeldElements.Held(key, KeyGroupRangeAssignment.assignToKeyGroup(key, maxParallelism), time,
                out.getCopyOfBuffer()));
    }

    int size() {
        return held.size();
    }

    /** Releases every held element at or before {@code watermark}, in order, with the timers interleaved. */
    void release(long watermark, Timers timers, Apply<I> apply) throws Exception {
        while (!held.isEmpty() && held.firstTime() <= watermark) {
            long time = held.firstTime();
            timers.advanceTo(time - 1);
            List<HeldElements.Held> at = held.takeFirst();
            List<Ready<I>> ready = new ArrayList<>(at.size());
            for (HeldElements.Held h : at) {
                in.setBuffer(h.bytes());
                ready.add(new Ready<>(h.key(), serializer.deserialize(in)));
            }
            if (ready.size() > 1) ready.sort((a, b) -> order.compare(a.element, b.element));
            for (Ready<I> r : ready) apply.apply(r.key, r.element, time);
        }
    }

    private record Ready<I>(String key, I element) {}

    /** Writes the held elements to the checkpoint's raw keyed state, every key group of this instance. */
    void snapshot(StateSnapshotContext context) throws Exception {
        KeyedStateCheckpointOutputStream stream = context.getRawKeyedOperatorStateOutput();
        try {
            KeyGroupsList groups = stream.getKeyGroupList();
            int first = Integer.MAX_VALUE;
            int last = Integer.MIN_VALUE;
            for (int g : groups) {
                first = Math.min(first, g);
                last = Math.max(last, g);
            }
            List<List<HeldElements.Held>> byGroup = held.byKeyGroup(first, last);
            DataOutputSerializer buffer = new DataOutputSerializer(64 * 1024);
            for (int g : groups) {
                stream.startNewKeyGroup(g);
                // one write per key group: the checkpoint stream takes single bytes one call at a time, and this
                // part of the checkpoint holds up the task
                buffer.clear();
                HeldElements.write(byGroup.get(g - first), buffer);
                stream.write(buffer.getSharedBuffer(), 0, buffer.length());
            }
        } finally {
            stream.close();
        }
    }

    /** Holds again the elements of the key groups this instance restores. */
    void restore(StateInitializationContext context) throws IOException {
        if (!context.isRestored()) return;
        for (KeyGroupStatePartitionStreamProvider p : context.getRawKeyedStateInputs()) {
            try (InputStream stream = new BufferedInputStream(p.getStream(), 64 * 1024)) {
                held.read(p.getKeyGroupId(), new DataInputViewStreamWrapper(stream));
            }
        }
    }
}
