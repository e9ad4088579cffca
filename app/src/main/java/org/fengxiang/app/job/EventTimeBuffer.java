package org.fengxiang.app.job;

import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.streaming.api.TimerService;

/**
 * Holds keyed elements until the watermark passes their event time, then releases them in a fixed
 * order, so a function's decisions do not depend on arrival order or parallelism. Elements are kept by
 * event time, one timer per distinct event time, so releasing costs only what is released (a key with
 * many held elements is not scanned again at every timer).
 *
 * <p>Held elements are kept serialised, one byte array each: a buffer holds the disorder bound's worth of
 * the stream (a minute of posts at 3,000/s is ~180,000 posts per buffering stage), and as objects a post is
 * some thirty strings and lists, which the garbage collector traces again and again; as bytes it is one
 * array, and checkpoints copy it as is.
 */
final class EventTimeBuffer<T> {
    private final MapState<Long, List<byte[]>> byTime;
    private final TypeSerializer<T> serializer;
    private final DataOutputSerializer out = new DataOutputSerializer(512);
    private final DataInputDeserializer in = new DataInputDeserializer();

    private EventTimeBuffer(MapState<Long, List<byte[]>> byTime, TypeSerializer<T> serializer) {
        this.byTime = byTime;
        this.serializer = serializer;
    }

    /** The buffer in keyed state {@code name} of the function's runtime context. */
    static <T> EventTimeBuffer<T> open(RuntimeContext rc, String name, Class<T> type) {
        return new EventTimeBuffer<>(rc.getMapState(new MapStateDescriptor<>(name, Types.LONG,
                Types.LIST(PrimitiveArrayTypeInfo.BYTE_PRIMITIVE_ARRAY_TYPE_INFO))),
                rc.createSerializer(TypeInformation.of(type)));
    }

    /**
     * Buffers the element and registers a timer at its event time; returns false (nothing buffered)
     * when it is already behind the watermark and must be applied at once.
     */
    boolean hold(T element, long eventTime, TimerService timers) throws Exception {
        if (eventTime <= timers.currentWatermark()) return false;
        List<byte[]> at = byTime.get(eventTime);
        if (at == null) {
            at = new ArrayList<>(2);
            timers.registerEventTimeTimer(eventTime);
        }
        at.add(bytes(element));
        byTime.put(eventTime, at);
        return true;
    }

    /**
     * Removes the elements held for event time {@code timestamp} (the time of the firing timer; earlier
     * ones were released by their own, earlier timers) and returns them in {@code order}.
     */
    List<T> take(long timestamp, Comparator<T> order) throws Exception {
        List<byte[]> held = byTime.get(timestamp);
        if (held == null) return List.of();
        byTime.remove(timestamp);
        List<T> ready = new ArrayList<>(held.size());
        for (byte[] b : held) {
            in.setBuffer(b);
            ready.add(serializer.deserialize(in));
        }
        if (ready.size() > 1) ready.sort(order);
        return ready;
    }

    /** True when nothing is held. */
    boolean isEmpty() throws Exception {
        return byTime.isEmpty();
    }

    private byte[] bytes(T element) throws IOException {
        out.clear();
        serializer.serialize(element, out);
        return out.getCopyOfBuffer();
    }
}
