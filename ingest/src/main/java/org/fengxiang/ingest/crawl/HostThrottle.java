package org.fengxiang.ingest.crawl;

import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/** Per-host politeness: at least the host's interval between the starts of two requests to it. */
final class HostThrottle {
    private final Clock clock;
    private final Sleeper sleeper;
    private final long defaultIntervalMs;
    private final Map<String, Long> intervals = new HashMap<>();
    private final Map<String, Long> nextAllowed = new HashMap<>();

    HostThrottle(Clock clock, Sleeper sleeper, long defaultIntervalMs) {
        this.clock = clock;
        this.sleeper = sleeper;
        this.defaultIntervalMs = defaultIntervalMs;
    }

    /** Raises (never lowers below the default) the interval of one host, e.g. from a Crawl-delay. */
    synchronized void setInterval(String host, long millis) {
        intervals.put(host, Math.max(defaultIntervalMs, millis));
    }

    /** Sets the interval of one host exactly (a per-source override). */
    synchronized void overrideInterval(String host, long millis) {
        intervals.put(host, Math.max(0, millis));
    }

    /** Waits until the host may be contacted again and reserves the slot. */
    void await(String host) throws InterruptedException {
        long wait;
        synchronized (this) {
            long now = clock.millis();
            long next = nextAllowed.getOrDefault(host, now);
            long start = Math.max(now, next);
            nextAllowed.put(host, start + intervals.getOrDefault(host, defaultIntervalMs));
            wait = start - now;
        }
        if (wait > 0) sleeper.sleep(wait);
    }
}
