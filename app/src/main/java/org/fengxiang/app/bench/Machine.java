package org.fengxiang.app.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A description of the machine the bench ran on (cores, memory, CPU model, load, JVM), with a calibration: the
 * time of a fixed single-threaded workload (generating, parsing and hashing 20,000 bench posts), so runs on
 * different (virtual) machines can be related: the same CPU model name can hide a host twice as busy.
 */
final class Machine {
    private static final int CALIBRATION_POSTS = 20_000;
    private static volatile String calibrationBefore = "not measured";

    private Machine() {}

    /** Times the calibration workload now (call it before the stack starts, on an idle machine). */
    static void calibrateBeforeRun() {
        calibrationBefore = calibration();
    }

    /** Median and range of five timed runs of the workload after eight untimed ones (JIT). */
    static String calibration() {
        for (int i = 0; i < 8; i++) calibrationWorkload();
        long[] ms = new long[5];
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            calibrationWorkload();
            ms[i] = (System.nanoTime() - t0) / 1_000_000;
        }
        java.util.Arrays.sort(ms);
        return ms[2] + " ms (" + ms[0] + "–" + ms[4] + ")";
    }

    private static long calibrationWorkload() {
        try {
            PostGenerator g = new PostGenerator(42, "calibration");
            java.security.MessageDigest sha = java.security.MessageDigest.getInstance("SHA-256");
            long fields = 0;
            for (int i = 0; i < CALIBRATION_POSTS; i++) {
                String json = g.next(1_700_000_000_000L + i * 10L).json();
                fields += org.fengxiang.core.Json.mapper().readTree(json).size();
                sha.update(json.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            }
            return fields + sha.digest()[0];
        } catch (Exception e) {
            throw new IllegalStateException("calibration workload failed", e);
        }
    }

    static Map<String, Object> describe() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("cores", Runtime.getRuntime().availableProcessors());
        m.put("memTotalGiB", Math.round(memTotalKb() / 1048576.0 * 10) / 10.0);
        m.put("cpu", cpuModel());
        m.put("loadAverage1mAtEnd", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        m.put("java", System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
        m.put("os", System.getProperty("os.name") + " " + System.getProperty("os.version"));
        m.put("jobHeapMaxMiB", Runtime.getRuntime().maxMemory() / 1048576);
        m.put("jobGc", collectors());
        m.put("calibrationBefore", calibrationBefore);
        m.put("calibrationAfter", calibration());
        return m;
    }

    private static String collectors() {
        StringBuilder b = new StringBuilder();
        for (var gc : ManagementFactory.getGarbageCollectorMXBeans()) b.append(b.length() == 0 ? "" : " + ").append(gc.getName());
        return b.toString();
    }

    private static long memTotalKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (l.startsWith("MemTotal:")) return Long.parseLong(l.replaceAll("\\D+", ""));
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return -1;
    }

    private static String cpuModel() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/cpuinfo"))) {
                if (l.startsWith("model name")) return l.substring(l.indexOf(':') + 1).trim();
            }
        } catch (Exception ignored) {
            // not Linux
        }
        return "unknown";
    }
}
