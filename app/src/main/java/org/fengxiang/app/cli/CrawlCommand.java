package org.fengxiang.app.cli;

import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicBoolean;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Resources;
import org.fengxiang.ingest.IngestSettings;
import org.fengxiang.ingest.crawl.CrawlState;
import org.fengxiang.ingest.crawl.Crawler;
import org.fengxiang.ingest.crawl.SourceLoader;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.Topics;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code fengxiang crawl}: crawls the sources of config/sources into Kafka, once or on their intervals. */
@Command(name = "crawl", mixinStandardHelpOptions = true, description = "Crawl the configured sources into the posts topic.")
public final class CrawlCommand implements Callable<Integer> {
    @Option(names = "--source", paramLabel = "NAME", description = "Only this source (also a disabled one).")
    String source;

    @Option(names = "--once", description = "One pass over the sources, then exit.")
    boolean once;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Config cfg = config.load();
        IngestSettings ingest = cfg.section("ingest", IngestSettings.class);
        var all = Crawler.loadSources(Resources.home().resolve(ingest.crawler.sourcesDir), Map.of());
        var run = SourceLoader.select(all, source);
        if (run.isEmpty()) throw new IllegalArgumentException("no enabled source" + (source == null ? "" : " named " + source));
        String bootstrap = Endpoint.kafka(cfg);
        Topics.ensure(bootstrap, List.of(ingest.topic), cfg.section("kafka", KafkaSettings.class).partitions);
        try (KafkaPostPublisher publisher = new KafkaPostPublisher(bootstrap, ingest.topic, ingest.producer);
             Crawler crawler = new Crawler(ingest.crawler, CrawlState.load(Resources.home().resolve(ingest.crawler.statePath)))) {
            if (once) {
                System.out.println(crawler.crawlOnce(run, publisher));
            } else {
                AtomicBoolean stop = new AtomicBoolean();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> stop.set(true)));
                crawler.runScheduled(run, publisher, stop::get, s -> System.out.println(s));
            }
        }
        return 0;
    }
}
