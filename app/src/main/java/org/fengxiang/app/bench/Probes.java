package org.fengxiang.app.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

/**
 * Latency probes: sampled posts with the wall-clock time Kafka acknowledged them, and the time they were first
 * found by a search in Elasticsearch (post produced to Kafka → searchable). Pending probes are handed out oldest
 * first: posts are processed in order per partition, so the oldest are the ones about to become searchable and a
 * bounded search batch always covers them (the error of a measurement is then one poll interval).
 */
final class Probes {
    private record Probe(String id, String step, long ackedMillis) {}

    /** A found probe: when Kafka acknowledged it and how long it took to become searchable. */
    private record Found(long ackedMillis, long latencyMillis) {}

    private static final Comparator<Probe> OLDEST_FIRST = Comparator.comparingLong(Probe::ackedMillis).thenComparing(Probe::id);

    private final Map<String, Probe> pending = new ConcurrentHashMap<>();
    private final ConcurrentSkipListSet<Probe> byAge = new ConcurrentSkipListSet<>(OLDEST_FIRST);
    private final Map<String, List<Found>> found = new ConcurrentHashMap<>();

    void acked(String id, String step, long ackedMillis) {
        Probe p = new Probe(id, step, ackedMillis);
        pending.put(id, p);
        byAge.add(p);
    }

    /** Up to {@code max} ids not yet found, the longest waiting first. */
    List<String> pending(int max) {
        List<String> ids = new ArrayList<>();
        for (Probe p : byAge) {
            if (ids.size() >= max) break;
            ids.add(p.id);
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
            if (p == null) continue;
            byAge.remove(p);
            found.computeIfAbsent(p.step, s -> Collections.synchronizedList(new ArrayList<>()))
                    .add(new Found(p.ackedMillis, foundMillis - p.ackedMillis));
        }
    }

    /** Latencies of the step's probes, and how many of its probes were never found. */
    Latency latency(String step) {
        return Latency.of(found(step).stream().map(Found::latencyMillis).toList());
    }

    /**
     * Median post→searchable latency in seconds of the probes acknowledged in each minute since {@code startMillis}
     * (NaN for a minute without a found probe): shows when a step fell behind and whether it caught up.
     */
    List<Double> medianByMinute(String step, long startMillis) {
        List<List<Long>> byMinute = new ArrayList<>();
        for (Found f : found(step)) {
            int minute = (int) Math.max(0, (f.ackedMillis - startMillis) / 60_000);
            while (byMinute.size() <= minute) byMinute.add(new ArrayList<>());
            byMinute.get(minute).add(f.latencyMillis);
        }
        List<Double> out = new ArrayList<>();
        for (List<Long> m : byMinute) out.add(m.isEmpty() ? Double.NaN : Latency.of(m).p50() / 1000.0);
        return out;
    }

    private List<Found> found(String step) {
        List<Found> l = found.getOrDefault(step, List.of());
        synchronized (l) {
            return new ArrayList<>(l);
        }
    }

    long missing(String step) {
        Map<String, Integer> n = new HashMap<>();
        pending.values().forEach(p -> n.merge(p.step, 1, Integer::sum));
        return n.getOrDefault(step, 0);
    }
}
