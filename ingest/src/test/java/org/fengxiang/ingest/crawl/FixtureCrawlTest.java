package org.fengxiang.ingest.crawl;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.fengxiang.core.Json;
import org.fengxiang.core.PostParser;
import org.fengxiang.ingest.fixture.FixtureSiteServer;
import org.fengxiang.ingest.publish.InMemoryPostPublisher;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FixtureCrawlTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-16T02:00:00Z"), ZoneOffset.UTC);
    static FixtureSiteServer server;
    static List<SourceConfig> sources;

    @TempDir Path dir;

    @BeforeAll
    static void start() throws Exception {
        server = FixtureSiteServer.start();
        sources = Crawler.loadSources(Path.of("src/test/resources/sources/demo.yaml"), Map.of("baseUrl", server.baseUrl()));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    static CrawlerSettings settings() {
        CrawlerSettings s = new CrawlerSettings();
        s.allowPrivateAddresses = true;
        s.perHostIntervalMs = 0;
        s.requestTimeoutMs = 5000;
        return s;
    }

    static Map<String, JsonNode> byId(InMemoryPostPublisher pub) {
        return pub.records().stream().collect(Collectors.toMap(InMemoryPostPublisher.Record::key, r -> Json.tree(r.json()), (a, b) -> b));
    }

    @Test
    void crawlsEverySourceOfTheFixtureSite() throws Exception {
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        CrawlSummary s;
        try (Crawler c = new Crawler(settings(), CrawlState.inMemory(), CLOCK, ms -> { })) {
            s = c.crawlOnce(sources, pub);
        }
        assertThat(s.failed()).as(s.toString()).isZero();
        assertThat(s.bySource().get("linjiang-news").postsPublished).isEqualTo(9);
        assertThat(s.bySource().get("linjiang-weibo").postsPublished).isEqualTo(263);
        assertThat(s.bySource().get("linjiang-forum").postsPublished).isEqualTo(36);
        assertThat(s.bySource().get("linjiang-blog").postsPublished).isEqualTo(3);
        assertThat(s.bySource().get("linjiang-weibo").lagSeconds).isPositive();
        for (InMemoryPostPublisher.Record r : pub.records()) {
            PostParser.Result parsed = PostParser.parse(r.json());
            assertThat(parsed.ok()).as(r.json() + " -> " + parsed.reason()).isTrue();
            assertThat(parsed.post().id).isEqualTo(r.key());
        }
        Map<String, JsonNode> posts = byId(pub);

        JsonNode gbk = posts.get("linjiang-news:1008");
        assertThat(gbk.get("title").asText()).isEqualTo("清水河下游出现大面积死鱼 环保部门已介入调查");
        assertThat(gbk.get("publishedAt").asText()).isEqualTo("2026-03-14T10:40+08:00");
        assertThat(gbk.get("author").get("name").asText()).isEqualTo("记者 林涛");
        assertThat(gbk.get("text").asText()).startsWith("今天上午，有多名网友反映").contains("\n").doesNotContain("分享到微博");
        assertThat(gbk.get("metrics").get("views").asLong()).isGreaterThanOrEqualTo(20_000);

        JsonNode root = posts.get("linjiang-weibo:5100000");
        assertThat(root.get("text").asText()).startsWith("【求扩散】");
        assertThat(root.get("publishedAt").asText()).isEqualTo("2026-03-14T09:12+08:00");
        assertThat(root.has("repostOf")).isFalse();
        long reposts = posts.values().stream().filter(p -> p.path("repostOf").asText().equals("linjiang-weibo:5100000")).count();
        assertThat(reposts).isEqualTo(200);
        long nested = posts.values().stream().filter(p -> p.path("repostOf").asText().equals("linjiang-weibo:5100000")
                && !p.path("parentId").asText().equals("linjiang-weibo:5100000")).count();
        assertThat(nested).isPositive();
        JsonNode daily = posts.values().stream().filter(p -> p.path("author").path("name").asText().equals("临江日报")).findFirst().orElseThrow();
        assertThat(daily.get("author").get("verified").asBoolean()).isTrue();
        assertThat(daily.get("author").get("followers").asLong()).isEqualTo(1_240_000);

        JsonNode thread = posts.get("linjiang-forum:101000");
        assertThat(thread.get("title").asText()).isEqualTo("清水河又被污染了？河边全是死鱼");
        JsonNode reply = posts.get("linjiang-forum:101008");
        assertThat(reply.get("repostOf").asText()).isEqualTo("linjiang-forum:101000");
        assertThat(reply.get("parentId").asText()).isEqualTo("linjiang-forum:101006");
        assertThat(posts.get("linjiang-forum:101020").get("repostOf").asText()).isEqualTo("linjiang-forum:101000");

        JsonNode blog = posts.get("linjiang-blog:203");
        assertThat(blog.get("title").asText()).isEqualTo("清水河事件：信息公开为何总是慢半拍");
        assertThat(blog.get("publishedAt").asText()).isEqualTo("2026-03-14T18:00+08:00");
        assertThat(blog.get("text").asText()).startsWith("今天上午，清水河下游").doesNotContain("最近文章");
        assertThat(server.userAgent("/news/index.html")).startsWith("FengxiangBot/");
    }

    @Test
    void recrawlPublishesOnlyChangedContentUnderTheSameId() throws Exception {
        Path statePath = dir.resolve("state.json");
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        List<SourceConfig> weiboAndNews = sources.stream().filter(s -> !s.name.equals("linjiang-forum")).toList();
        try (Crawler c = new Crawler(settings(), CrawlState.load(statePath), CLOCK, ms -> { })) {
            c.crawlOnce(weiboAndNews, pub);
        }
        int first = pub.records().size();
        assertThat(first).isEqualTo(275);
        pub.clear();
        // a restart: the state comes back from the file
        try (Crawler c = new Crawler(settings(), CrawlState.load(statePath), CLOCK, ms -> { })) {
            CrawlSummary s = c.crawlOnce(weiboAndNews, pub);
            assertThat(pub.records()).isEmpty();
            assertThat(s.bySource().get("linjiang-news").pagesNotModified).isEqualTo(9);
        }
        String page = new String(FixtureSiteServer.resource("/weibo/timeline-1.html"), java.nio.charset.StandardCharsets.UTF_8);
        String changed = page.replaceFirst("<span class=\"likes\">赞 \\d+</span>", "<span class=\"likes\">赞 99999</span>");
        server.override("/weibo/timeline-1.html", changed);
        try (Crawler c = new Crawler(settings(), CrawlState.load(statePath), CLOCK, ms -> { })) {
            c.crawlOnce(weiboAndNews, pub);
        } finally {
            server.override("/weibo/timeline-1.html", null);
        }
        assertThat(pub.records()).hasSize(1);
        assertThat(Json.tree(pub.records().get(0).json()).get("metrics").get("likes").asLong()).isEqualTo(99999);
    }

    @Test
    void stateIsCommittedOnlyAfterTheAck() throws Exception {
        Path statePath = dir.resolve("state.json");
        List<SourceConfig> news = sources.stream().filter(s -> s.name.equals("linjiang-news")).toList();
        InMemoryPostPublisher failing = new InMemoryPostPublisher().failWhen("linjiang-news:1008"::equals);
        try (Crawler c = new Crawler(settings(), CrawlState.load(statePath), CLOCK, ms -> { })) {
            SourceMetrics m = c.crawlSource(news.get(0), failing);
            assertThat(m.publishFailed).isEqualTo(1);
            assertThat(m.postsPublished).isEqualTo(8);
        }
        InMemoryPostPublisher pub = new InMemoryPostPublisher();
        try (Crawler c = new Crawler(settings(), CrawlState.load(statePath), CLOCK, ms -> { })) {
            c.crawlOnce(news, pub);
        }
        assertThat(pub.records()).extracting(InMemoryPostPublisher.Record::key).containsExactly("linjiang-news:1008");
    }
}
