package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.List;

/**
 * The posts seen in one SimHash band bucket within a time-to-live, capped in size. Plain Java state
 * (JSON type information in Flink): probes must be applied in (event time, id) order.
 */
public class BandBucket {
    /** Maximum Hamming distance for near-duplicates. */
    public static final int MAX_DISTANCE = 3;

    /** Entries in application order (oldest first). */
    public List<Entry> entries = new ArrayList<>();

    /** One remembered post. */
    public static class Entry {
        public String id;
        public long simhash;
        public long time;
        public String root;
        public long rootTime;

        public Entry() {}

        Entry(String id, long simhash, long time, String root, long rootTime) {
            this.id = id;
            this.simhash = simhash;
            this.time = time;
            this.root = root;
            this.rootTime = rootTime;
        }
    }

    /**
     * Looks the probe up (setting its root to the root of the earliest near-duplicate seen before it,
     * if any) and remembers it.
     */
    void apply(BandProbe p, long ttlMillis, int cap) {
        entries.removeIf(e -> e.time < p.eventTime - ttlMillis);
        Entry best = null;
        for (Entry e : entries) {
            if (e.id.equals(p.postId) || Long.bitCount(e.simhash ^ p.simhash) > MAX_DISTANCE) continue;
            if (best == null || e.rootTime < best.rootTime || e.rootTime == best.rootTime && e.root.compareTo(best.root) < 0) best = e;
        }
        if (best != null) {
            p.root = best.root;
            p.rootTime = best.rootTime;
        }
        entries.add(best == null ? new Entry(p.postId, p.simhash, p.eventTime, p.postId, p.eventTime)
                : new Entry(p.postId, p.simhash, p.eventTime, best.root, best.rootTime));
        while (entries.size() > cap) entries.remove(0);
    }
}
