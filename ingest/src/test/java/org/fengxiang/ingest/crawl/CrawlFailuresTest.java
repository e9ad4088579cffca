package org.fengxiang.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.fengxiang.ingest.publish.InMemoryPostPublisher;
import org.junit.jupiter.api.Test;

class CrawlFailuresTest {
    @Test
    void oneFailedFetchNeverStopsTheCrawl() throws Exception {
        try (FixtureSiteServer server = FixtureSiteServer.start()) {
            String b = server.baseUrl();
            SourceConfig src = new SourceConfig();
            src.name = "mixed";
            src.type = "article";
            src.start = List.of(b + "/special/loop-a", b + "/special/slow?ms=1500", b + "/private/admin.html", b + "/nope.html",
                    b + "/special/huge?mb=2", b + "/blog/202.html");
            SourceLoader.validate(src, "test");
            CrawlerSettings s = new CrawlerSettings();
            s.allowPrivateAddresses = true;
            s.perHostIntervalMs = 0;
            s.requestTimeoutMs = 300;
            s.maxRetries = 1;
            s.maxBodyBytes = 512 * 1024;
            InMemoryPostPublisher pub = new InMemoryPostPublisher();
            SourceMetrics m;
            try (Crawler c = new Crawler(s, CrawlState.inMemory(), Clock.fixed(Instant.parse("2026-03-16T02:00:00Z"), ZoneOffset.UTC), ms -> { })) {
                m = c.crawlSource(src, pub);
            }
            assertThat(m.failed).containsEntry("redirect-loop", 1L).containsEntry("timeout", 1L).containsEntry("robots", 1L)
                    .containsEntry("http-404", 1L).containsEntry("too-large", 1L);
            assertThat(m.postsPublished).isEqualTo(1);
            assertThat(pub.records().get(0).key()).startsWith("mixed:");
        }
    }

    @Test
    void throttleSpacesRequestsToTheSameHost() throws Exception {
        long[] now = {0};
        List<Long> sleeps = new ArrayList<>();
        Clock clock = new Clock() {
            public java.time.ZoneId getZone() { return ZoneOffset.UTC; }
            public Clock withZone(java.time.ZoneId z) { return this; }
            public Instant instant() { return Instant.ofEpochMilli(now[0]); }
        };
        HostThrottle t = new HostThrottle(clock, ms -> { sleeps.add(ms); now[0] += ms; }, 1000);
        t.await("a:80");
        t.await("a:80");
        t.await("b:80");
        now[0] += 300;
        t.await("a:80");
        t.setInterval("b:80", 5000);
        t.await("b:80");
        t.await("b:80");
        assertThat(sleeps).containsExactly(1000L, 700L, 5000L);
    }
}
