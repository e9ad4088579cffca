package org.fengxiang.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Resident memory of a process from {@code /proc/PID/status} (Linux). */
public final class ProcessMemory {
    private ProcessMemory() {}

    /** VmRSS of the process in bytes, or -1 where /proc is not available or the process is gone. */
    public static long rssBytes(long pid) {
        return statusKb(pid, "VmRSS:");
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
