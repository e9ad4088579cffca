package org.fengxiang.ingest.crawl;

import java.util.ArrayList;
import java.util.List;

/** Typed settings of {@code ingest.crawler}: politeness, limits and where the crawl state lives. */
public class CrawlerSettings {
    /** User-Agent header; its first word is the robots.txt agent name. */
    public String userAgent = "FengxiangBot/0.1 (+https://github.com/fengxiang/fengxiang)";
    /** Directory (or single YAML file) holding the source declarations, relative to the home directory. */
    public String sourcesDir = "config/sources";
    /** Crawl state file (seen URLs, content hashes), relative to the home directory. */
    public String statePath = "var/crawl/state.json";
    /** Honour robots.txt. */
    public boolean respectRobots = true;
    /** Minimum pause between two requests to the same host, in milliseconds (raised by a robots Crawl-delay). */
    public long perHostIntervalMs = 1000;
    /** Longest Crawl-delay from robots.txt that is honoured, in milliseconds. */
    public long maxCrawlDelayMs = 30_000;
    /** TCP connect timeout, milliseconds. */
    public long connectTimeoutMs = 5000;
    /** Whole-request timeout (headers and body), milliseconds. */
    public long requestTimeoutMs = 20_000;
    /** Largest accepted response body, bytes. */
    public long maxBodyBytes = 5L * 1024 * 1024;
    /** Most redirects followed for one fetch. */
    public int maxRedirects = 5;
    /** Retries after the first attempt on 429, 5xx and timeouts. */
    public int maxRetries = 3;
    /** Base of the exponential backoff, milliseconds. */
    public long backoffBaseMs = 500;
    /** Cap of one backoff pause (also caps Retry-After), milliseconds. */
    public long backoffMaxMs = 60_000;
    /** Allow loopback, private and link-local addresses (tests and the local demo only). */
    public boolean allowPrivateAddresses = false;
    /** Hosts always allowed even when they resolve to a private address (e.g. an intranet mirror). */
    public List<String> allowedHosts = new ArrayList<>();
    /** Sources crawled at the same time by {@code crawlOnce} (each source is fetched sequentially). */
    public int threads = 2;
    /** Most pages fetched per source in one crawl pass. */
    public int maxPagesPerSource = 500;

    /** Checks ranges; throws {@link IllegalArgumentException} with a clear message. */
    public CrawlerSettings validate() {
        if (userAgent == null || userAgent.isBlank()) throw new IllegalArgumentException("ingest.crawler.userAgent: required");
        positive("connectTimeoutMs", connectTimeoutMs);
        positive("requestTimeoutMs", requestTimeoutMs);
        positive("maxBodyBytes", maxBodyBytes);
        positive("backoffBaseMs", backoffBaseMs);
        if (perHostIntervalMs < 0) throw new IllegalArgumentException("ingest.crawler.perHostIntervalMs: must be >= 0");
        if (maxRedirects < 0 || maxRetries < 0) throw new IllegalArgumentException("ingest.crawler.maxRedirects/maxRetries: must be >= 0");
        if (threads < 1) throw new IllegalArgumentException("ingest.crawler.threads: must be >= 1");
        if (maxPagesPerSource < 1) throw new IllegalArgumentException("ingest.crawler.maxPagesPerSource: must be >= 1");
        return this;
    }

    private static void positive(String name, long v) {
        if (v <= 0) throw new IllegalArgumentException("ingest.crawler." + name + ": must be > 0");
    }
}
