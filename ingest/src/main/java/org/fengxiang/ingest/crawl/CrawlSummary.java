package org.fengxiang.ingest.crawl;

import java.util.LinkedHashMap;
import java.util.Map;

/** The result of one crawl pass: metrics per source and totals. */
public record CrawlSummary(Map<String, SourceMetrics> bySource) {
    /** Posts published (acknowledged) over all sources. */
    public long postsPublished() {
        return bySource.values().stream().mapToLong(m -> m.postsPublished).sum();
    }

    /** Pages fetched over all sources. */
    public long pagesFetched() {
        return bySource.values().stream().mapToLong(m -> m.pagesFetched).sum();
    }

    /** Failures over all sources. */
    public long failed() {
        return bySource.values().stream().mapToLong(SourceMetrics::failedTotal).sum();
    }

    /** Failures by reason over all sources. */
    public Map<String, Long> failedByReason() {
        Map<String, Long> m = new LinkedHashMap<>();
        bySource.values().forEach(s -> s.failed.forEach((k, v) -> m.merge(k, v, Long::sum)));
        return m;
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder("crawl: ").append(pagesFetched()).append(" pages, ").append(postsPublished())
                .append(" posts published, ").append(failed()).append(" failures");
        bySource.values().forEach(s -> b.append("\n  ").append(s));
        return b.toString();
    }
}
