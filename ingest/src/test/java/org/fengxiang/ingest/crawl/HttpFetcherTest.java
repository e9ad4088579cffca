package org.fengxiang.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class HttpFetcherTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T02:00:00Z"), ZoneOffset.UTC);
    static FixtureSiteServer server;
    final List<Long> sleeps = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        server = FixtureSiteServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    CrawlerSettings settings() {
        CrawlerSettings s = new CrawlerSettings();
        s.allowPrivateAddresses = true;
        s.perHostIntervalMs = 0;
        s.requestTimeoutMs = 3000;
        return s;
    }

    HttpFetcher fetcher(CrawlerSettings s) {
        HttpFetcher f = new HttpFetcher(s, CLOCK, sleeps::add);
        f.jitter(() -> 0);
        return f;
    }

    String url(String path) {
        return server.baseUrl() + path;
    }

    @Test
    void honoursRetryAfterOn429() throws Exception {
        try (HttpFetcher f = fetcher(settings())) {
            Page p = f.fetch(url("/special/429?k=retry"));
            assertThat(p.status()).isEqualTo(200);
            assertThat(p.text()).contains("限流之后");
            assertThat(sleeps).contains(1000L);
            assertThat(server.hits("/special/429?k=retry")).isEqualTo(2);
            assertThat(f.retries()).isEqualTo(1);
        }
    }

    @Test
    void backsOffExponentiallyWithoutRetryAfter() throws Exception {
        CrawlerSettings s = settings();
        s.backoffBaseMs = 400;
        try (HttpFetcher f = fetcher(s)) {
            assertThat(f.fetch(url("/special/503-once?k=b")).status()).isEqualTo(200);
            assertThat(sleeps).hasSize(1);
            assertThat(sleeps.get(0)).isBetween(200L, 400L);
        }
    }

    @Test
    void stopsARedirectLoop() {
        try (HttpFetcher f = fetcher(settings())) {
            assertThatThrownBy(() -> f.fetch(url("/special/loop-a")))
                    .isInstanceOf(FetchException.class).extracting(e -> ((FetchException) e).reason()).isEqualTo("redirect-loop");
        }
    }

    @Test
    void followsARedirectWithinTheLimit() throws Exception {
        try (HttpFetcher f = fetcher(settings())) {
            Page p = f.fetch(url("/special/redirect?to=/news/2026/03/1001.html"));
            assertThat(p.url()).endsWith("/news/2026/03/1001.html");
        }
        CrawlerSettings s = settings();
        s.maxRedirects = 0;
        try (HttpFetcher f = fetcher(s)) {
            assertThatThrownBy(() -> f.fetch(url("/special/redirect?to=/news/index.html")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo("too-many-redirects");
        }
    }

    @Test
    void timesOutOnASlowServerAndRetries() {
        CrawlerSettings s = settings();
        s.requestTimeoutMs = 200;
        s.maxRetries = 1;
        try (HttpFetcher f = fetcher(s)) {
            assertThatThrownBy(() -> f.fetch(url("/special/slow?ms=1500")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo("timeout");
            assertThat(sleeps).hasSize(1);
        }
    }

    @Test
    void refusesHugeAndTruncatedBodies() {
        CrawlerSettings s = settings();
        s.maxBodyBytes = 256 * 1024;
        s.maxRetries = 0;
        try (HttpFetcher f = fetcher(s)) {
            assertThatThrownBy(() -> f.fetch(url("/special/huge?mb=4")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo("too-large");
            assertThatThrownBy(() -> f.fetch(url("/special/truncated")))
                    .isInstanceOf(FetchException.class);
        }
    }

    @Test
    void honoursRobotsTxt() throws Exception {
        try (HttpFetcher f = fetcher(settings())) {
            assertThat(f.fetch(url("/news/index.html")).status()).isEqualTo(200);
            assertThatThrownBy(() -> f.fetch(url("/private/admin.html")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo("robots");
        }
        CrawlerSettings bad = settings();
        bad.userAgent = "BadBot/1.0";
        try (HttpFetcher f = fetcher(bad)) {
            assertThatThrownBy(() -> f.fetch(url("/news/index.html")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo("robots");
        }
        CrawlerSettings ignoring = settings();
        ignoring.respectRobots = false;
        try (HttpFetcher f = fetcher(ignoring)) {
            assertThat(f.fetch(url("/private/admin.html")).status()).isEqualTo(200);
        }
    }

    @Test
    void decodesAGbkPageDeclaredOnlyInItsMetaTag() throws Exception {
        try (HttpFetcher f = fetcher(settings())) {
            Page p = f.fetch(url("/news/2026/03/1008.html"));
            assertThat(p.contentType()).isEqualTo("text/html");
            assertThat(p.charset().name()).isEqualTo("GB18030");
            assertThat(p.text()).contains("清水河下游出现大面积死鱼");
        }
    }

    @Test
    void answersConditionalGets() throws Exception {
        try (HttpFetcher f = fetcher(settings())) {
            Page p = f.fetch(url("/news/2026/03/1001.html"));
            Page again = f.fetch(url("/news/2026/03/1001.html"), new HttpFetcher.Validators(p.etag(), null));
            assertThat(again.notModified()).isTrue();
        }
    }

    @Test
    void refusesLoopbackByDefault() {
        CrawlerSettings s = settings();
        s.allowPrivateAddresses = false;
        try (HttpFetcher f = fetcher(s)) {
            assertThatThrownBy(() -> f.fetch(url("/news/index.html")))
                    .extracting(e -> ((FetchException) e).reason()).isEqualTo("ssrf");
        }
    }

    @Test
    void ssrfGuardChecksEveryResolvedAddress() throws Exception {
        SsrfGuard g = new SsrfGuard(false, List.of("intranet.example"), host -> switch (host) {
            case "public.example" -> new InetAddress[] {InetAddress.getByName("93.184.216.34")};
            case "metadata.example" -> new InetAddress[] {InetAddress.getByName("169.254.169.254")};
            default -> new InetAddress[] {InetAddress.getByName("93.184.216.34"), InetAddress.getByName("10.1.2.3")};
        });
        g.check(java.net.URI.create("https://public.example/a"));
        g.check(java.net.URI.create("https://intranet.example/a"));
        assertThatThrownBy(() -> g.check(java.net.URI.create("http://metadata.example/latest")))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo("ssrf");
        assertThatThrownBy(() -> g.check(java.net.URI.create("http://mixed.example/")))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo("ssrf");
        assertThatThrownBy(() -> g.check(java.net.URI.create("file:///etc/passwd")))
                .extracting(e -> ((FetchException) e).reason()).isEqualTo("bad-url");
        for (String a : new String[] {"127.0.0.1", "192.168.1.1", "172.16.0.1", "100.64.0.1", "::1", "fd00::1", "fe80::1", "::ffff:10.0.0.1", "0.0.0.0"}) {
            assertThat(SsrfGuard.forbidden(InetAddress.getByName(a))).as(a).isTrue();
        }
    }
}
