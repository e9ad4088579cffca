package org.fengxiang.analytics.dedup;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Near-duplicate lookup by SimHash through 4 banded keys (see {@link SimHash#bandKeys}). A post whose
 * hash is within {@code maxHamming} (at most 3) of a remembered post is a near duplicate of the
 * earliest such post in event time; posts are remembered for {@code ttlMillis} of event time.
 * Not thread-safe: one instance per task or per key group. In a keyed stream, key by band key and
 * use {@link #bestMatch} on the band's entries, then take the earliest match over the 4 bands.
 */
public final class NearDuplicateIndex {
    /** A remembered post (a Flink POJO). */
    public static class Entry {
        public String id;
        public long simhash;
        public long eventTime;

        public Entry() {}

        public Entry(String id, long simhash, long eventTime) {
            this.id = id;
            this.simhash = simhash;
            this.eventTime = eventTime;
        }
    }

    private final int maxHamming;
    private final long ttlMillis;
    private final Map<Integer, List<Entry>> bands = new HashMap<>();

    /** An index; {@code maxHamming} in [0, 3], {@code ttlMillis} > 0. */
    public NearDuplicateIndex(int maxHamming, long ttlMillis) {
        if (maxHamming < 0 || maxHamming > 3) throw new IllegalArgumentException("maxHamming must be in [0, 3]");
        if (ttlMillis <= 0) throw new IllegalArgumentException("ttlMillis must be > 0");
        this.maxHamming = maxHamming;
        this.ttlMillis = ttlMillis;
    }

    /**
     * Looks the post up and remembers it. Returns the id of the earliest remembered post (event time,
     * then id) within the distance and not older than the TTL, or null when it is an original (or its
     * hash is 0, meaning too short to compare). Feed posts in event-time order for exact results.
     */
    public String observe(String id, long simhash, long eventTime) {
        if (simhash == 0L) return null;
        Entry best = null;
        int[] keys = SimHash.bandKeys(simhash);
        for (int key : keys) {
            List<Entry> list = bands.get(key);
            if (list == null) continue;
            Entry e = bestMatch(list, simhash, eventTime, maxHamming, ttlMillis, id);
            if (e != null && (best == null || earlier(e, best))) best = e;
        }
        Entry self = new Entry(id, simhash, eventTime);
        for (int key : keys) bands.computeIfAbsent(key, k -> new ArrayList<>()).add(self);
        return best == null ? null : best.id;
    }

    /**
     * The earliest entry (event time, then id) within {@code maxHamming} of {@code simhash} that is not
     * the post itself and whose age relative to {@code eventTime} is under {@code ttlMillis}; or null.
     */
    public static Entry bestMatch(Iterable<Entry> entries, long simhash, long eventTime, int maxHamming, long ttlMillis,
                                  String selfId) {
        Entry best = null;
        for (Entry e : entries) {
            if (e.id.equals(selfId) || eventTime - e.eventTime >= ttlMillis || e.eventTime > eventTime) continue;
            if (SimHash.distance(e.simhash, simhash) > maxHamming) continue;
            if (best == null || earlier(e, best)) best = e;
        }
        return best;
    }

    /** Forgets entries whose event time is at or before {@code watermark - ttlMillis}. */
    public void expire(long watermark) {
        Iterator<Map.Entry<Integer, List<Entry>>> it = bands.entrySet().iterator();
        while (it.hasNext()) {
            List<Entry> list = it.next().getValue();
            list.removeIf(e -> e.eventTime <= watermark - ttlMillis);
            if (list.isEmpty()) it.remove();
        }
    }

    /** Number of remembered (post, band) entries. */
    public int size() {
        int n = 0;
        for (List<Entry> l : bands.values()) n += l.size();
        return n;
    }

    private static boolean earlier(Entry a, Entry b) {
        return a.eventTime != b.eventTime ? a.eventTime < b.eventTime : a.id.compareTo(b.id) < 0;
    }
}
