package org.fengxiang.analytics.incident;

/**
 * Per-incident rate tracking on one-minute event-time bins: a sliding window of the last {@code W}
 * minutes, the window before it (for growth), and an EWMA baseline fed with the minutes that leave the
 * current window (so a burst does not raise its own baseline until it is older than the window). The
 * burst score is the exact Poisson tail probability of the window count {@code w} against
 * {@code mu = max(baseline, prior) * W}, as an equivalent z ({@link PoissonZ}). Jackson-serialisable
 * state (public fields).
 */
public class BurstDetector {
    /** Minute counts of the last 2W minutes; {@code ring[pos]} is the oldest. */
    public int[] ring;
    public int pos;
    public long windowCount;
    public long previousCount;
    /** EWMA of posts per minute over minutes older than the window. */
    public double baseline;
    /** Minutes closed so far. */
    public long minutes;

    public BurstDetector() {}

    /** A detector with an empty history whose baseline starts at the prior rate. */
    static BurstDetector create(int windowMinutes, double priorPerMinute) {
        BurstDetector d = new BurstDetector();
        d.ring = new int[2 * windowMinutes];
        d.baseline = priorPerMinute;
        return d;
    }

    int window() {
        return ring.length / 2;
    }

    /** Closes one minute holding {@code count} posts; {@code alpha} is the EWMA weight per minute. */
    void closeMinute(int count, double alpha) {
        int w = window();
        int oldest = ring[pos];
        int leaving = ring[(pos + w) % ring.length];
        previousCount += leaving - oldest;
        windowCount += count - leaving;
        ring[pos] = count;
        pos = (pos + 1) % ring.length;
        minutes++;
        if (minutes > w) baseline += alpha * (leaving - baseline);
    }

    /** True when the whole 2W history is empty. */
    boolean quiet() {
        return windowCount == 0 && previousCount == 0;
    }

    /** Expected window count under the baseline, floored at the prior rate. */
    double expected(double priorPerMinute) {
        return Math.max(baseline, priorPerMinute) * window();
    }

    /** Poisson z-score (exact tail, as an equivalent normal z) of the current window against {@link #expected}. */
    double z(double priorPerMinute) {
        return PoissonZ.z(windowCount, expected(priorPerMinute));
    }

    /** Window count over the previous window count, add-one smoothed (1 when flat). */
    double growth() {
        return (windowCount + 1.0) / (previousCount + 1.0);
    }

    /** EWMA weight per minute for a half-life in minutes. */
    static double alpha(double halfLifeMinutes) {
        return 1 - Math.pow(0.5, 1 / halfLifeMinutes);
    }
}
