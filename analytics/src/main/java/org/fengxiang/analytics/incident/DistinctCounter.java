package org.fengxiang.analytics.incident;

import java.util.HashSet;

/**
 * Distinct count with bounded memory (Wegman's adaptive sampling): exact up to {@code cap} values;
 * beyond, only values whose 64-bit hash has its lowest {@code level} bits zero are kept and the
 * estimate is {@code size * 2^level}. Order-independent. Jackson-serialisable (public fields).
 */
public class DistinctCounter {
    public HashSet<Long> hashes = new HashSet<>();
    public int level;

    public DistinctCounter() {}

    /** Adds a value (null or empty is ignored). */
    void add(String value, int cap) {
        if (value == null || value.isEmpty()) return;
        long h = IncidentIds.hash64(value);
        if ((h & mask()) != 0) return;
        hashes.add(h);
        while (hashes.size() > cap) {
            level++;
            long m = mask();
            hashes.removeIf(x -> (x & m) != 0);
        }
    }

    /** The distinct count (exact while {@code level == 0}). */
    long estimate() {
        return (long) hashes.size() << level;
    }

    private long mask() {
        return level >= 63 ? -1L : (1L << level) - 1;
    }
}
