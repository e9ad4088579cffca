package org.fengxiang.alerting.es;

/** Counters of one bulk writer; written by the task thread, read by metric reporters. */
public final class BulkStats {
    volatile long written;
    volatile long stale;
    volatile long retried;
    volatile long rejected;
    volatile long bulkRequests;
    volatile long failedRequests;
    volatile long lastBulkMillis;
    volatile long totalBulkMillis;
    volatile long bytesSent;

    /** Documents acknowledged (created or updated). */
    public long written() {
        return written;
    }

    /** Versioned documents skipped because a newer or equal version was already stored. */
    public long stale() {
        return stale;
    }

    /** Document re-sends after 429/5xx/connection loss. */
    public long retried() {
        return retried;
    }

    /** Documents rejected permanently and handed to the reject handler. */
    public long rejected() {
        return rejected;
    }

    /** Bulk requests sent (including retries). */
    public long bulkRequests() {
        return bulkRequests;
    }

    /** Bulk requests that failed as a whole (connection loss, 429, 5xx). */
    public long failedRequests() {
        return failedRequests;
    }

    /** Latency of the last bulk request in milliseconds. */
    public long lastBulkMillis() {
        return lastBulkMillis;
    }

    /** Sum of bulk latencies in milliseconds. */
    public long totalBulkMillis() {
        return totalBulkMillis;
    }

    /** Bytes of bulk bodies sent. */
    public long bytesSent() {
        return bytesSent;
    }

    @Override
    public String toString() {
        return "written=" + written + " stale=" + stale + " retried=" + retried + " rejected=" + rejected
                + " bulks=" + bulkRequests + " failedBulks=" + failedRequests + " bulkMs=" + totalBulkMillis;
    }
}
