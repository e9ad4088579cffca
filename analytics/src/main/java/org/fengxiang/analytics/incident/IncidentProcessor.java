package org.fengxiang.analytics.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/**
 * Tracks one incident (one cascade root) in event time: buffers posts, closes one-minute bins at
 * ticks, runs the burst detector and the stage automaton, and emits snapshots. State is plain public
 * fields (Jackson round-trips it); settings are not state and must be supplied with
 * {@link #withSettings} after construction or deserialisation.
 *
 * <p>Determinism: every decision is taken on the minute grid from posts with event time before the
 * boundary, and a tick is requested at every boundary where the state may change, so arrival order
 * (within the watermark's lateness) and extra timer firings do not change the output.
 */
public class IncidentProcessor {
    public String rootId;
    public String incidentId;
    /** Posts received but not yet applied. */
    public ArrayList<PostEvent> buffer = new ArrayList<>();
    /** Earliest event time in {@link #buffer} when {@code earliestKnown} (not serialised: recomputed after a restore). */
    private transient long earliestBuffered;
    private transient boolean earliestKnown;
    /** The last closed minute boundary, or -1 before the first. */
    public long clock = -1;
    public String stage = Stage.LATENT;
    public long stageSince;
    /** Largest window count since the current forming episode started. */
    public long episodePeak;
    public long peakWindowCount;
    public boolean everActive;
    public boolean finished;
    /** Something changed since the last emitted snapshot. */
    public boolean dirty;
    public BurstDetector burst;
    public IncidentAggregate agg = new IncidentAggregate();

    @JsonIgnore
    private transient IncidentSettings settings;

    /** For deserialisation; call {@link #withSettings} before use. */
    public IncidentProcessor() {}

    /** A fresh processor for one cascade root. */
    public IncidentProcessor(String rootId, IncidentSettings settings) {
        this.rootId = rootId;
        this.incidentId = IncidentIds.of(rootId);
        withSettings(settings);
        this.burst = BurstDetector.create(settings.windowMinutes, priorPerMinute());
    }

    /** Supplies the (not serialised) settings; returns this. */
    public IncidentProcessor withSettings(IncidentSettings s) {
        if (s == null) throw new IllegalArgumentException("settings are required");
        this.settings = s;
        return this;
    }

    private IncidentSettings s() {
        if (settings == null) throw new IllegalStateException("IncidentProcessor: call withSettings() after construction or restore");
        return settings;
    }

    /** Buffers an enriched post of this incident (its {@code incidentRoot()} must be this processor's root). */
    public void onPost(Post p) {
        if (p == null || p.id == null) throw new IllegalArgumentException("post with an id is required");
        if (rootId == null) {
            rootId = p.incidentRoot();
            incidentId = IncidentIds.of(rootId);
        } else if (!rootId.equals(p.incidentRoot())) {
            throw new IllegalArgumentException("post " + p.id + " belongs to incident root " + p.incidentRoot() + ", not " + rootId);
        }
        if (burst == null) burst = BurstDetector.create(s().windowMinutes, priorPerMinute());
        PostEvent e = PostEvent.of(p, s());
        buffer.add(e);
        if (earliestKnown) earliestBuffered = Math.min(earliestBuffered, e.eventTime);
    }

    /** The next event-time tick to register, or -1 when nothing is pending and the incident is finished. */
    public long nextTimer() {
        if (finished && buffer.isEmpty()) return -1;
        long tick = s().tickMillis;
        // the earliest buffered post decides (tickAfter is monotone); kept up to date by onPost, so a post costs O(1)
        long next = buffer.isEmpty() ? Long.MAX_VALUE : tickAfter(earliestBuffered(), tick);
        if (clock >= 0) {
            if (next <= clock) next = clock + tick;
            if (Stage.active(stage) || !burst.quiet()) next = Math.min(next, clock + tick);
            next = Math.min(next, Math.max(clock + tick, expiryTick()));
        }
        return next == Long.MAX_VALUE ? -1 : next;
    }

    private long earliestBuffered() {
        if (!earliestKnown) {
            long min = Long.MAX_VALUE;
            for (PostEvent e : buffer) min = Math.min(min, e.eventTime);
            earliestBuffered = min;
            earliestKnown = true;
        }
        return earliestBuffered;
    }

    /** True when the state may be cleared (idle past the expiry, final snapshot emitted, nothing pending). */
    public boolean finished() {
        return finished && buffer.isEmpty();
    }

    /**
     * Estimated heap bytes of this state (see {@link IncidentAggregate#approximateBytes}): the aggregate and ~900
     * bytes per buffered post (its essentials: ids, author, region, sentiment and a few keywords).
     */
    public long approximateBytes() {
        return 900 + buffer.size() * 900L + agg.approximateBytes();
    }

