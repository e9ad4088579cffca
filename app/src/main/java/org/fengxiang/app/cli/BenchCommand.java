package org.fengxiang.app.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.Callable;
import org.fengxiang.app.bench.BenchReport;
import org.fengxiang.app.bench.BenchRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fengxiang bench}: a load run on the embedded stack with throughput, latency, back-pressure and memory figures. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Drive the embedded stack with generated Chinese posts at one or more rates and report throughput into"
                + " Elasticsearch, post→searchable, burst→alert and alert→e-mail latencies, back-pressure and memory.")
public final class BenchCommand implements Callable<Integer> {
    @Option(names = "--rate", defaultValue = "1000", description = "Posts per second (default: ${DEFAULT-VALUE}).")
    int rate;

    @Option(names = "--rates", split = ",", paramLabel = "N,N,...", description = "Step through these rates instead of --rate, e.g. 1000,2000,3000.")
    List<Integer> rates;

    @Option(names = "--duration", defaultValue = "60s", description = "Length of each step, e.g. 90s or 2m (default: ${DEFAULT-VALUE}).")
    String duration;

    @Option(names = "--warmup", defaultValue = "120s", description = "Unmeasured load before the first step, so every JVM"
            + " (job, Kafka, Elasticsearch) runs compiled code when measuring; 0s for none (default: ${DEFAULT-VALUE}).")
    String warmup;

    @Option(names = "--warmup-rate", defaultValue = "1000", description = "Posts per second of the warm-up (default: ${DEFAULT-VALUE}).")
    int warmupRate;

    @Option(names = "--parallelism", defaultValue = "2", description = "Job parallelism (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Option(names = "--burst-rate", defaultValue = "25", description = "Reposts per second of each step's incident burst (default: ${DEFAULT-VALUE}).")
    int burstRate;

    @Option(names = "--burst-seconds", defaultValue = "40", description = "Length of each burst (default: ${DEFAULT-VALUE}).")
    int burstSeconds;

    @Option(names = "--probe-every", defaultValue = "100", description = "Every Nth post is a latency probe (default: ${DEFAULT-VALUE}).")
    int probeEvery;

    @Option(names = "--drain-timeout", defaultValue = "240s", description = "How long to wait for the last alerts and e-mails (default: ${DEFAULT-VALUE}).")
    String drainTimeout;

    @Option(names = "--use-running-stack", description = "Use the stack `fengxiang stack up` started instead of starting one"
            + " (topics and indices get a unique bench name).")
    boolean useRunningStack;

    @Option(names = "--out", paramLabel = "DIR", description = "Where the stack, the job and the results go (default: var/bench).")
    Path out;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        List<Integer> steps = rates == null || rates.isEmpty() ? List.of(rate) : rates;
        if (steps.stream().anyMatch(r -> r <= 0)) throw new IllegalArgumentException("rates must be positive");
        Duration step = parse(duration);
        if (step.toSeconds() < 20) throw new IllegalArgumentException("--duration must be at least 20s");
        Duration warm = parse(warmup);
        if (warm.isNegative() || warmupRate <= 0) throw new IllegalArgumentException("--warmup must be >= 0s and --warmup-rate positive");
        Path work = (out != null ? out : Resources.home().resolve("var/bench")).toAbsolutePath();
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        BenchRun.Options o = new BenchRun.Options(steps, step, parallelism,
                new org.fengxiang.app.bench.Burst(Math.min(10, step.toSeconds() / 4.0), burstRate, burstSeconds),
                probeEvery, 50, parse(drainTimeout), work.resolve("run-" + stamp), useRunningStack, warm, warmupRate);
        BenchReport report = new BenchReport(BenchRun.run(o, cfg));
        String md = report.markdown();
        System.out.println();
        System.out.println(md);
        System.out.println("results: " + report.write(work, stamp) + " (and .json)");
        return 0;
    }

    static Duration parse(String d) {
        String s = d.trim().toLowerCase(java.util.Locale.ROOT);
        if (s.endsWith("ms")) return Duration.ofMillis(Long.parseLong(s.substring(0, s.length() - 2)));
        if (s.endsWith("s")) return Duration.ofSeconds(Long.parseLong(s.substring(0, s.length() - 1)));
        if (s.endsWith("m")) return Duration.ofMinutes(Long.parseLong(s.substring(0, s.length() - 1)));
        return Duration.ofSeconds(Long.parseLong(s));
    }
}
