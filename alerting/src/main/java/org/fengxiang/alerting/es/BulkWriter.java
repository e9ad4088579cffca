package org.fengxiang.alerting.es;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.LongConsumer;
import org.fengxiang.core.Json;

/**
 * The engine of the Elasticsearch sink, free of Flink types: buffers bulk items up to
 * {@code maxDocs}/{@code maxBytes} (a full buffer is sent synchronously before more is accepted:
 * that is the backpressure), retries whole requests on connection loss/429/5xx and single items
 * on 429/5xx with exponential backoff, hands permanently rejected items to the {@link RejectHandler},
 * and fails with an {@link IOException} when retries are exhausted (Flink then restarts from the
 * last checkpoint and the deterministic ids make the replay idempotent).
 */
public final class BulkWriter<T> implements AutoCloseable {
    private final List<DocumentMapper<T>> mappers;
    private final BulkTransport transport;
    private final EsSettings.Bulk limits;
    private final RejectHandler rejects;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;
    private final BulkStats stats = new BulkStats();
    private LongConsumer latencyListener = ms -> {};
    private List<BulkItem> pending = new ArrayList<>();
    private long pendingBytes;

    BulkWriter(List<DocumentMapper<T>> mappers, BulkTransport transport, EsSettings.Bulk limits,
            RejectHandler rejects, Backoff.Sleeper sleeper) {
        if (mappers.isEmpty()) throw new IllegalArgumentException("at least one DocumentMapper needed");
        this.mappers = List.copyOf(mappers);
        this.transport = transport;
        this.limits = limits;
        this.rejects = rejects;
        this.backoff = new Backoff(limits.initialBackoffMs, limits.maxBackoffMs);
        this.sleeper = sleeper;
    }

    /** A writer over the settings' cluster. */
    public static <T> BulkWriter<T> create(EsSettings settings, List<DocumentMapper<T>> mappers, RejectHandler rejects) {
        RestBulkTransport t = new RestBulkTransport(EsClients.restClient(settings, System.getenv()));
        return new BulkWriter<>(mappers, t, settings.bulk, rejects, Backoff.Sleeper.real());
    }

    /** Sets a listener for each bulk request's latency in milliseconds. */
    void onLatency(LongConsumer listener) {
        this.latencyListener = listener;
    }

    /** The writer's counters. */
    public BulkStats stats() {
        return stats;
    }

    /** Number of buffered, unsent items. */
    public int pending() {
        return pending.size();
    }

    /** Adds one record (one item per mapper); sends the buffer first when it is full. */
    public void write(T record) throws IOException, InterruptedException {
        for (DocumentMapper<T> m : mappers) {
            BulkItem item;
            try {
                item = BulkItem.of(m, record);
            } catch (RuntimeException e) {
                stats.rejected++;
                rejects.rejected(safe(() -> m.index(record)), safe(() -> m.id(record)), describe(record), 0,
                        "cannot map record: " + e.getMessage());
                continue;
            }
            if (!pending.isEmpty() && (pending.size() >= limits.maxDocs || pendingBytes + item.size() > limits.maxBytes)) {
                flush();
            }
            pending.add(item);
            pendingBytes += item.size();
        }
        if (pending.size() >= limits.maxDocs || pendingBytes >= limits.maxBytes) flush();
    }

    /** Sends everything buffered; returns when every item is stored, stale or rejected. */
    public void flush() throws IOException, InterruptedException {
        List<BulkItem> todo = pending;
        pending = new ArrayList<>();
        pendingBytes = 0;
        int attempt = 0;
        while (!todo.isEmpty()) {
            Attempt result = sendOnce(todo);
            todo = result.retry;
            if (todo.isEmpty()) break;
            if (attempt >= limits.maxRetries) {
                throw new IOException("Elasticsearch bulk: " + todo.size() + " documents still failing after "
                        + limits.maxRetries + " retries: " + result.lastError);
            }
            stats.retried += todo.size();
            sleeper.sleep(backoff.delayMs(attempt++));
        }
    }

    private Attempt sendOnce(List<BulkItem> items) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Integer.MAX_VALUE - 8, sizeOf(items)));
        for (BulkItem i : items) body.write(i.bytes);
        byte[] bytes = body.toByteArray();
        long t0 = System.nanoTime();
        BulkTransport.Reply reply;
        stats.bulkRequests++;
        try {
            reply = transport.send(bytes);
        } catch (IOException e) {
            stats.failedRequests++;
            return new Attempt(items, "connection: " + e);
        } finally {
            long ms = (System.nanoTime() - t0) / 1_000_000;
            stats.lastBulkMillis = ms;
            stats.totalBulkMillis += ms;
            latencyListener.accept(ms);
        }
        stats.bytesSent += bytes.length;
        if (reply.status() == 429 || reply.status() >= 500) {
            stats.failedRequests++;
            return new Attempt(items, "HTTP " + reply.status() + ": " + abbreviate(reply.body()));
        }
        if (reply.status() != 200) {
            throw new IOException("Elasticsearch bulk request refused, HTTP " + reply.status() + ": " + abbreviate(reply.body()));
        }
        if (allSucceeded(reply.body())) {
            stats.written += items.size();
            return new Attempt(List.of(), null);
        }
        return classify(items, Json.tree(reply.body()));
    }

    /** True for a response that says no item failed ({@code "errors":false} leads it): nothing to classify. */
    static boolean allSucceeded(String body) {
        int i = 0;
        while (i < body.length() && Character.isWhitespace(body.charAt(i))) i++;
        return body.startsWith("{\"errors\":false", i);
    }

    private Attempt classify(List<BulkItem> items, JsonNode response) throws IOException {
        JsonNode results = response.path("items");
        if (!results.isArray() || results.size() != items.size()) {
            throw new IOException("Elasticsearch bulk: expected " + items.size() + " item results, got " + results.size());
        }
        List<BulkItem> retry = new ArrayList<>();
        String lastError = null;
        for (int i = 0; i < items.size(); i++) {
            BulkItem item = items.get(i);
            JsonNode r = results.get(i).elements().next();
            int status = r.path("status").asInt(0);
            if (status >= 200 && status < 300) {
                stats.written++;
            } else if (status == 409 && item.versioned()) {
                stats.stale++;
            } else if (status == 429 || status >= 500) {
                retry.add(item);
                lastError = "item status " + status + ": " + reason(r);
            } else {
                stats.rejected++;
                rejects.rejected(item.index, item.id, item.source, status, reason(r));
            }
        }
        return new Attempt(retry, lastError);
    }

    static String reason(JsonNode itemResult) {
        JsonNode err = itemResult.path("error");
        if (err.isMissingNode()) return "status " + itemResult.path("status").asInt();
        String text = err.path("type").asText("") + ": " + err.path("reason").asText("");
        JsonNode cause = err.path("caused_by");
        if (!cause.isMissingNode()) text += " (caused by " + cause.path("type").asText("") + ": " + cause.path("reason").asText("") + ")";
        return text;
    }

    private static long sizeOf(List<BulkItem> items) {
        long n = 0;
        for (BulkItem i : items) n += i.size();
        return n;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 500 ? s.substring(0, 500) + "…" : s;
    }

    private static String describe(Object record) {
        try {
            return Json.write(record);
        } catch (RuntimeException e) {
            return String.valueOf(record);
        }
    }

    private static String safe(java.util.function.Supplier<String> s) {
        try {
            return s.get();
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Closes the transport; unsent items are dropped (Flink replays them from the last checkpoint). */
    @Override
    public void close() throws IOException {
        transport.close();
    }

    private record Attempt(List<BulkItem> retry, String lastError) {}
}
