package org.fengxiang.ingest.crawl;

/** Pauses the crawler (politeness and backoff); injectable so tests need not wait. */
@FunctionalInterface
public interface Sleeper {
    /** The real sleeper. */
    Sleeper SYSTEM = millis -> {
        if (millis > 0) Thread.sleep(millis);
    };

    /** Sleeps for the given milliseconds. */
    void sleep(long millis) throws InterruptedException;
}
