package org.fengxiang.ingest.publish;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/** A publisher that keeps records in memory (tests, dry runs); can be told to fail chosen keys. */
public final class InMemoryPostPublisher implements PostPublisher {
    /** One stored record. */
    public record Record(String key, String json) {}

    private final List<Record> records = new ArrayList<>();
    private Predicate<String> failKey = k -> false;
    private boolean closed;

    /** Makes publishing fail (future completed exceptionally) for keys matching the predicate. */
    public synchronized InMemoryPostPublisher failWhen(Predicate<String> predicate) {
        this.failKey = predicate;
        return this;
    }

    @Override
    public synchronized CompletableFuture<PublishAck> publish(String key, String json) {
        if (closed) throw new IllegalStateException("publisher closed");
        if (failKey.test(key)) return CompletableFuture.failedFuture(new IllegalStateException("simulated failure for " + key));
        records.add(new Record(key, json));
        return CompletableFuture.completedFuture(new PublishAck(key, 0, records.size() - 1L));
    }

    /** A snapshot of the records published so far, in order. */
    public synchronized List<Record> records() {
        return List.copyOf(records);
    }

    /** Forgets the records published so far. */
    public synchronized void clear() {
        records.clear();
    }

    @Override
    public void flush() {}

    @Override
    public synchronized void close() {
        closed = true;
    }
}
