package org.fengxiang.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.KibanaPanels;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.OfflineRun;
import org.fengxiang.app.rerun.RerunIndexer;
import org.fengxiang.core.Config;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Resources;
import org.fengxiang.ingest.IngestSettings;
import org.fengxiang.ingest.crawl.CrawlState;
import org.fengxiang.ingest.crawl.Crawler;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.fengxiang.ingest.publish.InMemoryPostPublisher;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo data (the crawled fixture site, through the job graph) gives every Kibana panel sensible buckets. */
class DemoDataPanelsTest {
    @TempDir Path tmp;

    @Test
    void everyPanelHasBucketsOnTheDemoData() throws Exception {
        IngestSettings ingest = new IngestSettings();
        ingest.crawler.allowPrivateAddresses = true;
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        try (FixtureSiteServer site = FixtureSiteServer.start();
             Crawler crawler = new Crawler(ingest.crawler, CrawlState.load(tmp.resolve("state.json")))) {
            crawler.crawlOnce(Crawler.loadSources(Resources.configDir().resolve("sources/demo.yaml"), Map.of("baseUrl", site.baseUrl())), pub);
        }
        Path input = tmp.resolve("demo.jsonl");
        Files.write(input, pub.records().stream().map(InMemoryPostPublisher.Record::json).toList(), StandardCharsets.UTF_8);
        assertThat(pub.records()).hasSizeGreaterThan(300);

        Components c = Components.from(Config.empty());
        c.pipeline().outOfOrdernessSeconds = 30L * 24 * 3600; // a multi-day backlog, as in the demo
        Path out = tmp.resolve("out");
        OfflineRun.run(List.of(input), out, 2, c.enrichment(), c.detection(), c.pipeline());

        EsSettings es = EsSettings.of(SharedStack.get(Service.ELASTICSEARCH).elasticsearchUrl());
        RerunIndexer.index(es, out);
        String biggest = Files.readAllLines(out.resolve("incidents.jsonl")).stream().map(l -> Json.read(l, Incident.class))
                .max(Comparator.comparingLong(i -> i.postCount)).orElseThrow().id;
        try (RestClient rest = EsClients.restClient(es, Map.of())) {
            rest.performRequest(new Request("POST", "/fengxiang-*/_refresh"));
            KibanaPanels.Check check = KibanaPanels.check(rest, biggest);
            // The bounded run ends with every incident finished, so every alert thread is closed and the
            // open-alerts panel is rightly empty: checked rather than ignored.
            assertThat(Files.readAllLines(out.resolve("alerts.jsonl"))).isNotEmpty()
                    .anySatisfy(l -> assertThat(l).contains("\"status\":\"closed\""));
            assertThat(check.empty()).allSatisfy(e -> assertThat(e).matches(
                    "fengxiang-vis-open-alerts-by-level terms\\(level\\) .*"));
            assertThat(check.checked() - check.empty().size()).isGreaterThan(20);
        }
    }
}
