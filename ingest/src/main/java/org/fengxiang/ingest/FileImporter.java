package org.fengxiang.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import org.fengxiang.ingest.publish.PostPublisher;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Bulk import of a file drop: JSONL, JSONL.gz, CSV or CSV.gz (with a header row). Every non-blank
 * JSONL line is published exactly as it is (validation and dead-lettering are the stream job's
 * business, nothing is dropped here); each CSV row becomes one JSON object. The key is the record's
 * {@code id} when the line parses as a JSON object with one, else null.
 */
public final class FileImporter {
    private static final Logger LOG = LoggerFactory.getLogger(FileImporter.class);
    private static final JsonFactory JSON = new JsonFactory();

    /** Counts of one import. */
    public record Result(long lines, long blank, long published, long unkeyed, long failed) {
        /** True when every published record was acknowledged. */
        public boolean ok() {
            return failed == 0;
        }
    }

    private final PostPublisher publisher;

    /** An importer publishing through the given publisher (not closed by the importer). */
    public FileImporter(PostPublisher publisher) {
        this.publisher = publisher;
    }

    /** Imports one file, chosen by its extension ({@code .csv[.gz]} is CSV, anything else JSONL); waits for all acks. */
    public Result importFile(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        boolean csv = name.endsWith(".csv") || name.endsWith(".csv.gz");
        try (InputStream in = open(file)) {
            return csv ? importCsv(in) : importJsonl(in);
        }
    }

    /** Imports JSONL from a stream (UTF-8); waits for all acks. */
    public Result importJsonl(InputStream in) throws IOException {
        Counter c = new Counter();
        BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16);
        for (String line; (line = r.readLine()) != null; ) {
            c.lines++;
            if (c.lines == 1 && !line.isEmpty() && line.charAt(0) == '\uFEFF') line = line.substring(1);
            if (line.isBlank()) {
                c.blank++;
                continue;
            }
            send(c, idOf(line), line);
        }
        return c.finish();
    }

    /** Imports CSV with a header row from a stream (UTF-8); waits for all acks. */
    public Result importCsv(InputStream in) throws IOException {
        Counter c = new Counter();
        CsvReader csv = new CsvReader(new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16));
        List<String> header = csv.next();
        if (header == null) return c.finish();
        c.lines++;
        CsvRows rows = new CsvRows(header);
        for (List<String> row; (row = csv.next()) != null; ) {
            c.lines++;
            if (row.size() == 1 && row.get(0).isBlank()) {
                c.blank++;
                continue;
            }
            String json = rows.toJson(row);
            send(c, idOf(json), json);
        }
        return c.finish();
    }

    private void send(Counter c, String key, String json) {
        c.published.incrementAndGet();
        if (key == null) c.unkeyed++;
        CompletableFuture<?> f;
        try {
            f = publisher.publish(key, json);
        } catch (RuntimeException e) {
            f = CompletableFuture.failedFuture(e);
        }
        c.pending.incrementAndGet();
        f.whenComplete((ack, error) -> {
            if (error != null) {
                if (c.failed.incrementAndGet() <= 5) LOG.warn("publish failed for line {} (key {}): {}", c.lines, key, error.toString());
            }
            synchronized (c) {
                c.pending.decrementAndGet();
                c.notifyAll();
            }
        });
    }

    /** The top-level string/number {@code id} of a line that parses as one JSON object, or null. */
    static String idOf(String line) {
        try (JsonParser p = JSON.createParser(line)) {
            if (p.nextToken() != JsonToken.START_OBJECT) return null;
            String id = null;
            JsonToken t;
            for (t = p.nextToken(); t == JsonToken.FIELD_NAME; t = p.nextToken()) {
                String field = p.currentName();
                JsonToken v = p.nextToken();
                if (id == null && "id".equals(field) && (v == JsonToken.VALUE_STRING || v == JsonToken.VALUE_NUMBER_INT)) {
                    id = p.getText();
                }
                p.skipChildren();
            }
            if (t != JsonToken.END_OBJECT || p.nextToken() != null) return null;
            return id == null || id.isBlank() ? null : id;
        } catch (IOException e) {
            return null;
        }
    }

    private static InputStream open(Path file) throws IOException {
        InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".gz") ? new GZIPInputStream(in, 1 << 16) : in;
    }

    private final class Counter {
        long lines;
        long blank;
        long unkeyed;
        final AtomicLong published = new AtomicLong();
        final AtomicLong failed = new AtomicLong();
        final AtomicLong pending = new AtomicLong();

        Result finish() {
            publisher.flush();
            synchronized (this) {
                while (pending.get() > 0) {
                    try {
                        wait(100);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        break;
                    }
                }
            }
            return new Result(lines, blank, published.get(), unkeyed, failed.get());
        }
    }
}
