package org.fengxiang.ingest.crawl;

/** A failed fetch with a short machine-readable reason (the metric key) and a human-readable message. */
public final class FetchException extends Exception {
    private final String reason;

    /** @param reason short reason, e.g. {@code timeout}, {@code http-404}, {@code robots}, {@code ssrf} */
    public FetchException(String reason, String message) {
        super(message, null, false, false);
        this.reason = reason;
    }

    /** The short reason used as the metric key. */
    public String reason() {
        return reason;
    }
}
