package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.streaming.api.TimerService;

/**
 * Holds keyed elements until the watermark passes their event time, then releases them in a fixed
 * order, so a function's decisions do not depend on arrival order or parallelism.
 */
final class EventTimeBuffer {
    private EventTimeBuffer() {}

    /**
     * Buffers the element and registers a timer at its event time; returns false (nothing buffered)
     * when it is already behind the watermark and must be applied at once.
     */
    static <T> boolean hold(ListState<T> pending, T element, long eventTime, TimerService timers) throws Exception {
        if (eventTime <= timers.currentWatermark()) return false;
        pending.add(element);
        timers.registerEventTimeTimer(eventTime);
        return true;
    }

    /** Removes the buffered elements with event time ≤ {@code timestamp} and returns them in {@code order}. */
    static <T> List<T> takeReady(ListState<T> pending, long timestamp, ToLongFunction<T> time, Comparator<T> order)
            throws Exception {
        List<T> ready = new ArrayList<>();
        List<T> rest = new ArrayList<>();
        for (T e : pending.get()) (time.applyAsLong(e) <= timestamp ? ready : rest).add(e);
        if (!ready.isEmpty()) pending.update(rest);
        ready.sort(order);
        return ready;
    }
}
