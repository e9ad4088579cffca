package org.fengxiang.app.job;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;

/**
 * The deserialised values of one keyed value state for the most recently used keys, kept on the heap in front of a
 * state backend that serialises every access (RocksDB). Reads of cached keys cost nothing; changes are written back
 * when a key leaves the cache and before every checkpoint ({@link #flush}), so a checkpoint holds exactly the values
 * at its barrier. On the heap backend, whose values are the objects themselves, use {@link #direct}: every call goes
 * straight to the state.
 */
final class WriteBackCache<V> {
    /** Switches the operator's current key (for state and timers). */
    interface Keys {
        Object current();

        void set(Object key);
    }

    private final ValueState<V> state;
    private final Keys keys;
    private final int capacity;
    private final LinkedHashMap<Object, Slot<V>> slots = new LinkedHashMap<>(64, 0.75f, true);

    private static final class Slot<V> {
        V value;
        boolean dirty;

        Slot(V value, boolean dirty) {
            this.value = value;
            this.dirty = dirty;
        }
    }

    private WriteBackCache(ValueState<V> state, Keys keys, int capacity) {
        this.state = state;
        this.keys = keys;
        this.capacity = capacity;
    }

    /** No cache: every call goes to the state (the heap backend). */
    static <V> WriteBackCache<V> direct(ValueState<V> state) {
        return new WriteBackCache<>(state, null, 0);
    }

    /** A cache of the values of up to {@code capacity} keys in front of {@code state}. */
    static <V> WriteBackCache<V> caching(ValueState<V> state, Keys keys, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        return new WriteBackCache<>(state, keys, capacity);
    }

    /** The same state with a cache of {@code capacity} keys. */
    WriteBackCache<V> cached(Keys keys, int capacity) {
        return caching(state, keys, capacity);
    }

    /** The value of the current key (null if none). */
    V value() throws Exception {
        if (keys == null) return state.value();
        Object key = keys.current();
        Slot<V> s = slots.get(key);
        if (s != null) return s.value;
        V v = state.value();
        if (v != null) admit(key, new Slot<>(v, false));
        return v;
    }

    /** Sets the value of the current key (written to the backend later). */
    void update(V value) throws Exception {
        if (keys == null) {
            state.update(value);
            return;
        }
        Object key = keys.current();
        Slot<V> s = slots.get(key);
        if (s == null) {
            admit(key, new Slot<>(value, true));
        } else {
            s.value = value;
            s.dirty = true;
        }
    }

    /** Removes the current key's value here and in the backend. */
    void clear() {
        if (keys != null) slots.remove(keys.current());
        state.clear();
    }

    /** Writes every changed value back to the backend (before a checkpoint). */
    void flush() throws Exception {
        if (keys == null) return;
        Object current = keys.current();
        boolean switched = false;
        for (Map.Entry<Object, Slot<V>> e : slots.entrySet()) {
            Slot<V> s = e.getValue();
            if (!s.dirty) continue;
            keys.set(e.getKey());
            switched = true;
            state.update(s.value);
            s.dirty = false;
        }
        if (switched && current != null) keys.set(current);
    }

    int size() {
        return slots.size();
    }

    private void admit(Object key, Slot<V> slot) throws Exception {
        slots.put(key, slot);
        if (slots.size() <= capacity) return;
        Iterator<Map.Entry<Object, Slot<V>>> eldest = slots.entrySet().iterator();
        Map.Entry<Object, Slot<V>> e = eldest.next();
        eldest.remove();
        if (!e.getValue().dirty) return;
        keys.set(e.getKey());
        state.update(e.getValue().value);
        keys.set(key);
    }
}
