package org.fengxiang.ingest.crawl;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import java.io.StringReader;
import java.net.URI;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BooleanSupplier;
import org.fengxiang.core.Post;
import org.fengxiang.ingest.publish.PostJson;
import org.fengxiang.ingest.publish.PostPublisher;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Crawls declared sources once or on their intervals and publishes one post per article or per
 * post of a timeline/thread. Incremental: a post is re-published only when its content changed
 * (same id), and the state is saved only after the publisher acknowledged. A failed fetch or parse
 * is logged and counted by reason; it never stops the crawl.
 */
public final class Crawler implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(Crawler.class);

    private final CrawlerSettings settings;
    private final CrawlState state;
    private final Clock clock;
    private final Sleeper sleeper;
    private final HttpFetcher fetcher;
    private final PostPages pages = new PostPages();

    /** A crawler on the real clock. */
    public Crawler(CrawlerSettings settings, CrawlState state) {
        this(settings, state, Clock.systemUTC(), Sleeper.SYSTEM);
    }

    /** A crawler with an injected clock (the "now" of relative dates) and sleeper (politeness, backoff). */
    public Crawler(CrawlerSettings settings, CrawlState state, Clock clock, Sleeper sleeper) {
        this.settings = settings.validate();
        this.state = state;
        this.clock = clock;
        this.sleeper = sleeper;
        this.fetcher = new HttpFetcher(settings, clock, sleeper);
    }

    /** Loads source declarations (a file or a directory of {@code *.yaml}); see {@link SourceLoader}. */
    public static List<SourceConfig> loadSources(Path fileOrDir, Map<String, String> vars) {
        return SourceLoader.load(fileOrDir, vars);
    }

    /**
     * Crawls every source once and returns the metrics (in the given order). Up to
     * {@code ingest.crawler.threads} sources run at the same time; hosts stay throttled across them.
     */
    public CrawlSummary crawlOnce(List<SourceConfig> sources, PostPublisher publisher) throws InterruptedException {
        Map<String, SourceMetrics> out = new LinkedHashMap<>();
        int threads = Math.min(settings.threads, sources.size());
        if (threads <= 1) {
            for (SourceConfig s : sources) out.put(s.name, crawlSource(s, publisher));
            return new CrawlSummary(out);
        }
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "fengxiang-crawl");
            t.setDaemon(true);
            return t;
        });
        try {
            List<java.util.concurrent.Future<SourceMetrics>> futures = new ArrayList<>();
            for (SourceConfig s : sources) futures.add(pool.submit(() -> crawlSource(s, publisher)));
            for (int i = 0; i < sources.size(); i++) {
                try {
                    out.put(sources.get(i).name, futures.get(i).get());
                } catch (java.util.concurrent.ExecutionException e) {
                    LOG.warn("source {}: crawl failed: {}", sources.get(i).name, e.getCause().toString());
                    SourceMetrics m = new SourceMetrics(sources.get(i).name);
                    m.fail("error");
                    out.put(sources.get(i).name, m);
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return new CrawlSummary(out);
    }

    /**
     * Runs until {@code stop} says so: each source is crawled when its interval has elapsed since
     * its last pass; {@code onPass} receives each pass's summary.
     */
    public void runScheduled(List<SourceConfig> sources, PostPublisher publisher, BooleanSupplier stop,
                             java.util.function.Consumer<CrawlSummary> onPass) throws InterruptedException {
        Map<String, Long> due = new LinkedHashMap<>();
        for (SourceConfig s : sources) due.put(s.name, 0L);
        while (!stop.getAsBoolean()) {
            long now = clock.millis();
            Map<String, SourceMetrics> pass = new LinkedHashMap<>();
            for (SourceConfig s : sources) {
                if (due.get(s.name) <= now) {
                    pass.put(s.name, crawlSource(s, publisher));
                    due.put(s.name, clock.millis() + s.intervalSeconds * 1000);
                }
            }
            if (!pass.isEmpty()) onPass.accept(new CrawlSummary(pass));
            long next = due.values().stream().mapToLong(Long::longValue).min().orElse(now + 1000);
            sleeper.sleep(Math.max(200, Math.min(1000, next - clock.millis())));
        }
    }

    /** Crawls one source once. */
    public SourceMetrics crawlSource(SourceConfig src, PostPublisher publisher) throws InterruptedException {
        Pass pass = new Pass(src, publisher);
        if (src.perHostIntervalMs != null) {
            for (String u : src.start) {
                try {
                    fetcher.hostInterval(HttpFetcher.hostKey(HttpFetcher.parse(u)), src.perHostIntervalMs);
                } catch (FetchException e) {
                    pass.metrics.fail(e.reason());
                }
            }
        }
        for (String start : src.start) {
            try {
                switch (src.type) {
                    case "rss" -> pass.feed(start);
                    case "html-list" -> pass.list(start, false);
                    case "article" -> pass.article(start, PostPages.Hints.NONE);
                    case "microblog" -> pass.posts(start);
                    case "jsonl", "csv" -> pass.fileDrop(start);
                    case "forum-thread" -> {
                        if (src.list.items != null) pass.list(start, true);
                        else pass.posts(start);
                    }
                    default -> throw new IllegalStateException("unknown type " + src.type);
                }
            } catch (RuntimeException e) {
                LOG.warn("source {}: unexpected error at {}: {}", src.name, start, e.toString());
                pass.metrics.fail("error");
            }
        }
        pass.commit();
        return pass.metrics;
    }

    @Override
    public void close() {
        fetcher.close();
    }

    /** One pass over one source: fetches, publishes, and commits acknowledged posts to the state. */
    private final class Pass {
        final SourceConfig src;
        final PostPublisher publisher;
        final SourceMetrics metrics;
        final Set<String> visited = new HashSet<>();
        final List<PendingPage> pending = new ArrayList<>();
        int fetches;
        OffsetDateTime newest;

        Pass(SourceConfig src, PostPublisher publisher) {
            this.src = src;
            this.publisher = publisher;
            this.metrics = new SourceMetrics(src.name);
        }

        /** The crawl "now" of a page: its fetch time in the source's zone. */
        ZonedDateTime now(Page p) {
            return p.fetchedAt().atZone(PostPages.zone(src));
        }

        /** Fetches a page, counting failures; null when failed or not modified. */
        Page fetch(String url, boolean conditional) throws InterruptedException {
            if (!visited.add(Ids.stripFragment(url))) return null;
            if (++fetches > settings.maxPagesPerSource) {
                if (fetches == settings.maxPagesPerSource + 1) metrics.fail("page-limit");
                return null;
            }
            CrawlState.UrlEntry e = conditional ? state.url(url) : null;
            try {
                Page p = fetcher.fetch(url, e == null ? HttpFetcher.Validators.NONE : new HttpFetcher.Validators(e.etag, e.lastModified));
                if (p.notModified()) metrics.pagesNotModified++;
                else metrics.pagesFetched++;
                return p;
            } catch (FetchException ex) {
                LOG.warn("source {}: fetch failed ({}): {}", src.name, ex.reason(), ex.getMessage());
                metrics.fail(ex.reason());
                return null;
            }
        }

        /** Imports a JSONL/CSV file once per content (the state remembers the file's hash after all acks). */
        void fileDrop(String location) {
            java.nio.file.Path file = location.startsWith("file:") ? java.nio.file.Path.of(URI.create(location)) : java.nio.file.Path.of(location);
            try {
                String hash = Ids.hash(java.nio.file.Files.readAllBytes(file));
                String key = "file:" + file.toAbsolutePath().normalize();
                CrawlState.UrlEntry old = state.url(key);
                if (old != null && hash.equals(old.hash)) {
                    metrics.pagesNotModified++;
                    return;
                }
                org.fengxiang.ingest.FileImporter.Result r = new org.fengxiang.ingest.FileImporter(publisher).importFile(file);
                metrics.pagesFetched++;
                metrics.postsPublished += r.published() - r.failed();
                metrics.publishFailed += r.failed();
                if (r.ok()) {
                    CrawlState.UrlEntry e = new CrawlState.UrlEntry();
                    e.hash = hash;
                    e.fetchedAt = clock.instant().toString();
                    state.putUrl(key, e);
                }
            } catch (java.io.IOException | RuntimeException e) {
                LOG.warn("source {}: cannot import {}: {}", src.name, file, e.toString());
                metrics.fail("file");
            }
        }

        void feed(String url) throws InterruptedException {
            Page p = fetch(url, false);
            if (p == null || p.notModified()) return;
            SyndFeed feed;
            try {
                feed = new SyndFeedInput().build(new StringReader(p.text()));
            } catch (Exception e) {
                LOG.warn("source {}: bad feed {}: {}", src.name, url, e.getMessage());
                metrics.fail("bad-feed");
                return;
            }
            for (SyndEntry entry : feed.getEntries()) {
                String link = entry.getLink();
                if (link == null || link.isBlank()) continue;
                link = URI.create(p.url()).resolve(link.trim()).toString();
                String published = entry.getPublishedDate() == null ? null
                        : entry.getPublishedDate().toInstant().atZone(PostPages.zone(src)).toOffsetDateTime().toString();
                article(link, new PostPages.Hints(entry.getTitle(), entry.getAuthor(), published));
            }
        }

        void list(String start, boolean threads) throws InterruptedException {
            String url = start;
            for (int n = 0; url != null && n < src.list.maxPages; n++) {
                Page p = fetch(url, false);
                if (p == null) return;
                Document doc = Jsoup.parse(p.text(), p.url());
                for (Element a : doc.select(src.list.items)) {
                    String link = a.hasAttr("href") ? a.absUrl("href") : null;
                    if (link == null || link.isEmpty()) continue;
                    if (threads) posts(link);
                    else article(link, PostPages.Hints.NONE);
                }
                url = next(doc, src.list.next);
            }
        }

        void article(String url, PostPages.Hints hints) throws InterruptedException {
            Page p = fetch(url, true);
            if (p == null || p.notModified()) return;
            String bodyHash = Ids.hash(p.body());
            CrawlState.UrlEntry old = state.url(url);
            if (old != null && bodyHash.equals(old.hash)) {
                metrics.postsUnchanged++;
                return;
            }
            Post post;
            try {
                post = pages.article(src, Jsoup.parse(p.text(), p.url()), p.url(), now(p), hints);
            } catch (RuntimeException e) {
                LOG.warn("source {}: cannot extract {}: {}", src.name, url, e.toString());
                metrics.fail("parse");
                return;
            }
            if ((post.text == null || post.text.isBlank()) && post.title == null) {
                metrics.fail("empty");
                return;
            }
            publish(url, p, bodyHash, null, List.of(post));
        }

        void posts(String start) throws InterruptedException {
            String url = start;
            String[] root = new String[1];
            for (int n = 0; url != null && n < src.posts.maxPages; n++) {
                Page p = fetch(url, true);
                if (p == null) return;
                if (p.notModified()) {
                    CrawlState.UrlEntry e = state.url(url);
                    url = e == null ? null : e.next;
                    continue;
                }
                Document doc = Jsoup.parse(p.text(), p.url());
                String next = next(doc, src.posts.next);
                List<Post> found;
                try {
                    found = pages.posts(src, doc, p.url(), now(p), root);
                } catch (RuntimeException e) {
                    LOG.warn("source {}: cannot parse {}: {}", src.name, url, e.toString());
                    metrics.fail("parse");
                    found = List.of();
                }
                if (found.isEmpty()) metrics.fail("no-posts");
                publish(url, p, Ids.hash(p.body()), next, found);
                url = next;
            }
        }

        private String next(Document doc, String selector) {
            if (selector == null) return null;
            Element a = doc.selectFirst(selector);
            String href = a == null ? "" : a.absUrl("href");
            return href.isEmpty() ? null : href;
        }

        void publish(String url, Page page, String bodyHash, String next, List<Post> posts) {
            PendingPage pp = new PendingPage(url, page, bodyHash, next);
            for (Post post : posts) {
                if (post.publishedAt == null) metrics.postsWithoutTime++;
                else track(post.publishedAt);
                String json = PostJson.write(post);
                String hash = contentHash(post);
                if (hash.equals(state.postHash(post.id))) {
                    metrics.postsUnchanged++;
                    continue;
                }
                java.util.concurrent.CompletableFuture<?> f;
                try {
                    f = publisher.publish(post.id, json);
                } catch (RuntimeException e) {
                    f = java.util.concurrent.CompletableFuture.failedFuture(e);
                }
                pp.posts.add(new PendingPost(post.id, hash, f));
            }
            pending.add(pp);
        }

        private void track(String publishedAt) {
            try {
                OffsetDateTime t = OffsetDateTime.parse(publishedAt);
                if (newest == null || t.isAfter(newest)) newest = t;
            } catch (RuntimeException ignored) {
                // not ISO: counted by the validator downstream
            }
        }

        /** Waits for the acks, then records acknowledged posts (and fully acknowledged pages) and saves. */
        void commit() {
            try {
                publisher.flush();
            } catch (RuntimeException e) {
                LOG.warn("source {}: flush failed: {}", src.name, e.toString());
            }
            for (PendingPage pp : pending) {
                boolean all = true;
                for (PendingPost post : pp.posts) {
                    try {
                        post.ack.join();
                        state.putPost(post.id, post.hash);
                        metrics.postsPublished++;
                    } catch (RuntimeException e) {
                        all = false;
                        metrics.publishFailed++;
                        LOG.warn("source {}: publish of {} not acknowledged: {}", src.name, post.id, e.toString());
                    }
                }
                if (all) {
                    CrawlState.UrlEntry e = new CrawlState.UrlEntry();
                    e.etag = pp.page.etag();
                    e.lastModified = pp.page.lastModified();
                    e.hash = pp.bodyHash;
                    e.fetchedAt = pp.page.fetchedAt().toString();
                    e.next = pp.next;
                    state.putUrl(pp.url, e);
                }
            }
            pending.clear();
            if (newest != null) {
                metrics.newestPublishedAt = newest.toString();
                metrics.lagSeconds = Math.max(0, Duration.between(newest.toInstant(), clock.instant()).getSeconds());
            }
            state.save();
        }
    }

    /** Hash of a post's content without its fetch time: unchanged content is never re-published. */
    static String contentHash(Post post) {
        String saved = post.fetchedAt;
        post.fetchedAt = null;
        try {
            return Ids.hash(PostJson.write(post));
        } finally {
            post.fetchedAt = saved;
        }
    }

    private record PendingPage(String url, Page page, String bodyHash, String next, List<PendingPost> posts) {
        PendingPage(String url, Page page, String bodyHash, String next) {
            this(url, page, bodyHash, next, new ArrayList<>());
        }
    }

    private record PendingPost(String id, String hash, java.util.concurrent.CompletableFuture<?> ack) {}
}
