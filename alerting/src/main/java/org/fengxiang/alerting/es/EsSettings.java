package org.fengxiang.alerting.es;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Elasticsearch connection and bulk-writing settings, bound from the {@code elasticsearch:} section.
 * Secrets (password, API key) are never configuration values: only the names of the environment
 * variables that hold them are.
 */
public class EsSettings implements Serializable {
    /** Node URLs, e.g. {@code https://es1:9200}. */
    public List<String> urls = new ArrayList<>(List.of("http://127.0.0.1:9200"));
    /** Basic-auth user name (password from {@link #passwordEnv}); null for no basic auth. */
    public String username;
    /** Environment variable holding the basic-auth password. */
    public String passwordEnv = "FENGXIANG_ES_PASSWORD";
    /** API key id; when set, {@link #apiKeyEnv} holds the key secret, otherwise the encoded key. */
    public String apiKeyId;
    /** Environment variable holding the API key (encoded {@code base64(id:secret)}, or the secret). */
    public String apiKeyEnv = "FENGXIANG_ES_API_KEY";
    /** PEM file of the CA (or server certificate) to trust for HTTPS; null uses the JDK trust store. */
    public String caCertificate;
    /** Trust any certificate (test clusters only). */
    public boolean insecureTrustAll = false;
    /** Prefix of every index, alias and template name. */
    public String indexPrefix = "fengxiang";
    public int connectTimeoutMs = 5_000;
    public int socketTimeoutMs = 60_000;
    /** Bulk writing of the Flink sink. */
    public Bulk bulk = new Bulk();

    /** Bulk batching and retry limits. */
    public static class Bulk implements Serializable {
        /** Most documents in one bulk request. */
        public int maxDocs = 1_000;
        /** Most bytes (action lines + sources) in one bulk request. */
        public long maxBytes = 5L * 1024 * 1024;
        /** Retries of a bulk request or of its retryable items before the writer fails. */
        public int maxRetries = 8;
        public long initialBackoffMs = 200;
        public long maxBackoffMs = 30_000;
        /** Buffered documents are sent at least this often (ms; 0 = only when full and at checkpoints). */
        public long flushIntervalMs = 1_000;
        /** The same for the alert and incident sinks (few documents, wanted at once: ms; 0 = only when full / at checkpoints). */
        public long alertsFlushIntervalMs = 200;
    }

    public EsSettings() {}

    /** Settings for one URL and defaults otherwise. */
    public static EsSettings of(String url) {
        EsSettings s = new EsSettings();
        s.urls = new ArrayList<>(List.of(url));
        return s;
    }

    /** Checks the values; throws {@link IllegalArgumentException} with a user-facing message. */
    public EsSettings validate() {
        if (urls == null || urls.isEmpty()) throw new IllegalArgumentException("elasticsearch.urls must not be empty");
        for (String u : urls) {
            if (u == null || !(u.startsWith("http://") || u.startsWith("https://"))) {
                throw new IllegalArgumentException("elasticsearch.urls: not an http(s) URL: " + u);
            }
        }
        if (indexPrefix == null || !indexPrefix.matches("[a-z0-9][a-z0-9_.-]*")) {
            throw new IllegalArgumentException("elasticsearch.indexPrefix must be lowercase [a-z0-9_.-]: " + indexPrefix);
        }
        Objects.requireNonNull(bulk, "elasticsearch.bulk");
        if (bulk.maxDocs < 1 || bulk.maxBytes < 1024) {
            throw new IllegalArgumentException("elasticsearch.bulk.maxDocs >= 1 and maxBytes >= 1024 required");
        }
        if (bulk.flushIntervalMs < 0) throw new IllegalArgumentException("elasticsearch.bulk.flushIntervalMs must be >= 0");
        if (bulk.alertsFlushIntervalMs < 0) throw new IllegalArgumentException("elasticsearch.bulk.alertsFlushIntervalMs must be >= 0");
        if (bulk.maxRetries < 0 || bulk.initialBackoffMs < 1 || bulk.maxBackoffMs < bulk.initialBackoffMs) {
            throw new IllegalArgumentException("elasticsearch.bulk: bad retry/backoff values");
        }
        return this;
    }

    /** The basic-auth password from the environment, or null. */
    public String password(Map<String, String> env) {
        return blankToNull(env.get(passwordEnv));
    }

    /** The {@code Authorization: ApiKey} credential from the environment, or null. */
    public String encodedApiKey(Map<String, String> env) {
        String v = blankToNull(env.get(apiKeyEnv));
        if (v == null) return null;
        if (apiKeyId == null || apiKeyId.isBlank()) return v;
        return java.util.Base64.getEncoder().encodeToString((apiKeyId + ":" + v)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** {@code <prefix>-<name>}, e.g. {@code fengxiang-posts}. */
    public String name(String suffix) {
        return indexPrefix + "-" + suffix;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
