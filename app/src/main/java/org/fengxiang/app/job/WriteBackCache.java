package org.fengxiang.app.job;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.state.ValueState;

/**
 * The deserialised values of one keyed value state for the most recently used keys, kept on the heap in front of a
 * state backend that serialises every access (RocksDB). Reads of cached keys cost nothing; changes are written back
 * when a key leaves the cache and before every checkpoint ({@link #flush}), so a checkpoint holds exactly the values
 * at its barrier. Until {@link #enable} (and always on the heap backend, whose values are the objects themselves)
 * every call goes straight to the state.
 */
final class WriteBackCache<V> {
    /** Switches the operator's current key (for state and timers). */
    interface Keys {
        Object current();

        void set(Object key);
    }

    /** Keys kept deserialised per cache and operator instance (the busiest incidents, cascades and buckets). */
    static final int KEYS = 4096;
    private final ValueState<V> state;
    private final int capacity;
    private Keys keys; // null: direct (every call goes to the state)
    private final LinkedHashMap<Object, Slot<V>> slots = new LinkedHashMap<>(64, 0.75f, true);

    private static final class Slot<V> {
        V value;
        boolean dirty;

        Slot(V value, boolean dirty) {
            this.value = value;
            this.dirty = dirty;
        }
    }

    private WriteBackCache(ValueState<V> state, int capacity) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.state = state;
        this.capacity = capacity;
    }

    /** {@code state}, direct until {@link #enable} puts a cache of up to {@code capacity} keys in front of it. */
    static <V> WriteBackCache<V> of(ValueState<V> state, int capacity) {
        return new WriteBackCache<>(state, capacity);
    }

    /** Caches values from now on, switching keys with {@code keys} to write them back (a serialising backend). */
    void enable(Keys keys) {
        this.keys = keys;
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
