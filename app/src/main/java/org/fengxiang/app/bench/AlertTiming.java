package org.fengxiang.app.bench;

/**
 * One alert transition seen during the run: its window end in event time ({@code detectedAtMillis}, which is
 * wall-clock time here since posts carry their production time), when it became searchable, and when its e-mail
 * was received (-1 if none: levels without recipients are not e-mailed).
 */
public record AlertTiming(String transition, String level, String status, String step, long windowEndMillis,
                          long searchableMillis, long mailReceivedMillis, long burstStartMillis) {
    /** Searchable minus window end. */
    public long afterWindowEnd() {
        return searchableMillis - windowEndMillis;
    }

    /** Searchable minus the moment the window can close (window end + the allowed disorder the watermark waits for). */
    public long afterWindowClose(long disorderMillis) {
        return searchableMillis - windowEndMillis - disorderMillis;
    }

    /** True if the transition's e-mail was received. */
    public boolean mailed() {
        return mailReceivedMillis >= 0;
    }

    /** E-mail received minus alert searchable (negative when the e-mail came first); only if {@link #mailed()}. */
    public long mailAfterAlert() {
        return mailReceivedMillis - searchableMillis;
    }
}
