package org.fengxiang.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory and CPU time of a process from {@code /proc} (Linux). */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** VmRSS of the process in bytes, or -1 where /proc is not available or the process is gone. */
    public static long rssBytes(long pid) {
        return statusKb(pid, "VmRSS:");
    }

    /** User + system CPU time of the process in milliseconds ({@code /proc/PID/stat}), or -1 where unavailable. */
    public static long cpuMillis(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            // fields 14 (utime) and 15 (stime) of proc(5), counted from the state field (3); clock ticks of 10 ms
            return (Long.parseLong(f[11]) + Long.parseLong(f[12])) * 10;
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    /** CPU time of the whole machine in milliseconds since boot: {busy (user+nice+system+irq+softirq), steal, all}. */
    public static long[] machineCpuMillis() {
        try {
            String[] f = Files.readAllLines(Path.of("/proc/stat")).get(0).trim().split("\\s+");
            long user = Long.parseLong(f[1]), nice = Long.parseLong(f[2]), sys = Long.parseLong(f[3]), idle = Long.parseLong(f[4]);
            long iowait = Long.parseLong(f[5]), irq = Long.parseLong(f[6]), softirq = Long.parseLong(f[7]), steal = Long.parseLong(f[8]);
            long busy = user + nice + sys + irq + softirq;
            return new long[] {busy * 10, steal * 10, (busy + idle + iowait + steal) * 10};
        } catch (IOException | RuntimeException e) {
            return new long[] {-1, -1, -1};
        }
    }

    private static long statusKb(long pid, String key) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
                if (line.startsWith(key)) return Long.parseLong(line.substring(key.length()).trim().split("\\s+")[0]) * 1024;
            }
        } catch (IOException | RuntimeException e) {
            return -1;
        }
        return -1;
    }
}
