package org.fengxiang.app.bench;

import java.util.List;
import java.util.Map;

/**
 * What one load step measured: target and produced rate, posts that became searchable during the step per second,
 * backlog at its end, post→searchable latency of the probes, the most back-pressured and the busiest job vertex
 * (mean ms/s over the step), peak resident memory per process and peak heap of the bench JVM, CPU use per process
 * (ms per second; 1000 = one core), the machine's busy and stolen CPU shares, and the median post→searchable latency
 * of the probes acknowledged in each minute of the step (seconds; NaN for a minute without a found probe), and the
 * early copies the job shed in each minute (posts; empty when the job's counter was not read).
 */
public record StepResult(String step, int targetRate, int seconds, long produced, double producedPerSecond,
                         double searchablePerSecond, long backlogAtEnd, Latency searchable, long probesNotFound,
                         String mostBackPressured, double backPressuredMsPerSecond, String busiest, double busyMsPerSecond,
                         Map<String, Long> peakRssMiB, long peakHeapMiB, long burstPosts,
                         Map<String, Double> cpuMsPerSecond, double machineBusy, double machineSteal,
                         List<Double> p50ByMinuteSeconds, List<Long> earlyCopiesShedByMinute) {

    /** Early copies shed over the step (0 when not read). */
    public long earlyCopiesShed() {
        return earlyCopiesShedByMinute == null ? 0 : earlyCopiesShedByMinute.stream().mapToLong(Long::longValue).sum();
    }

    /** CPU milliseconds all processes spent per 1000 posts produced in the step (NaN when not sampled). */
    public double cpuMsPerThousandPosts() {
        double total = cpuMsPerSecond.values().stream().mapToDouble(Double::doubleValue).sum();
        return cpuMsPerSecond.isEmpty() || producedPerSecond <= 0 ? Double.NaN : total / producedPerSecond * 1000;
    }

    /** True if the step kept up: at least 95 % of the target became searchable and the backlog is under 5 s of load. */
    public boolean sustained() {
        return searchablePerSecond >= 0.95 * targetRate && backlogAtEnd <= 5L * targetRate;
    }
}
