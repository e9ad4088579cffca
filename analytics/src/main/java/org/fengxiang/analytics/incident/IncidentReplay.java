package org.fengxiang.analytics.incident;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/**
 * A single-threaded driver of {@link IncidentProcessor}s that behaves like the keyed Flink operator:
 * posts are keyed by root, a watermark trails the largest event time seen by the lateness, and
 * registered ticks fire in (time, key) order once the watermark reaches them. Used by the evaluation
 * harness and tests; {@link #finish()} plays the final watermark of a bounded input.
 */
public final class IncidentReplay {
    private final IncidentSettings settings;
    private final long latenessMillis;
    private final Consumer<Incident> sink;
    private final Map<String, IncidentProcessor> processors = new HashMap<>();
    private final TreeSet<Timer> timers = new TreeSet<>();
    private long maxEventTime = Long.MIN_VALUE;
    private long firedTimers;
    private int peakKeys;

    private record Timer(long time, String key) implements Comparable<Timer> {
        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(time, o.time);
            return c != 0 ? c : key.compareTo(o.key);
        }
    }

    /** A driver with the given settings, out-of-orderness bound and snapshot consumer. */
    public IncidentReplay(IncidentSettings settings, long latenessMillis, Consumer<Incident> sink) {
        this.settings = settings;
        this.latenessMillis = latenessMillis;
        this.sink = sink;
    }

    /** Feeds one post (in arrival order) and fires the ticks the new watermark releases; returns its incident id. */
    public String onPost(Post p) {
        String key = p.rootId();
        IncidentProcessor proc = processors.computeIfAbsent(key, k -> new IncidentProcessor(k, settings));
        proc.onPost(p);
        register(key, proc.nextTimer());
        peakKeys = Math.max(peakKeys, processors.size());
        if (p.eventTime > maxEventTime) {
            maxEventTime = p.eventTime;
            advance(maxEventTime - latenessMillis);
        }
        return IncidentIds.of(key);
    }

    /** Plays the end-of-input watermark: fires every remaining tick until all incidents finish. */
    public void finish() {
        advance(Long.MAX_VALUE);
    }

    private void advance(long watermark) {
        while (!timers.isEmpty() && timers.first().time <= watermark) {
            Timer t = timers.pollFirst();
            IncidentProcessor proc = processors.get(t.key);
            if (proc == null) continue;
            firedTimers++;
            for (Incident i : proc.onTimer(t.time)) sink.accept(i);
            if (proc.finished()) processors.remove(t.key);
            else register(t.key, proc.nextTimer());
        }
    }

    private void register(String key, long t) {
        if (t >= 0) timers.add(new Timer(t, key));
    }

    /** Live processors (keys with state). */
    public Map<String, IncidentProcessor> processors() {
        return processors;
    }

    /** Timers fired so far. */
    public long firedTimers() {
        return firedTimers;
    }

    /** Largest number of keys with state at once. */
    public int peakKeys() {
        return peakKeys;
    }
}
