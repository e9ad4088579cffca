package org.fengxiang.app.job;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/**
 * Early warnings: the incident and alert detectors of the job, run a second time per cascade over the posts
 * <em>as they arrive</em>, each minute judged as soon as the early path's own event time (the newest event
 * time seen, less {@code pipeline.earlyAlertsWaitSeconds}) has passed it, so a burst is judged as its window ends instead of
 * after the watermark's disorder bound. Each alert thread this speculative run opens becomes one {@code early} alert
 * ({@code early-<incident>-<minute>}); its later transitions are left to the confirmed path. Early warnings
 * depend on arrival order and are therefore only made by the live job; the confirmed alerts do not depend on
 * them. Plain Java: the Flink adapter ({@link EarlyWarningFunction}) keeps a {@link Key} per cascade root.
 */
final class EarlyWarnings<DI, DA> implements Serializable {
    private static final String OPEN = "open";

    private final TickedDetector<DI, Post, Incident> incidents;
    private final TickedDetector<DA, Incident, Alert> alerts;
    private final long tickMillis;
    private final long minPosts;
    private final long retentionMillis;
    private final long checkMillis;

    /**
     * @param tickMillis the incidents' minute grid
     * @param minPosts a cascade is only judged from this many posts on (the rules' floor: nothing opens below it)
     * @param retentionMillis the speculative state of a cascade is dropped this long (event time) after its last post
     * @param checkMillis within a running minute, a cascade without an early warning is also judged every this long
     *     (on a copy of its state, as if the minute ended then; 0 = only at minute ends); must divide the tick
     */
    EarlyWarnings(TickedDetector<DI, Post, Incident> incidents, TickedDetector<DA, Incident, Alert> alerts,
                  long tickMillis, long minPosts, long retentionMillis, long checkMillis) {
        this.incidents = Objects.requireNonNull(incidents);
        this.alerts = Objects.requireNonNull(alerts);
        if (tickMillis <= 0 || minPosts < 1 || retentionMillis < tickMillis) {
            throw new IllegalArgumentException("early warnings need tick > 0, minPosts >= 1, retention >= tick");
        }
        if (checkMillis < 0 || checkMillis > 0 && (checkMillis >= tickMillis || tickMillis % checkMillis != 0)) {
            throw new IllegalArgumentException("pipeline.earlyAlertsCheckSeconds must be 0 or divide the incidents' tick (60 s) evenly");
        }
        this.tickMillis = tickMillis;
        this.minPosts = minPosts;
        this.retentionMillis = retentionMillis;
        this.checkMillis = checkMillis;
    }

    /** The same early warnings judged by other alert detectors (hot-reloaded rules). */
    <E> EarlyWarnings<DI, E> withAlerts(TickedDetector<E, Incident, Alert> other) {
        return new EarlyWarnings<>(incidents, other, tickMillis, minPosts, retentionMillis, checkMillis);
    }

    TickedDetector<DI, Post, Incident> incidents() {
        return incidents;
    }

    TickedDetector<DA, Incident, Alert> alerts() {
        return alerts;
    }

    /** The speculative state of one cascade. */
    static final class Key<DI, DA> {
        DI incident;
        DA alert;
        /** Posts received (the gate), the last tick applied, the newest event time. */
        long received;
        long lastTick = Long.MIN_VALUE;
        long lastSeen = Long.MIN_VALUE;
        /** The minute (window end) a mid-minute check already warned of. */
        long warnedTick = Long.MIN_VALUE;
    }

    /**
     * Counts an arriving post of a cascade that stays below the rules' floor with it and returns true: the caller
     * holds the post ({@link TickedDetector#compact compacted}) and no detector state is built, because most cascades
     * never reach the floor. Returns false (nothing changed) once the post would bring the cascade to the floor or it
     * is there: {@link #promote} with the held posts, then {@link #onPost}.
     */
    boolean holdBelowFloor(Key<DI, DA> k, Post post) {
        if (k.incident != null || k.received + 1 >= minPosts) return false;
        count(k, post);
        return true;
    }

    private static void count(Key<?, ?> k, Post post) {
        k.received++;
        k.lastSeen = Math.max(k.lastSeen, post.eventTime);
    }

    /**
     * Builds the detector state of a cascade reaching the floor from the posts held below it, in arrival order (they
     * are already counted): the same state as if each had been applied as it arrived, since below the floor nothing is judged.
     */
    void promote(Key<DI, DA> k, String key, List<Post> held) {
        if (k.incident != null) throw new IllegalStateException("cascade " + key + " already has detector state");
        k.incident = incidents.create(key);
        for (Post p : held) incidents.onInput(k.incident, p);
    }

