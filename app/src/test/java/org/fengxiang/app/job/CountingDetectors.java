package org.fengxiang.app.job;

import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/** Minimal detectors for testing the job plumbing: count posts per key, alert at a threshold. */
final class CountingDetectors {
    static final long TICK = 60_000;

    static PipelineJob.Detection detection(int threshold) {
        return new PipelineJob.Detection(new RootKeys(), new CounterDriver(), new ThresholdDriver(threshold));
    }

    static final class RootKeys implements IncidentKeys {
        @Override public String key(Post p) { return p.rootId(); }
        @Override public String incidentId(Post p) { return "inc-" + p.rootId(); }
    }

    /** Counter state. */
    public static final class Counter {
        public List<Post> pending = new ArrayList<>();
        public String root;
        public long count;
        public long first = Long.MAX_VALUE;
        public String origin;
    }

    static final class CounterDriver implements TickedDetector<Counter, Post, Incident> {
        @Override public Class<Counter> stateType() { return Counter.class; }
        @Override public Counter create(String key) { Counter c = new Counter(); c.root = key; return c; }
        @Override public Counter attach(Counter c) { return c; }
        @Override public List<Incident> onInput(Counter c, Post p) { c.pending.add(p); return List.of(); }

        @Override public long nextTimer(Counter c) {
            long min = c.pending.stream().mapToLong(p -> p.eventTime).min().orElse(-1);
            return min < 0 ? -1 : (min / TICK + 1) * TICK;
        }

        @Override public List<Incident> onTimer(Counter c, long t) {
            List<Post> ready = c.pending.stream().filter(p -> p.eventTime < t).sorted(DedupFunction.EVENT_ORDER).toList();
            if (ready.isEmpty()) return List.of();
            c.pending.removeAll(ready);
            for (Post p : ready) {
                c.count++;
                if (p.eventTime < c.first) { c.first = p.eventTime; c.origin = p.id; }
            }
            Incident i = new Incident();
            i.id = "inc-" + c.root;
            i.postCount = c.count;
            i.originPostId = c.origin;
            i.asOf = t;
            return List.of(i);
        }

        @Override public boolean finished(Counter c) { return false; }
    }

    /** Threshold state. */
    public static final class Fired {
        public boolean fired;
    }

    static final class ThresholdDriver implements TickedDetector<Fired, Incident, Alert> {
        private final int threshold;

        ThresholdDriver(int threshold) { this.threshold = threshold; }

        @Override public Class<Fired> stateType() { return Fired.class; }
        @Override public Fired create(String key) { return new Fired(); }
        @Override public Fired attach(Fired f) { return f; }

        @Override public List<Alert> onInput(Fired f, Incident i) {
            if (f.fired || i.postCount < threshold) return List.of();
            f.fired = true;
            Alert a = new Alert();
            a.id = "al-" + i.id;
            a.incidentId = i.id;
            a.level = Alert.YELLOW;
            a.detectedAtMillis = i.asOf;
            a.sequence = 1;
            a.originPostId = i.originPostId;
            return List.of(a);
        }

        @Override public long nextTimer(Fired f) { return -1; }
        @Override public List<Alert> onTimer(Fired f, long t) { return List.of(); }
        @Override public boolean finished(Fired f) { return false; }
    }
}
