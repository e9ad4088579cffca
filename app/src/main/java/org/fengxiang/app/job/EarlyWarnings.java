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
 * <em>as they arrive</em> and ticked by the posts' own event time (a post of a new minute closes the minutes
 * before it), so a burst is judged the moment its window ends instead of after the watermark's disorder
 * bound. Each alert thread this speculative run opens becomes one {@code early} alert
 * ({@code early-<incident>-<minute>}); its later transitions are left to the confirmed path. Early warnings
 * depend on arrival order and are therefore only made by the live job; the confirmed alerts do not depend on
 * them. Plain Java: the Flink adapter ({@link EarlyWarningFunction}) keeps a {@link Key} per cascade root.
 */
final class EarlyWarnings<DI, DA> implements Serializable {
    /** Status of an early warning. */
    static final String EARLY = "early";
    private static final String OPEN = "open";

    private final TickedDetector<DI, Post, Incident> incidents;
    private final TickedDetector<DA, Incident, Alert> alerts;
    private final long tickMillis;
    private final long minPosts;
    private final long retentionMillis;

    /**
     * @param tickMillis the incidents' minute grid
     * @param minPosts a cascade is only judged from this many posts on (the rules' floor: nothing opens below it)
     * @param retentionMillis the speculative state of a cascade is dropped this long (event time) after its last post
     */
    EarlyWarnings(TickedDetector<DI, Post, Incident> incidents, TickedDetector<DA, Incident, Alert> alerts,
                  long tickMillis, long minPosts, long retentionMillis) {
        this.incidents = Objects.requireNonNull(incidents);
        this.alerts = Objects.requireNonNull(alerts);
        if (tickMillis <= 0 || minPosts < 1 || retentionMillis < tickMillis) {
            throw new IllegalArgumentException("early warnings need tick > 0, minPosts >= 1, retention >= tick");
        }
        this.tickMillis = tickMillis;
        this.minPosts = minPosts;
        this.retentionMillis = retentionMillis;
    }

    /** The same early warnings judged by other alert detectors (hot-reloaded rules). */
    <E> EarlyWarnings<DI, E> withAlerts(TickedDetector<E, Incident, Alert> other) {
        return new EarlyWarnings<>(incidents, other, tickMillis, minPosts, retentionMillis);
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
    }

    /** Applies one arriving post of the key's cascade; returns the early warnings it causes (usually none). */
    List<Alert> onPost(Key<DI, DA> k, String key, Post post) {
        if (k.incident == null) k.incident = incidents.create(key);
        incidents.onInput(k.incident, post);
        k.received++;
        k.lastSeen = Math.max(k.lastSeen, post.eventTime);
        long tick = Math.floorDiv(post.eventTime, tickMillis) * tickMillis;
        if (k.received < minPosts || tick <= k.lastTick) return List.of();
        k.lastTick = tick;
        List<Alert> out = new ArrayList<>();
        for (Incident snapshot : incidents.onTimer(k.incident, tick)) {
            if (k.alert == null) k.alert = alerts.create(key);
            for (Alert a : alerts.onInput(k.alert, snapshot)) {
                if (OPEN.equals(a.status)) out.add(early(a, k.received));
            }
        }
        return out;
    }

    /** The event time after which the key's state may be dropped. */
    long expiry(Key<DI, DA> k) {
        return k.lastSeen == Long.MIN_VALUE ? Long.MIN_VALUE : k.lastSeen + retentionMillis;
    }

    /** The early warning for an alert thread the speculative run opened. */
    static Alert early(Alert open, long received) {
        open.id = open.id.startsWith("alert-") ? "early-" + open.id.substring("alert-".length()) : "early-" + open.id;
        open.status = EARLY;
        open.reasons.add(0, "early warning: judged on the " + received + " posts received so far, before the allowed"
                + " disorder has passed; the confirmed alert follows when the window closes");
        return open;
    }
}
