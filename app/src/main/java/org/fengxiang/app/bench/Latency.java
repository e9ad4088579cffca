package org.fengxiang.app.bench;

import java.util.Collection;
import java.util.Locale;

/** Percentiles (nearest rank) of latencies in milliseconds; {@code count == 0} when nothing was measured. */
public record Latency(int count, long p50, long p95, long p99, long max) {
    /** The percentiles of the samples. */
    public static Latency of(Collection<Long> samples) {
        if (samples.isEmpty()) return new Latency(0, -1, -1, -1, -1);
        long[] s = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        return new Latency(s.length, rank(s, 0.50), rank(s, 0.95), rank(s, 0.99), s[s.length - 1]);
    }

    private static long rank(long[] sorted, double q) {
        int i = (int) Math.ceil(q * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
    }

    /** "p50 / p95 / p99 s" or "n/a". */
    public String seconds() {
        if (count == 0) return "n/a";
        return String.format(Locale.ROOT, "%.2f / %.2f / %.2f s", p50 / 1e3, p95 / 1e3, p99 / 1e3);
    }
}
