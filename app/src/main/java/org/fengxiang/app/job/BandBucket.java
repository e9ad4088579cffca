package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.analytics.dedup.NearDuplicateIndex;

/**
 * The posts seen in one SimHash band bucket within a time-to-live, capped in size, with the root
 * (first post in event time) of each post's near-duplicate chain. Matching is
 * {@link NearDuplicateIndex#bestMatch}; probes must be applied in (event time, id) order.
 */
public class BandBucket {
    /** Entries in application order (oldest first). */
    public List<NearDuplicateIndex.Entry> entries = new ArrayList<>();
    /** Post id → root id of its chain (absent: the post is its own root). */
    public Map<String, String> rootOf = new HashMap<>();
    /** Root id → its event time. */
    public Map<String, Long> rootTime = new HashMap<>();

    /**
     * Looks the probe up (setting its root to the root of the earliest near-duplicate seen before it,
     * if any) and remembers it.
     */
    void apply(BandProbe p, int maxHamming, long ttlMillis, int cap) {
        while (!entries.isEmpty() && (entries.get(0).eventTime <= p.eventTime - ttlMillis || entries.size() >= cap)) {
            forget(entries.remove(0).id);
        }
        NearDuplicateIndex.Entry best = NearDuplicateIndex.bestMatch(entries, p.simhash, p.eventTime, maxHamming, ttlMillis, p.postId);
        if (best != null) {
            p.root = rootOf.getOrDefault(best.id, best.id);
            p.rootTime = rootTime.getOrDefault(p.root, best.eventTime);
            rootOf.put(p.postId, p.root);
        }
        rootTime.putIfAbsent(best == null ? p.postId : p.root, best == null ? p.eventTime : p.rootTime);
        entries.add(new NearDuplicateIndex.Entry(p.postId, p.simhash, p.eventTime));
    }

    private void forget(String id) {
        rootOf.remove(id);
        if (!rootOf.containsValue(id) && entries.stream().noneMatch(e -> e.id.equals(id))) rootTime.remove(id);
    }
}
