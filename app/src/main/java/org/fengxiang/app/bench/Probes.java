package org.fengxiang.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Latency probes: sampled posts with the wall-clock time Kafka acknowledged them, and the time they were first
 * found by a search in Elasticsearch (post produced to Kafka → searchable). Pending probes are handed out oldest
 * first: posts are processed in order per partition, so the oldest are the ones about to become searchable and a
 * bounded search batch always covers them (the error of a measurement is then one poll interval).
 */
final class Probes {
    private record Probe(String step, long ackedMillis) {}

    private final Map<String, Probe> pending = new ConcurrentHashMap<>();
    private final java.util.concurrent.ConcurrentSkipListMap<String, String> byAge = new java.util.concurrent.ConcurrentSkipListMap<>();
    private final Map<String, List<Long>> latencies = new ConcurrentHashMap<>();
    /** Per step: {acknowledged at, latency} of each found probe, for the latency by minute. */
    private final Map<String, List<long[]>> timeline = new ConcurrentHashMap<>();

    void acked(String id, String step, long ackedMillis) {
        pending.put(id, new Probe(step, ackedMillis));
        byAge.put(ChineseText.padded(ackedMillis, 15) + " " + id, id);
    }

    /** Up to {@code max} ids not yet found, the longest waiting first. */
    List<String> pending(int max) {
        List<String> ids = new ArrayList<>();
        for (String id : byAge.values()) {
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
            if (p != null) byAge.remove(ChineseText.padded(p.ackedMillis, 15) + " " + id);
            if (p == null) continue;
            latencies.computeIfAbsent(p.step, s -> java.util.Collections.synchronizedList(new ArrayList<>())).add(foundMillis - p.ackedMillis);
            timeline.computeIfAbsent(p.step, s -> java.util.Collections.synchronizedList(new ArrayList<>()))
                    .add(new long[] {p.ackedMillis, foundMillis - p.ackedMillis});
        }
    }

    /** Latencies of the step's probes, and how many of its probes were never found. */
    Latency latency(String step) {
        return Latency.of(new ArrayList<>(latencies.getOrDefault(step, List.of())));
    }

    /**
     * Median post→searchable latency in seconds of the probes acknowledged in each minute since {@code startMillis}
     * (NaN for a minute without a found probe): shows when a step fell behind and whether it caught up.
     */
    List<Double> medianByMinute(String step, long startMillis) {
        List<List<Long>> byMinute = new ArrayList<>();
        for (long[] t : new ArrayList<>(timeline.getOrDefault(step, List.of()))) {
            int minute = (int) Math.max(0, (t[0] - startMillis) / 60_000);
            while (byMinute.size() <= minute) byMinute.add(new ArrayList<>());
            byMinute.get(minute).add(t[1]);
        }
        List<Double> out = new ArrayList<>();
        for (List<Long> m : byMinute) out.add(m.isEmpty() ? Double.NaN : Latency.of(m).p50() / 1000.0);
        return out;
    }

    long missing(String step) {
        Map<String, Integer> n = new HashMap<>();
        pending.values().forEach(p -> n.merge(p.step, 1, Integer::sum));
        return n.getOrDefault(step, 0);
    }
}