    /** Applies buffered posts with event time before {@code t}, advances to {@code t} and returns the snapshots to emit. */
    public List<Incident> onTimer(long t) {
        List<Incident> out = new ArrayList<>();
        long tick = s().tickMillis;
        long end = Math.floorDiv(t, tick) * tick;
        if (finished && buffer.isEmpty()) return out;
        if (finished) restart();
        earliestKnown = false; // posts leave the buffer below
        buffer.sort(PostEvent::compare);
        if (clock < 0) {
            if (buffer.isEmpty() || buffer.get(0).eventTime >= end) return out;
            clock = tickAfter(buffer.get(0).eventTime, tick) - tick;
        }
        double alpha = BurstDetector.alpha(s().baselineHalfLifeMinutes);
        int next = 0;
        for (long m = clock + tick; m <= end; m += tick) {
            int count = 0;
            while (next < buffer.size() && buffer.get(next).eventTime < m) {
                agg.apply(buffer.get(next++), rootId, s());
                count++;
            }
            if (count > 0) dirty = true;
            burst.closeMinute(count, alpha);
            clock = m;
            updateStage(m);
            if (m - agg.lastSeen >= idleLimit()) {
                buffer.subList(0, next).clear();
                finish(m, out);
                if (!buffer.isEmpty()) out.addAll(onTimer(t));
                return out;
            }
        }
        buffer.subList(0, next).clear();
        if (dirty) {
            out.add(SnapshotBuilder.build(this, end, s()));
            dirty = false;
        }
        return out;
    }

    private void finish(long m, List<Incident> out) {
        boolean emit = everActive || agg.postCount >= 2;
        if (everActive) stage = Stage.DECLINE;
        finished = true;
        if (emit) {
            Incident last = SnapshotBuilder.build(this, m, s());
            last.finished = true;
            out.add(last);
        }
        dirty = false;
    }

    /** Starts a new lifecycle for posts that arrive after the incident finished (same incident id). */
    private void restart() {
        clock = -1;
        stage = Stage.LATENT;
        stageSince = 0;
        episodePeak = 0;
        peakWindowCount = 0;
        everActive = false;
        finished = false;
        dirty = false;
        burst = BurstDetector.create(s().windowMinutes, priorPerMinute());
        agg = new IncidentAggregate();
    }

    private void updateStage(long m) {
        IncidentSettings s = s();
        long w = burst.windowCount;
        double z = burst.z(priorPerMinute());
        peakWindowCount = Math.max(peakWindowCount, w);
        episodePeak = Math.max(episodePeak, w);
        boolean forming = z >= s.formingZ && w >= s.formingMinWindowPosts;
        boolean declining = m - stageSince >= s.windowMillis() && w <= s.declineFraction * episodePeak && z < s.formingZ;
        String before = stage;
        switch (stage) {
            case Stage.FORMING -> {
                if (w >= s.outbreakMinWindowPosts || agg.postCount >= s.outbreakMinPosts && z >= s.formingZ) {
                    stage = Stage.OUTBREAK;
                } else if (declining) {
                    stage = Stage.DECLINE;
                }
            }
            case Stage.OUTBREAK -> {
                if (declining) stage = Stage.DECLINE;
            }
            default -> {
                if (forming) {
                    stage = Stage.FORMING;
                    episodePeak = w;
                    everActive = true;
                }
            }
        }
        if (!stage.equals(before)) {
            stageSince = m;
            dirty = true;
        }
    }

    private long idleLimit() {
        return (everActive ? s().activeIdleMinutes : s().latentIdleMinutes) * s().tickMillis;
    }

    private long expiryTick() {
        long tick = s().tickMillis;
        long due = agg.lastSeen == Long.MIN_VALUE ? clock + tick : agg.lastSeen + idleLimit();
        return Math.floorDiv(due + tick - 1, tick) * tick;
    }

    /**
     * The floor of the baseline: what the incident's cascades attract as ordinary posts (per minute), so
     * an incident that text linking grew from many independent posts is not surprising by its size alone.
     */
    double priorPerMinute() {
        long cascades = 1 + (agg == null ? 0 : agg.linkedCascades.estimate());
        return s().priorRatePerHour * s().tickMillis / 3_600_000.0 * cascades;
    }

    /** Current settings (package use). */
    IncidentSettings settings() {
        return s();
    }

    /** The first tick strictly after an event time. */
    static long tickAfter(long eventTime, long tick) {
        return Math.floorDiv(eventTime, tick) * tick + tick;
    }
}
