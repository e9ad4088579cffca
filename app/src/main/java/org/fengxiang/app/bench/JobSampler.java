package org.fengxiang.app.bench;

import com.fasterxml.jackson.databind.JsonNode;
import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.fengxiang.stack.FlinkRest;
import org.fengxiang.stack.ProcessMemory;

/**
 * Samples every second, per step: back-pressure and busy time of each job vertex (Flink's
 * {@code backPressuredTimeMsPerSecond} / {@code busyTimeMsPerSecond}, averaged over subtasks, from the
 * MiniCluster's REST API), the job's count of early copies shed so far (summed over subtasks), the resident memory
 * and CPU time of each process, the machine's busy and stolen CPU time, and this JVM's heap.
 */
final class JobSampler implements Runnable {
    private final FlinkRest rest;
    private final Map<String, Long> pids;
    private volatile String step = "";
    private volatile boolean stop;
    /** The job whose shed-counter metrics were looked up, and those metrics as {vertex id, metric id}. */
    private String shedJob;
    private long shedLookedUpAt;
    private final List<String[]> shedMetrics = new ArrayList<>();
    private final Map<String, StepSamples> samples = new ConcurrentHashMap<>();

    /** Per step: per vertex back-pressure and busy samples (ms/s); per process peak RSS; peak heap. */
    static final class StepSamples {
        final Map<String, List<Double>> backPressure = new LinkedHashMap<>();
        final Map<String, List<Double>> busy = new LinkedHashMap<>();
        final Map<String, Long> peakRss = new LinkedHashMap<>();
        long peakHeap;
        /** CPU milliseconds per process at the first and the latest sample of the step, and when they were taken. */
        final Map<String, Long> cpuFirst = new LinkedHashMap<>();
        final Map<String, Long> cpuLast = new LinkedHashMap<>();
        long firstAt;
        long lastAt;
        long[] machineFirst;
        long[] machineLast;
        /** {sample time, early copies shed since the job started} per sample. */
        final List<long[]> shed = new ArrayList<>();

        /** Mean CPU use per process over the step in ms per second of wall time (1000 = one core busy). */
        synchronized Map<String, Double> cpuMsPerSecond() {
            Map<String, Double> out = new LinkedHashMap<>();
            double seconds = (lastAt - firstAt) / 1000.0;
            if (seconds <= 0) return out;
            cpuFirst.forEach((k, v) -> {
                Long last = cpuLast.get(k);
                if (v >= 0 && last != null && last >= v) out.put(k, (last - v) / seconds);
            });
            return out;
        }

        /** Share of the machine's CPU time that was busy and that was stolen by the hypervisor over the step. */
        synchronized double[] machineBusyAndSteal() {
            if (machineFirst == null || machineLast == null || machineFirst[2] < 0) return new double[] {Double.NaN, Double.NaN};
            double all = machineLast[2] - machineFirst[2];
            if (all <= 0) return new double[] {Double.NaN, Double.NaN};
            return new double[] {(machineLast[0] - machineFirst[0]) / all, (machineLast[1] - machineFirst[1]) / all};
        }
    }

    JobSampler(FlinkRest rest, Map<String, Long> pids) {
        this.rest = rest;
        this.pids = pids;
    }

    void step(String name) {
        step = name;
    }

    @Override
    public void run() {
        while (!stop) {
            long t = System.currentTimeMillis();
            StepSamples s = samples.computeIfAbsent(step, k -> new StepSamples());
            try {
                sampleVertices(s);
            } catch (Exception e) {
                // the job may not be running yet
            }
            synchronized (s) {
                pids.forEach((name, pid) -> s.peakRss.merge(name, ProcessMemory.rssBytes(pid), Math::max));
                long now = System.currentTimeMillis();
                if (s.cpuFirst.isEmpty()) {
                    s.firstAt = now;
                    s.machineFirst = ProcessMemory.machineCpuMillis();
                    pids.forEach((name, pid) -> s.cpuFirst.put(name, ProcessMemory.cpuMillis(pid)));
                }
                s.lastAt = now;
                s.machineLast = ProcessMemory.machineCpuMillis();
                pids.forEach((name, pid) -> s.cpuLast.put(name, ProcessMemory.cpuMillis(pid)));
                s.peakHeap = Math.max(s.peakHeap, ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed());
            }
            try {
                Thread.sleep(Math.max(50, 1000 - (System.currentTimeMillis() - t)));
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void sampleVertices(StepSamples s) throws Exception {
        String jobId = null;
        for (JsonNode j : rest.get("/jobs").path("jobs")) if ("RUNNING".equals(j.path("status").asText())) jobId = j.path("id").asText();
        if (jobId == null) return;
        JsonNode vertices = rest.get("/jobs/" + jobId).path("vertices");
        sampleShed(jobId, vertices, s);
        for (JsonNode v : vertices) {
            String name = v.path("name").asText();
            JsonNode m = rest.get("/jobs/" + jobId + "/vertices/" + v.path("id").asText()
                    + "/subtasks/metrics?get=backPressuredTimeMsPerSecond,busyTimeMsPerSecond");
            synchronized (s) {
                for (JsonNode metric : m) {
                    String id = metric.path("id").asText();
                    double avg = metric.path("avg").asDouble(Double.NaN);
                    if (Double.isNaN(avg)) continue;
                    (id.startsWith("backPressured") ? s.backPressure : s.busy).computeIfAbsent(name, k -> new ArrayList<>()).add(avg);
                }
            }
        }
    }

    /** Sums the early-copy shed counters (operator metrics {@code <operator>.earlyCopiesShed}) over subtasks. */
    private void sampleShed(String jobId, JsonNode vertices, StepSamples s) throws Exception {
        long now = System.currentTimeMillis();
        if (!jobId.equals(shedJob) || shedMetrics.isEmpty() && now - shedLookedUpAt > 10_000) {
            shedJob = jobId;
            shedLookedUpAt = now;
            shedMetrics.clear();
            for (JsonNode v : vertices) {
                String vid = v.path("id").asText();
                for (JsonNode m : rest.get("/jobs/" + jobId + "/vertices/" + vid + "/subtasks/metrics")) {
                    String id = m.path("id").asText();
                    if (id.endsWith(".earlyCopiesShed")) shedMetrics.add(new String[] {vid, id});
                }
            }
        }
        if (shedMetrics.isEmpty()) return;
        long total = 0;
        for (String[] m : shedMetrics) {
            JsonNode r = rest.get("/jobs/" + jobId + "/vertices/" + m[0] + "/subtasks/metrics?agg=sum&get="
                    + java.net.URLEncoder.encode(m[1], java.nio.charset.StandardCharsets.UTF_8));
            for (JsonNode metric : r) total += (long) metric.path("sum").asDouble(0);
        }
        synchronized (s) {
            s.shed.add(new long[] {now, total});
        }
    }

    StepSamples samples(String stepName) {
        return samples.getOrDefault(stepName, new StepSamples());
    }

    void stop() {
        stop = true;
    }
}
