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
        return new PipelineJob.Detection(new RootKeys(), Counter::new, Counter.class,
                () -> new Threshold(threshold), Threshold.class);
    }

    static final class RootKeys implements IncidentKeys {
        @Override public String key(Post p) { return p.rootId(); }
        @Override public String incidentId(Post p) { return "inc-" + p.rootId(); }
    }

    /** Counts posts; a snapshot per tick with new posts. */
    public static final class Counter implements TickedDetector<Post, Incident> {
        public List<Post> pending = new ArrayList<>();
        public String root;
        public long count;
        public long first = Long.MAX_VALUE;
        public String origin;

        @Override public void onInput(Post p) { pending.add(p); root = p.rootId(); }

        @Override public long nextTimer() {
            long min = pending.stream().mapToLong(p -> p.eventTime).min().orElse(-1);
            return min < 0 ? -1 : (min / TICK + 1) * TICK;
        }

        @Override public List<Incident> onTimer(long t) {
            List<Post> ready = pending.stream().filter(p -> p.eventTime < t).sorted(DedupFunction.EVENT_ORDER).toList();
            if (ready.isEmpty()) return List.of();
            pending.removeAll(ready);
            for (Post p : ready) {
                count++;
                if (p.eventTime < first) { first = p.eventTime; origin = p.id; }
            }
            Incident i = new Incident();
            i.id = "inc-" + root;
            i.postCount = count;
            i.originPostId = origin;
            i.asOf = t;
            return List.of(i);
        }

        @Override public boolean finished() { return false; }
    }

    /** Alerts once when an incident reaches the threshold. */
    public static final class Threshold implements TickedDetector<Incident, Alert> {
        public int threshold;
        public boolean fired;
        public List<Alert> out = new ArrayList<>();

        public Threshold() {}

        Threshold(int threshold) { this.threshold = threshold; }

        @Override public void onInput(Incident i) {
            if (!fired && i.postCount >= threshold) {
                fired = true;
                Alert a = new Alert();
                a.id = "al-" + i.id;
                a.incidentId = i.id;
                a.level = Alert.YELLOW;
                a.detectedAtMillis = i.asOf;
                a.sequence = 1;
                a.originPostId = i.originPostId;
                out.add(a);
            }
        }

        @Override public long nextTimer() { return out.isEmpty() ? -1 : out.get(0).detectedAtMillis; }

        @Override public List<Alert> onTimer(long t) {
            List<Alert> r = List.copyOf(out);
            out.clear();
            return r;
        }

        @Override public boolean finished() { return false; }
    }
}
