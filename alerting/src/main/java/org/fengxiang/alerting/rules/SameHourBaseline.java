package org.fengxiang.alerting.rules;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * Post counts of one keyword over event time, for the ratio "posts in the last 60 minutes against the
 * same 60 minutes on previous days". Minute counts are kept for the last two hours (exact current
 * window), hour counts for {@link #MAX_DAYS} + 1 days (previous days, spread evenly within an hour);
 * both maps are sparse and pruned behind the watermark, so the state is bounded. Plain public fields:
 * Jackson round-trips it.
 */
public class SameHourBaseline {
    /** Previous days reported at most. */
    public static final int MAX_DAYS = 14;
    static final long MINUTE = 60_000;
    static final long HOUR = 3_600_000;
    static final long DAY = 86_400_000;

    /** Epoch minute → posts. */
    public TreeMap<Long, Long> minutes = new TreeMap<>();
    /** Epoch hour → posts. */
    public TreeMap<Long, Long> hours = new TreeMap<>();
    /** Event time of the earliest post counted; days before it were not observed. */
    public long firstMillis = Long.MAX_VALUE;

    public SameHourBaseline() {}

    /** Counts a post at event time {@code t}. */
    public void add(long t) {
        minutes.merge(Math.floorDiv(t, MINUTE), 1L, Long::sum);
        hours.merge(Math.floorDiv(t, HOUR), 1L, Long::sum);
        firstMillis = Math.min(firstMillis, t);
    }

    /**
     * Posts in the 60 minutes before the minute of {@code asOf}: {@code [m - 60 min, m)} with
     * {@code m = floor(asOf to the minute)}. Exact once the watermark has passed {@code asOf}.
     */
    public long lastHour(long asOf) {
        long end = Math.floorDiv(asOf, MINUTE);
        long n = 0;
        for (long c : minutes.subMap(end - 60, end).values()) n += c;
        return n;
    }

    /**
     * The same window on each previous day (index 0 = one day before), for at most {@code maxDays}
     * days and only for days fully after the first post counted.
     */
    public List<Double> previousDays(long asOf, int maxDays) {
        List<Double> out = new ArrayList<>();
        long end = Math.floorDiv(asOf, MINUTE) * MINUTE;
        long observedFrom = firstMillis == Long.MAX_VALUE ? Long.MAX_VALUE : Math.floorDiv(firstMillis, HOUR) * HOUR;
        for (int d = 1; d <= Math.min(maxDays, MAX_DAYS); d++) {
            long start = end - d * DAY - HOUR;
            if (start < observedFrom) break;
            out.add(window(start));
        }
        return out;
    }

    /** Posts in {@code [start, start + 1 h)} from hour counts, each hour's posts spread evenly over it. */
    private double window(long start) {
        long h = Math.floorDiv(start, HOUR);
        double into = (double) Math.floorMod(start, HOUR) / HOUR;
        return hours.getOrDefault(h, 0L) * (1 - into) + hours.getOrDefault(h + 1, 0L) * into;
    }

    /** Drops counts no snapshot at or after {@code time} can need. */
    public void prune(long time) {
        minutes.headMap(Math.floorDiv(time - 2 * HOUR, MINUTE)).clear();
        hours.headMap(Math.floorDiv(time - (MAX_DAYS + 1) * DAY - 2 * HOUR, HOUR)).clear();
    }

    /** True when nothing is counted any more (the state may be cleared). */
    public boolean empty() {
        return minutes.isEmpty() && hours.isEmpty();
    }

    /** The mean over the first {@code days} entries, or NaN when there are none. */
    public static double mean(List<Double> previous, int days) {
        int n = Math.min(days, previous.size());
        if (n == 0) return Double.NaN;
        double sum = 0;
        for (int i = 0; i < n; i++) sum += previous.get(i);
        return sum / n;
    }

    /** (posts + 1) / (mean + 1): add-one smoothing, so a keyword absent on previous days gives a finite ratio. */
    public static double ratio(long posts, double mean) {
        return (posts + 1) / (mean + 1);
    }
}
