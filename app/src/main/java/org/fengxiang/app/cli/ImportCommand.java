package org.fengxiang.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.ingest.FileImporter;
import org.fengxiang.ingest.IngestSettings;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/** {@code fengxiang import}: publishes JSONL(.gz) or CSV files to the posts topic, every line as is. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = "Publish JSONL(.gz)/CSV posts to Kafka (idempotent producer, key = post id); the job validates them.")
public final class ImportCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<Path> files;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        IngestSettings ingest = cfg.section("ingest", IngestSettings.class);
        String bootstrap = Endpoint.kafka(cfg);
        Topics.ensure(bootstrap, List.of(ingest.topic), cfg.section("kafka", KafkaSettings.class).partitions);
        int failed = 0;
        try (KafkaPostPublisher publisher = new KafkaPostPublisher(bootstrap, ingest.topic, ingest.producer)) {
            for (Path f : files) {
                if (!Files.isRegularFile(f)) throw new IllegalArgumentException("file not found: " + f);
                FileImporter.Result r = new FileImporter(publisher).importFile(f);
                System.out.printf("%s: %d lines, %d published to %s (%d without a readable id), %d blank, %d failed%n",
                        f, r.lines(), r.published(), ingest.topic, r.unkeyed(), r.blank(), r.failed());
                if (!r.ok()) failed++;
            }
        }
        return failed == 0 ? 0 : 1;
    }
}
