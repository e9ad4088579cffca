package org.fengxiang.alerting.es;

import java.io.Serializable;

/** Exponential backoff: {@code initial * 2^attempt}, capped at {@code max} (attempt counts from 0). */
public final class Backoff implements Serializable {
    private final long initialMs;
    private final long maxMs;

    public Backoff(long initialMs, long maxMs) {
        if (initialMs < 1 || maxMs < initialMs) throw new IllegalArgumentException("bad backoff " + initialMs + "/" + maxMs);
        this.initialMs = initialMs;
        this.maxMs = maxMs;
    }

    /** The pause before retry number {@code attempt} (0-based). */
    public long delayMs(int attempt) {
        if (attempt >= 40) return maxMs;
        long d = initialMs << Math.max(0, attempt);
        return d <= 0 || d > maxMs ? maxMs : d;
    }

    /** Sleeps; a seam for tests. */
    public interface Sleeper extends Serializable {
        void sleep(long ms) throws InterruptedException;

        /** {@link Thread#sleep(long)}. */
        static Sleeper real() {
            return Thread::sleep;
        }
    }
}
