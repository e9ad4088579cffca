package org.fengxiang.ingest.crawl;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.TreeMap;
import org.fengxiang.core.Json;

/**
 * The persistent incremental crawl state: per URL the validators, body hash and last fetch; per
 * post id the hash of its published content. The crawler records a post only after the publisher
 * acknowledged it, and saves atomically (temp file + move), so a crash never loses a post.
 */
public final class CrawlState {
    /** What is remembered of one fetched URL. */
    public static class UrlEntry {
        public String etag;
        public String lastModified;
        public String hash;
        public String fetchedAt;
        /** Next-page link of a timeline or thread page (kept for 304 answers). */
        public String next;
    }

    /** The file format. */
    public static class Data {
        public Map<String, UrlEntry> urls = new TreeMap<>();
        public Map<String, String> posts = new TreeMap<>();
    }

    private static final ObjectMapper MAPPER = Json.mapper();
    private final Path file;
    private final Data data;

    private CrawlState(Path file, Data data) {
        this.file = file;
        this.data = data;
    }

    /** A state kept in memory only. */
    public static CrawlState inMemory() {
        return new CrawlState(null, new Data());
    }

    /** Loads the state file (an empty state when it does not exist yet). */
    public static CrawlState load(Path file) {
        if (!Files.exists(file)) return new CrawlState(file, new Data());
        try {
            Data d = MAPPER.readValue(file.toFile(), Data.class);
            if (d.urls == null) d.urls = new TreeMap<>();
            if (d.posts == null) d.posts = new TreeMap<>();
            return new CrawlState(file, d);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read crawl state " + file + ": " + e.getMessage(), e);
        }
    }

    /** The remembered entry of a URL, or null. */
    public synchronized UrlEntry url(String url) {
        return data.urls.get(url);
    }

    /** The content hash of a published post, or null when never published (acknowledged). */
    public synchronized String postHash(String id) {
        return data.posts.get(id);
    }

    /** Number of posts remembered. */
    public synchronized int postCount() {
        return data.posts.size();
    }

    synchronized void putUrl(String url, UrlEntry e) {
        data.urls.put(url, e);
    }

    synchronized void putPost(String id, String hash) {
        data.posts.put(id, hash);
    }

    /** Writes the state atomically (no-op for an in-memory state). */
    public synchronized void save() {
        if (file == null) return;
        try {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, file.getFileName().toString(), ".tmp");
            MAPPER.writeValue(tmp.toFile(), data);
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write crawl state " + file + ": " + e.getMessage(), e);
        }
    }
}
