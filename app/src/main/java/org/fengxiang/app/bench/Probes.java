package org.fengxiang.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency probes: sampled posts with the wall-clock time Kafka acknowledged them, and the time they were first
 * found by a search in Elasticsearch (post produced to Kafka → searchable).
 */
final class Probes {
    private record Probe(String step, long ackedMillis) {}

    private final Map<String, Probe> pending = new ConcurrentHashMap<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();

    void acked(String id, String step, long ackedMillis) {
        pending.put(id, new Probe(step, ackedMillis));
    }

    /** Up to {@code max} ids not yet found. */
    List<String> pending(int max) {
        List<String> ids = new ArrayList<>();
        for (String id : pending.keySet()) {
            if (ids.size() >= max) break;
            ids.add(id);
        }
        return ids;
    }

    int pendingCount() {
        return pending.size();
    }

    /** Records that the search found these ids at {@code foundMillis}. */
    void found(Iterable<String> ids, long foundMillis) {
        for (String id : ids) {
            Probe p = pending.remove(id);
            if (p != null) latencies.computeIfAbsent(p.step, s -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(foundMillis - p.ackedMillis);
        }
    }

    /** Latencies of the step's probes, and how many of its probes were never found. */
    Latency latency(String step) {
        return Latency.of(new ArrayList<>(latencies.getOrDefault(step, List.of())));
    }

    long missing(String step) {
        Map<String, Integer> n = new HashMap<>();
        pending.values().forEach(p -> n.merge(p.step, 1, Integer::sum));
        return n.getOrDefault(step, 0);
    }
}
