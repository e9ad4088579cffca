package org.fengxiang.ingest.crawl;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;
import java.net.URI;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * robots.txt per origin (crawler-commons): fetched once per crawler, 4xx means allow all, 5xx or
 * network failure means disallow for now (RFC 9309); a Crawl-delay raises the host's interval.
 */
final class RobotsCache {
    private final HttpFetcher fetcher;
    private final String agent;
    private final long maxCrawlDelayMs;
    private final SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
    private final Map<String, BaseRobotRules> rules = new HashMap<>();

    RobotsCache(HttpFetcher fetcher, String userAgent, long maxCrawlDelayMs) {
        this.fetcher = fetcher;
        this.agent = agentName(userAgent);
        this.maxCrawlDelayMs = maxCrawlDelayMs;
    }

    /** The robots.txt product token of a User-Agent: its first word before '/', lower case. */
    static String agentName(String userAgent) {
        String first = userAgent.trim().split("[\\s/]", 2)[0];
        return first.toLowerCase(Locale.ROOT);
    }

    boolean allowed(URI uri) throws InterruptedException {
        String origin = uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority();
        BaseRobotRules r;
        synchronized (this) {
            r = rules.get(origin);
        }
        if (r == null) {
            r = load(origin, uri);
            synchronized (this) {
                rules.put(origin, r);
            }
        }
        return r.isAllowed(uri.toString());
    }

    private BaseRobotRules load(String origin, URI uri) throws InterruptedException {
        String robotsUrl = origin + "/robots.txt";
        BaseRobotRules r;
        try {
            Page p = fetcher.fetchRobots(robotsUrl);
            r = parser.parseContent(robotsUrl, p.body(), p.contentType() == null ? "text/plain" : p.contentType(), List.of(agent));
        } catch (FetchException e) {
            int status = e.reason().startsWith("http-") ? Integer.parseInt(e.reason().substring(5)) : 503;
            r = parser.failedFetch(status);
        }
        if (r.getCrawlDelay() != BaseRobotRules.UNSET_CRAWL_DELAY && r.getCrawlDelay() > 0) {
            fetcher.throttle().setInterval(HttpFetcher.hostKey(uri), Math.min(r.getCrawlDelay(), maxCrawlDelayMs));
        }
        return r;
    }
}
