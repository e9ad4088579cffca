package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.TimerService;

/**
 * Holds keyed elements until the watermark passes their event time, then releases them in a fixed
 * order, so a function's decisions do not depend on arrival order or parallelism. Elements are kept by
 * event time, one timer per distinct event time, so releasing costs only what is released (a key with
 * many held elements is not scanned again at every timer).
 */
final class EventTimeBuffer<T> {
    private final MapState<Long, List<T>> byTime;

    private EventTimeBuffer(MapState<Long, List<T>> byTime) {
        this.byTime = byTime;
    }

    /** The buffer in keyed state {@code name} of the function's runtime context. */
    static <T> EventTimeBuffer<T> open(RuntimeContext rc, String name, Class<T> type) {
        return new EventTimeBuffer<>(rc.getMapState(new MapStateDescriptor<>(name, Types.LONG,
                Types.LIST(TypeInformation.of(type)))));
    }

    /**
     * Buffers the element and registers a timer at its event time; returns false (nothing buffered)
     * when it is already behind the watermark and must be applied at once.
     */
    boolean hold(T element, long eventTime, TimerService timers) throws Exception {
        if (eventTime <= timers.currentWatermark()) return false;
        List<T> at = byTime.get(eventTime);
        if (at == null) {
            at = new ArrayList<>(2);
            timers.registerEventTimeTimer(eventTime);
        }
        at.add(element);
        byTime.put(eventTime, at);
        return true;
    }

    /**
     * Removes the elements held for event time {@code timestamp} (the time of the firing timer; earlier
     * ones were released by their own, earlier timers) and returns them in {@code order}.
     */
    List<T> take(long timestamp, Comparator<T> order) throws Exception {
        List<T> ready = byTime.get(timestamp);
        if (ready == null) return List.of();
        byTime.remove(timestamp);
        if (ready.size() > 1) ready.sort(order);
        return ready;
    }

    /** True when nothing is held. */
    boolean isEmpty() throws Exception {
        return byTime.isEmpty();
    }
}
