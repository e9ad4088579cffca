package org.fengxiang.app.bench;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Turns one step's production, Elasticsearch counts, probes and samples into a {@link StepResult}. */
final class StepSummary {
    private StepSummary() {}

    /**
     * Posts produced in a step become searchable about one median post→searchable latency later: the step's
     * throughput into Elasticsearch is the growth (least-squares slope) of the searchable count over the step's
     * window shifted by that lag, and its backlog what was acknowledged by the step's end but not searchable one
     * lag later. Latencies and missing probes are taken after the run.
     */
    static StepResult of(String name, int rate, Duration step, LoadProducer.Production p, long ackedAtEnd,
                         EsWatcher es, Probes probes, JobSampler.StepSamples s) {
        long lagMillis = Math.max(0, probes.latency(name).p50());
        long searchableAfter = es.countAt(p.endMillis() + lagMillis);
        String[] bp = worst(s.backPressure);
        String[] busy = worst(s.busy);
        Map<String, Long> rss = new LinkedHashMap<>();
        synchronized (s) {
            s.peakRss.forEach((k, v) -> rss.put(k, v < 0 ? -1 : v >> 20));
        }
        return new StepResult(name, rate, (int) step.toSeconds(), p.acked(), p.ratePerSecond(),
                es.ratePerSecond(p.startMillis() + lagMillis, p.endMillis() + lagMillis),
                Math.max(0, ackedAtEnd - searchableAfter), probes.latency(name),
                probes.missing(name), bp[0], Double.parseDouble(bp[1]), busy[0], Double.parseDouble(busy[1]), rss,
                s.peakHeap >> 20, p.burstPosts(), s.cpuMsPerSecond(), s.machineBusyAndSteal()[0], s.machineBusyAndSteal()[1],
                probes.medianByMinute(name, p.startMillis()), shedByMinute(s, p.startMillis(), p.endMillis()));
    }

    /**
     * Differences of the job's cumulative early-copy shed count between minute marks of the step (the last sample
     * at or before each mark; the step's first sample before the first mark). Empty without samples.
     */
    static List<Long> shedByMinute(JobSampler.StepSamples s, long startMillis, long endMillis) {
        List<long[]> samples;
        synchronized (s) {
            samples = new java.util.ArrayList<>(s.shed);
        }
        List<Long> out = new java.util.ArrayList<>();
        if (samples.isEmpty()) return out;
        long previous = samples.get(0)[1];
        int minutes = (int) Math.max(1, (endMillis - startMillis + 59_999) / 60_000);
        for (int k = 1; k <= minutes; k++) {
            long mark = startMillis + k * 60_000L;
            long value = previous;
            for (long[] x : samples) if (x[0] <= mark) value = x[1];
            out.add(Math.max(0, value - previous));
            previous = value;
        }
        return out;
    }

    /** The vertex with the highest mean over the step, and that mean (ms/s). */
    private static String[] worst(Map<String, List<Double>> byVertex) {
        String name = "-";
        double max = 0;
        synchronized (byVertex) {
            for (var e : byVertex.entrySet()) {
                double mean = e.getValue().stream().mapToDouble(Double::doubleValue).average().orElse(0);
                if (mean > max || name.equals("-")) {
                    max = mean;
                    name = e.getKey();
                }
            }
        }
        return new String[] {shorten(name), String.format(Locale.ROOT, "%.1f", max)};
    }

    private static String shorten(String vertex) {
        return vertex.length() > 60 ? vertex.substring(0, 57) + "..." : vertex;
    }

    static String line(StepResult r) {
        return String.format(Locale.ROOT, "produced %.0f/s, searchable %.0f/s, backlog %d, post→searchable p50/p95/p99 %s,"
                        + " back-pressure max %.0f ms/s (%s)", r.producedPerSecond(), r.searchablePerSecond(), r.backlogAtEnd(),
                r.searchable().seconds(), r.backPressuredMsPerSecond(), r.mostBackPressured());
    }
}
