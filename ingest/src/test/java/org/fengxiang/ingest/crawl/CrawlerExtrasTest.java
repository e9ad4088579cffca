package org.fengxiang.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.fengxiang.ingest.publish.InMemoryPostPublisher;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CrawlerExtrasTest {
    @TempDir Path dir;

    static CrawlerSettings settings() {
        CrawlerSettings s = new CrawlerSettings();
        s.allowPrivateAddresses = true;
        s.perHostIntervalMs = 0;
        return s;
    }

    @Test
    void fileDropsAreImportedOncePerContent() throws Exception {
        Path f = dir.resolve("drop.jsonl");
        Files.writeString(f, "{\"id\":\"d:1\",\"source\":\"d\",\"text\":\"x\",\"publishedAt\":\"2026-03-14T09:00:00+08:00\"}\nnot json\n");
        List<SourceConfig> src = SourceLoader.parse("sources:\n  - name: drops\n    type: jsonl\n    start: ['" + f + "']\n", "t", Map.of());
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        CrawlState state = CrawlState.inMemory();
        try (Crawler c = new Crawler(settings(), state, Clock.systemUTC(), ms -> { })) {
            assertThat(c.crawlOnce(src, pub).postsPublished()).isEqualTo(2);
            assertThat(c.crawlOnce(src, pub).postsPublished()).isZero();
            Files.writeString(f, "{\"id\":\"d:2\",\"source\":\"d\",\"text\":\"y\",\"publishedAt\":\"2026-03-14T09:00:00+08:00\"}\n");
            assertThat(c.crawlOnce(src, pub).postsPublished()).isEqualTo(1);
        }
        assertThat(pub.records()).extracting(InMemoryPostPublisher.Record::key).containsExactly("d:1", null, "d:2");
    }

    @Test
    void schedulerCrawlsEachSourceOnItsInterval() throws Exception {
        try (FixtureSiteServer server = FixtureSiteServer.start()) {
            String yaml = "sources:\n"
                    + "  - {name: fast, type: article, intervalSeconds: 60, start: ['" + server.baseUrl() + "/blog/201.html']}\n"
                    + "  - {name: slow, type: article, intervalSeconds: 600, start: ['" + server.baseUrl() + "/blog/202.html']}\n";
            List<SourceConfig> sources = SourceLoader.parse(yaml, "t", Map.of());
            long[] now = {Instant.parse("2026-03-16T00:00:00Z").toEpochMilli()};
            Clock clock = new Clock() {
                public ZoneId getZone() { return ZoneOffset.UTC; }
                public Clock withZone(ZoneId z) { return this; }
                public Instant instant() { return Instant.ofEpochMilli(now[0]); }
            };
            List<String> passes = new ArrayList<>();
            try (Crawler c = new Crawler(settings(), CrawlState.inMemory(), clock, ms -> now[0] += ms)) {
                c.runScheduled(sources, new InMemoryPostPublisher(), () -> now[0] >= Instant.parse("2026-03-16T00:20:00Z").toEpochMilli(),
                        s -> passes.add(String.join("+", s.bySource().keySet())));
            }
            assertThat(passes.stream().filter(p -> p.contains("fast")).count()).isBetween(19L, 21L);
            assertThat(passes.stream().filter(p -> p.contains("slow")).count()).isEqualTo(2);
            assertThat(server.hits("/blog/201.html")).isEqualTo(passes.stream().filter(p -> p.contains("fast")).count());
        }
    }
}
