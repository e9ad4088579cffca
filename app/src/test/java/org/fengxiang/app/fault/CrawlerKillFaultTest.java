package org.fengxiang.app.fault;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.cli.ConfigOptions;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.PostParser;
import org.fengxiang.core.Resources;
import org.fengxiang.ingest.IngestSettings;
import org.fengxiang.ingest.crawl.CrawlState;
import org.fengxiang.ingest.crawl.Crawler;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.fengxiang.ingest.publish.InMemoryPostPublisher;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fengxiang crawl --once} (its own JVM) over the bundled fixture site is SIGKILLed mid-crawl and run again
 * with the same incremental state. Guarantee measured: at-least-once into Kafka (posts published but not yet
 * recorded in the state when the crawler died are published again, with the same id) and exactly-once in
 * Elasticsearch (the job indexes by post id). No post of the site is lost.
 */
class CrawlerKillFaultTest {
    private static final String NAME = "fault-crawl";
    /** Politeness delay per page, so a crawl of the ~30 pages lasts long enough to be killed in the middle. */
    private static final int PAGE_INTERVAL_MS = 700;
    @TempDir Path tmp;

    @Test
    @Timeout(value = 5, unit = TimeUnit.MINUTES)
    void killedCrawlerLosesNothingAndTheIndexHoldsEachPostOnce() throws Exception {
        Endpoints ep = SharedStack.get();
        String topic = StreamingChild.topic(NAME);
        long t0 = System.nanoTime();
        try (FixtureSiteServer site = FixtureSiteServer.start()) {
            List<InMemoryPostPublisher.Record> reference = referenceCrawl(site);
            Set<String> expected = new TreeSet<>();
            reference.forEach(r -> expected.add(r.key()));
            Path sources = sources(site, PAGE_INTERVAL_MS);
            Path state = tmp.resolve("crawl-state.json");
            try (ChildJvm first = crawl(ep, sources, state, topic, tmp.resolve("crawl-1.log"))) {
                Await.until(Duration.ofMinutes(2), () -> "records " + size(ep, topic) + "\n" + first.logTail(),
                        () -> size(ep, topic) >= expected.size() / 4);
                assertThat(first.isAlive()).as("still crawling").isTrue();
                first.kill();
            }
            long atKill = TopicReader.size(ep.kafkaBootstrap(), topic);
            System.out.printf("crawler SIGKILLed with %d of %d posts in Kafka%n", atKill, expected.size());
            try (ChildJvm second = crawl(ep, sources, state, topic, tmp.resolve("crawl-2.log"))) {
                assertThat(second.awaitExit(Duration.ofMinutes(3))).as(second.logTail()).isZero();
            }
            List<String> keys = TopicReader.keys(ep.kafkaBootstrap(), topic);
            System.out.printf("crawler kill: %d records for %d posts (%d published twice)%n", keys.size(), expected.size(), keys.size() - new HashSet<>(keys).size());
            assertThat(new TreeSet<>(keys)).as("every post of the site reached Kafka").isEqualTo(expected);
            assertIndexedOnce(ep, topic, reference);
        }
        System.out.printf("crawler kill fault test: %d s%n", Await.secondsSince(t0));
    }

    /** What an undisturbed crawl of the site publishes. */
    private List<InMemoryPostPublisher.Record> referenceCrawl(FixtureSiteServer site) throws Exception {
        IngestSettings ingest = new ConfigOptions().load().section("ingest", IngestSettings.class);
        ingest.crawler.allowPrivateAddresses = true;
        try (Crawler crawler = new Crawler(ingest.crawler, CrawlState.inMemory())) {
            InMemoryPostPublisher pub = new InMemoryPostPublisher();
            crawler.crawlOnce(Crawler.loadSources(sources(site, 20), java.util.Map.of()), pub);
            return pub.records();
        }
    }

    /** The topic through the bounded streaming job into Elasticsearch: one document per accepted post id. */
    private void assertIndexedOnce(Endpoints ep, String topic, List<InMemoryPostPublisher.Record> reference) throws Exception {
        Set<String> accepted = new TreeSet<>();
        reference.forEach(r -> {
            if (PostParser.parse(r.json()).ok()) accepted.add(r.key());
        });
        Config cfg = new ConfigOptions().load().with(java.util.Map.of("elasticsearch.indexPrefix", NAME,
                "pipeline.topics.posts", topic, "pipeline.topics.deadLetter", topic + ".dlq"));
        EsSettings es = cfg.section("elasticsearch", EsSettings.class);
        es.urls = List.of(ep.elasticsearchUrl());
        es.validate();
        IndexSetup.install(es);
        MailSettings noMail = new MailSettings();
        noMail.enabled = false;
        StreamingRun.build(new StreamingRun.Plan(Components.from(cfg), cfg.section("kafka", KafkaSettings.class), ep.kafkaBootstrap(),
                es, noMail, tmp.resolve("var"), 2, KafkaIO.Range.TO_CURRENT_END, "Asia/Shanghai")).execute(NAME);
        try (EsView view = new EsView(ep.elasticsearchUrl(), NAME)) {
            assertThat(view.posts()).as("post documents").isEqualTo(accepted.size());
            assertThat(view.postsWithIds(accepted)).as("documents with the accepted ids").isEqualTo(accepted.size());
        }
    }

    private ChildJvm crawl(Endpoints ep, Path sources, Path state, String topic, Path log) {
        List<String> args = new ArrayList<>(List.of("crawl", "--once"));
        for (String kv : List.of("kafka.bootstrapServers=" + ep.kafkaBootstrap(), "ingest.topic=" + topic,
                "ingest.crawler.sourcesDir=" + sources, "ingest.crawler.statePath=" + state,
                "ingest.crawler.allowPrivateAddresses=true")) {
            args.add("--set");
            args.add(kv);
        }
        return ChildJvm.start(log, 256, args);
    }

    /** The fixture-site sources of config/sources/demo.yaml, enabled, on this server, with the given page interval. */
    private Path sources(FixtureSiteServer site, int pageIntervalMs) throws Exception {
        String yaml = Files.readString(Resources.configDir().resolve("sources/demo.yaml"), StandardCharsets.UTF_8)
                .replace("${baseUrl:-http://127.0.0.1:8088}", site.baseUrl())
                .replace("enabled: false", "enabled: true")
                .replace("perHostIntervalMs: 20", "perHostIntervalMs: " + pageIntervalMs);
        Path dir = Files.createDirectories(tmp.resolve("sources-" + pageIntervalMs));
        Files.writeString(dir.resolve("fixture.yaml"), yaml, StandardCharsets.UTF_8);
        return dir;
    }

    private static long size(Endpoints ep, String topic) {
        try {
            return TopicReader.size(ep.kafkaBootstrap(), topic);
        } catch (RuntimeException e) {
            return 0; // the topic is created by the crawler
        }
    }
}
