package org.fengxiang.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.OfflineRun;
import org.fengxiang.core.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fengxiang analyze}: the job graph over files, no Kafka or Elasticsearch needed. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
        description = "Run the pipeline offline over JSONL(.gz) files and write posts/incidents/alerts/rejected JSONL.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = "--input", required = true, split = ",", paramLabel = "FILE", description = "Input JSONL or JSONL.gz (repeatable).")
    List<Path> inputs;

    @Option(names = "--output", required = true, paramLabel = "DIR", description = "Output directory.")
    Path output;

    @Option(names = "--parallelism", defaultValue = "1", description = "Parallelism of the local job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        for (Path in : inputs) {
            if (!Files.isRegularFile(in)) throw new IllegalArgumentException("input not found: " + in);
        }
        if (parallelism < 1) throw new IllegalArgumentException("--parallelism must be at least 1");
        Config cfg = config.load();
        Components c = Components.from(cfg);
        long start = System.nanoTime();
        OfflineRun.Summary s = OfflineRun.run(inputs, output, parallelism, c.enrichment(), c.detection(), c.pipeline());
        System.out.printf("analyzed in %.1f s: %d posts, %d incidents, %d alerts, %d rejected -> %s%n",
                (System.nanoTime() - start) / 1e9, s.posts(), s.incidents(), s.alerts(), s.rejected(), output.toAbsolutePath());
        return 0;
    }
}
