package org.fengxiang.ingest.crawl;

import java.util.Map;
import java.util.TreeMap;

/** Counters of one source in one crawl pass. A plain mutable holder; read it after the pass. */
public class SourceMetrics {
    public String source;
    /** Pages fetched with a body (2xx). */
    public long pagesFetched;
    /** Conditional GETs answered 304. */
    public long pagesNotModified;
    /** Failed fetches or page parses by reason ({@code timeout}, {@code http-404}, {@code robots}, ...). */
    public Map<String, Long> failed = new TreeMap<>();
    /** Posts sent and acknowledged. */
    public long postsPublished;
    /** Posts whose content was unchanged since the last acknowledged publication (not re-sent). */
    public long postsUnchanged;
    /** Posts whose publication was not acknowledged (retried next pass). */
    public long publishFailed;
    /** Posts found without a recognisable publish time (still published; the validator decides). */
    public long postsWithoutTime;
    /** Newest publishedAt seen in this pass (ISO-8601), or null. */
    public String newestPublishedAt;
    /** Crawl time minus newest publishedAt, in seconds (-1 when unknown). */
    public long lagSeconds = -1;

    public SourceMetrics() {}

    SourceMetrics(String source) {
        this.source = source;
    }

    void fail(String reason) {
        failed.merge(reason, 1L, Long::sum);
    }

    /** Total failures. */
    public long failedTotal() {
        return failed.values().stream().mapToLong(Long::longValue).sum();
    }

    @Override
    public String toString() {
        return source + ": fetched=" + pagesFetched + " notModified=" + pagesNotModified + " published=" + postsPublished
                + " unchanged=" + postsUnchanged + " publishFailed=" + publishFailed + " failed=" + failed
                + (lagSeconds >= 0 ? " lag=" + lagSeconds + "s" : "");
    }
}
