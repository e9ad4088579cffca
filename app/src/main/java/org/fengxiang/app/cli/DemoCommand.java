package org.fengxiang.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.fengxiang.alerting.ack.AckServer;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Resources;
import org.fengxiang.ingest.IngestSettings;
import org.fengxiang.ingest.crawl.CrawlState;
import org.fengxiang.ingest.crawl.CrawlSummary;
import org.fengxiang.ingest.crawl.Crawler;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.EmbeddedStack;
import org.fengxiang.stack.Endpoints;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code fengxiang demo}: the whole pipeline on the embedded stack. Starts Kafka, Elasticsearch and
 * SMTP, serves the bundled fixture site, crawls it into Kafka, runs the streaming job over what was
 * crawled, prints what landed, and stops everything it started.
 */
@Command(name = "demo", mixinStandardHelpOptions = true,
        description = "Run the real pipeline on the embedded stack over the bundled fixture site and print a summary.")
public final class DemoCommand implements Callable<Integer> {
    @Option(names = "--dir", paramLabel = "DIR", description = "Working directory (default: var/demo under the project home).")
    Path dir;

    @Option(names = "--parallelism", defaultValue = "2", description = "Parallelism of the job (default: ${DEFAULT-VALUE}).")
    int parallelism;

    @Mixin ConfigOptions config;

    @Override
    public Integer call() throws Exception {
        Path work = dir != null ? dir.toAbsolutePath() : Resources.home().resolve("var/demo");
        clean(work);
        Config cfg = config.load();
        Components components = Components.from(cfg);
        // The demo crawls a backlog of several days at once, newest pages first: as for any backfill, the
        // bounded run tolerates disorder across the whole backlog (the final watermark then releases
        // everything in event-time order), unless the user set the bound explicitly.
        if (cfg.get("pipeline.outOfOrdernessSeconds") == null) components.pipeline().outOfOrdernessSeconds = 30L * 24 * 3600;
        long t0 = System.nanoTime();
        step("starting the embedded stack (Kafka, Elasticsearch, SMTP) under " + work);
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(work).build()) {
            Endpoints ep = stack.start();
            step("stack up in %.0f s: kafka %s, elasticsearch %s, smtp %s:%d", secs(t0), ep.kafkaBootstrap(),
                    ep.elasticsearchUrl(), ep.smtpHost(), ep.smtpPort());
            EsSettings es = cfg.section("elasticsearch", EsSettings.class);
            es.urls = List.of(ep.elasticsearchUrl());
            es.validate();
            ElasticsearchClient client = EsClients.create(es);
            try {
                IndexSetup.install(client, es);
                step("index templates and aliases installed");
                CrawlSummary crawl = crawlFixtureSite(cfg, ep, work);
                step("crawled the fixture site: %d pages, %d posts published to Kafka, %d failed fetches",
                        crawl.pagesFetched(), crawl.postsPublished(), crawl.failed());
                MailSettings mail = cfg.section("mail", MailSettings.class);
                mail.host = ep.smtpHost();
                mail.port = ep.smtpPort();
                mail.security = "none";
                mail.ledgerFile = work.resolve("mail-ledger.jsonl").toString();
                // the acknowledgement endpoint on a free port, its store with the demo's data
                mail.ack.port = 0;
                mail.ack.storeFile = work.resolve("ack/acks.jsonl").toString();
                mail.validate();
                KafkaSettings kafka = cfg.section("kafka", KafkaSettings.class);
                try (AckServer ack = mail.ack.enabled ? AckServer.start(mail.ack, es, mail.zone, System.getenv()) : null) {
                    if (ack != null) {
                        mail.ack.baseUrl = "http://" + mail.ack.bind + ":" + ack.port();
                        step("acknowledgement endpoint at %s/ack (links in the e-mails)", mail.ack.baseUrl);
                    }
                    step("running the streaming job over the posts topic (bounded at its current end)");
                    StreamingRun.build(new StreamingRun.Plan(components, kafka, ep.kafkaBootstrap(), es, mail, work,
                            parallelism, KafkaIO.Range.TO_CURRENT_END, "Asia/Shanghai")).execute("fengxiang-demo");
                    DemoSummary.print(client, EsIndices.of(es), ep, work, components.pipeline().topics.deadLetter, secs(t0));
                }
            } finally {
                EsClients.close(client);
            }
        }
        step("stopped everything the demo started");
        return 0;
    }

    private static CrawlSummary crawlFixtureSite(Config cfg, Endpoints ep, Path work) throws Exception {
        IngestSettings ingest = cfg.section("ingest", IngestSettings.class);
        ingest.crawler.allowPrivateAddresses = true;
        try (FixtureSiteServer site = FixtureSiteServer.start();
             KafkaPostPublisher publisher = new KafkaPostPublisher(ep.kafkaBootstrap(), ingest.topic, ingest.producer)) {
            step("fixture site served at " + site.baseUrl());
            var sources = Crawler.loadSources(Resources.configDir().resolve("sources/demo.yaml"), Map.of("baseUrl", site.baseUrl()));
            org.fengxiang.stack.Topics.ensure(ep.kafkaBootstrap(), List.of(ingest.topic), 2);
            try (Crawler crawler = new Crawler(ingest.crawler, CrawlState.load(work.resolve("crawl-state.json")))) {
                CrawlSummary s = crawler.crawlOnce(sources, publisher);
                publisher.flush();
                return s;
            }
        }
    }

    private static void clean(Path work) throws IOException {
        if (!Files.exists(work)) return;
        try (Stream<Path> s = Files.walk(work)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
        }
    }

    static void step(String fmt, Object... args) {
        System.out.println("▶ " + String.format(fmt, args));
    }

    private static double secs(long t0) {
        return (System.nanoTime() - t0) / 1e9;
    }
}
