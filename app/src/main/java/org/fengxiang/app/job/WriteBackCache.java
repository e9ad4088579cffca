package org.fengxiang.app.job;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.ToLongFunction;
import org.apache.flink.api.common.state.ValueState;

/**
 * The deserialised values of one keyed value state for the most recently used keys, kept on the heap in front of a
 * state backend that serialises every access (RocksDB). Reads of cached keys cost nothing; changes are written back
 * when a key leaves the cache and before every checkpoint ({@link #flush}), so a checkpoint holds exactly the values
 * at its barrier. The cache is bounded by keys and by the approximate heap bytes of its values (a weigher
 * estimates each value when it is read or set), whichever is reached first. Until {@link #enable} (and always on
 * the heap backend, whose values are the objects themselves) every call goes straight to the state.
 */
final class WriteBackCache<V> {
    /** Switches the operator's current key (for state and timers). */
    interface Keys {
        Object current();

        void set(Object key);
    }

    /** Keys kept deserialised per cache and operator instance (the busiest incidents, cascades and buckets). */
    static final int KEYS = 4096;
    /** The global job parameter with the estimated heap (MiB) of the values kept per cache and operator instance. */
    static final String BUDGET_PARAMETER = "fengxiang.stateCacheMiB";
    /** The budget when the job does not set {@link #BUDGET_PARAMETER} (MiB). */
    static final int DEFAULT_BUDGET_MIB = 256;
    private final ValueState<V> state;
    private final int capacity;
    private long budget; // set by enable
    private final ToLongFunction<V> weigher;
    private long weight; // sum of the slots' weights
    private Keys keys; // null: direct (every call goes to the state)
    private final LinkedHashMap<Object, Slot<V>> slots = new LinkedHashMap<>(64, 0.75f, true);

    private static final class Slot<V> {
        V value;
        boolean dirty;
        long weight;

        Slot(V value, boolean dirty, long weight) {
            this.value = value;
            this.dirty = dirty;
            this.weight = weight;
        }
    }

    private WriteBackCache(ValueState<V> state, int capacity, ToLongFunction<V> weigher) {
        if (capacity < 1) throw new IllegalArgumentException("capacity must be positive");
        this.state = state;
        this.capacity = capacity;
        this.weigher = weigher;
    }

    /**
     * {@code state}, direct until {@link #enable} puts a cache in front of it of up to {@code capacity} keys and a
     * budget of bytes of values as {@code weigher} estimates them.
     */
    static <V> WriteBackCache<V> of(ValueState<V> state, int capacity, ToLongFunction<V> weigher) {
        return new WriteBackCache<>(state, capacity, weigher);
    }

    /**
     * Caches values from now on, up to {@code budget} estimated bytes, switching keys with {@code keys} to write
     * them back (a serialising backend).
     */
    void enable(Keys keys, long budget) {
        if (budget < 1) throw new IllegalArgumentException("budget must be positive");
        this.keys = keys;
        this.budget = budget;
    }

    /** The budget in bytes that the job's parameters set ({@link #BUDGET_PARAMETER}), else the default. */
    static long budget(Map<String, String> jobParameters) {
        String mib = jobParameters.get(BUDGET_PARAMETER);
        return (mib == null ? DEFAULT_BUDGET_MIB : Long.parseLong(mib)) << 20;
    }

    /** The value of the current key (null if none). */
    V value() throws Exception {
        if (keys == null) return state.value();
        Object key = keys.current();
        Slot<V> s = slots.get(key);
        if (s != null) return s.value;
        V v = state.value();
        if (v != null) admit(key, new Slot<>(v, false, weigher.applyAsLong(v)));
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
            admit(key, new Slot<>(value, true, weigher.applyAsLong(value)));
        } else {
            s.value = value;
            s.dirty = true;
            long w = weigher.applyAsLong(value);
            weight += w - s.weight;
            s.weight = w;
            evict(key);
        }
    }

    /** Removes the current key's value here and in the backend. */
    void clear() {
        if (keys != null) {
            Slot<V> s = slots.remove(keys.current());
            if (s != null) weight -= s.weight;
        }
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

    /** The estimated bytes of the cached values. */
    long weight() {
        return weight;
    }

    private void admit(Object key, Slot<V> slot) throws Exception {
        slots.put(key, slot);
        weight += slot.weight;
        evict(key);
    }

    /** Evicts the least recently used keys (never {@code current}) while over a bound, writing changed ones back. */
    private void evict(Object current) throws Exception {
        Iterator<Map.Entry<Object, Slot<V>>> eldest = slots.entrySet().iterator();
        boolean switched = false;
        while ((slots.size() > capacity || weight > budget) && slots.size() > 1) {
            Map.Entry<Object, Slot<V>> e = eldest.next();
            if (e.getKey().equals(current)) continue;
            eldest.remove();
            Slot<V> s = e.getValue();
            weight -= s.weight;
            if (!s.dirty) continue;
            keys.set(e.getKey());
            switched = true;
            state.update(s.value);
        }
        if (switched) keys.set(current);
    }
}
