package org.fengxiang.stack;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Measures stack start-up time, RSS per service JVM and stop time (not a test: speed depends on the machine).
 * Usage: {@code StackStartupBench ROUNDS DIR [JVM-OPTION...]}; prints one line per round.
 */
public final class StackStartupBench {
    private StackStartupBench() {}

    public static void main(String[] args) throws Exception {
        int rounds = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        List<String> opts = Arrays.asList(args).subList(2, args.length);
        for (int r = 0; r < rounds; r++) {
            EmbeddedStack stack = EmbeddedStack.builder().dataDir(dir.resolve("round-" + r)).jvmOptions(opts).build();
            long t0 = System.nanoTime();
            stack.start();
            long started = System.nanoTime();
            Map<Service, Long> pids = stack.pids();
            List<String> rss = new ArrayList<>();
            pids.forEach((s, pid) -> rss.add(s.id() + "=" + rssMb(pid) + "MiB"));
            stack.close();
            long stopped = System.nanoTime();
            System.out.printf("round %d opts %s: start %.1f s, stop %.1f s, RSS %s, load %s%n", r, opts,
                    (started - t0) / 1e9, (stopped - started) / 1e9, rss, Files.readString(Path.of("/proc/loadavg")).trim());
        }
    }

    static long rssMb(long pid) {
        try {
            String line = Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("VmRSS: 0 kB");
            return Long.parseLong(line.replaceAll("\\D+", "")) / 1024;
        } catch (Exception e) {
            return -1;
        }
    }
}