    /**
     * Applies one arriving post of the key's cascade; returns the minute tick at which to judge the cascade next
     * (the end of the post's minute, or the tick after the last one judged), or -1 while the cascade is below the
     * rules' floor (nothing is judged, no snapshot is built).
     */
    long onPost(Key<DI, DA> k, String key, Post post) {
        if (k.incident == null) k.incident = incidents.create(key);
        incidents.onInput(k.incident, post);
        count(k, post);
        if (k.received < minPosts) return -1;
        long tick = Math.floorDiv(post.eventTime, tickMillis) * tickMillis + tickMillis;
        return k.lastTick == Long.MIN_VALUE ? tick : Math.max(tick, k.lastTick + tickMillis);
    }

    /**
     * Judges the cascade at a minute tick that the early path's event time has passed; returns the early
     * warnings (usually none). Ticks at or before the last one judged, or below the floor, do nothing.
     */
    List<Alert> onTick(Key<DI, DA> k, String key, long tick) {
        if (k.incident == null || k.received < minPosts || tick <= k.lastTick) return List.of();
        k.lastTick = tick;
        List<Alert> out = new ArrayList<>();
        for (Incident snapshot : incidents.onTimer(k.incident, tick)) {
            if (k.alert == null) k.alert = alerts.create(key);
            for (Alert a : alerts.onInput(k.alert, snapshot)) {
                if (OPEN.equals(a.status) && a.detectedAtMillis != k.warnedTick) out.add(early(a, 0));
            }
        }
        return out;
    }

    /**
     * The next mid-minute check after a post, or -1 (checks off, below the floor, or the next check point is the
     * minute's end, which {@link #onTick} judges).
     */
    long checkAfter(Key<DI, DA> k, Post post) {
        if (checkMillis == 0 || k.received < minPosts) return -1;
        long check = Math.floorDiv(post.eventTime, checkMillis) * checkMillis + checkMillis;
        return check % tickMillis == 0 || check <= k.lastTick ? -1 : check;
    }

    /** True when {@code time} is a mid-minute check point rather than a minute tick. */
    boolean isCheck(long time) {
        return checkMillis > 0 && Math.floorMod(time, tickMillis) != 0;
    }

    /**
     * Judges a running minute at a check point the early path's event time has passed: on a copy of the state, as
     * if the minute ended now, with the posts received so far. Returns the early warning when the copy opens an
     * alert thread; the state itself is untouched (the minute is judged again at its end, without a second warning).
     */
    List<Alert> onCheck(Key<DI, DA> k, String key, long time) {
        long minuteEnd = Math.floorDiv(time, tickMillis) * tickMillis + tickMillis;
        if (k.incident == null || k.received < minPosts || minuteEnd <= k.lastTick || k.warnedTick == minuteEnd) return List.of();
        DI incident = incidents.attach(incidents.stateCodec().copy(k.incident));
        DA alert = k.alert == null ? alerts.create(key) : alerts.attach(alerts.stateCodec().copy(k.alert));
        List<Alert> out = new ArrayList<>();
        for (Incident snapshot : incidents.onTimer(incident, minuteEnd)) {
            for (Alert a : alerts.onInput(alert, snapshot)) {
                if (OPEN.equals(a.status)) {
                    k.warnedTick = minuteEnd;
                    out.add(early(a, (minuteEnd - time) / 1000));
                }
            }
        }
        return out;
    }

    /**
     * The event time after which the key's state may be dropped: the retention after its newest post, rounded up
     * to the minute grid, so a busy cascade moves its clean-up timer once a minute rather than once a post.
     */
    long expiry(Key<DI, DA> k) {
        if (k.lastSeen == Long.MIN_VALUE) return Long.MIN_VALUE;
        long due = k.lastSeen + retentionMillis;
        return Math.floorDiv(due + tickMillis - 1, tickMillis) * tickMillis;
    }

    /**
     * The early warning for an alert thread the speculative run opened, judged on the incident's posts before the
     * minute's end that had arrived ({@code secondsLeft} of the minute still to run, or 0 at its end).
     */
    static Alert early(Alert open, long secondsLeft) {
        open.id = open.id.startsWith("alert-") ? "early-" + open.id.substring("alert-".length()) : "early-" + open.id;
        open.status = Alert.EARLY_WARNING;
        open.reasons.add(0, "early warning: judged on the " + open.postCount + " posts received so far, "
                + (secondsLeft > 0 ? secondsLeft + " s before its minute ends" : "before the allowed disorder has passed")
                + "; the confirmed alert follows when the window closes");
        return open;
    }
}
