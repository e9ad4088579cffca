package org.fengxiang.analytics.incident;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Counts of terms (keywords, regions) with a size cap: when the map grows past twice the cap it is
 * pruned to the cap by (count desc, term asc), so memory stays bounded and heavy terms survive.
 * Deterministic for a given order of additions. Jackson-serialisable (public fields).
 */
public class TermCounter {
    public HashMap<String, Long> counts = new HashMap<>();

    public TermCounter() {}

    /** Adds one occurrence of {@code term}, pruning to {@code cap} entries when needed. */
    void add(String term, int cap) {
        if (term == null || term.isBlank()) return;
        counts.merge(term, 1L, Long::sum);
        if (counts.size() > 2 * cap) {
            List<Map.Entry<String, Long>> keep = sorted();
            counts = new HashMap<>();
            for (int i = 0; i < cap; i++) counts.put(keep.get(i).getKey(), keep.get(i).getValue());
        }
    }

    /** The {@code k} most frequent terms, ties by term. */
    List<String> top(int k) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, Long> e : sorted()) {
            if (out.size() >= k) break;
            out.add(e.getKey());
        }
        return out;
    }

    private List<Map.Entry<String, Long>> sorted() {
        List<Map.Entry<String, Long>> all = new ArrayList<>(counts.entrySet());
        all.sort(Comparator.<Map.Entry<String, Long>>comparingLong(e -> -e.getValue()).thenComparing(Map.Entry::getKey));
        return all;
    }
}
