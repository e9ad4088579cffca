package org.fengxiang.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.time.format.DateTimeParseException;
import java.util.Set;

/**
 * Reads one input record (a Kafka message value or a JSONL line) into a {@link Post}, validating the
 * input contract. Never throws on bad input: the result says why the record was refused.
 */
public final class PostParser {
    /** Channels of the input contract. */
    public static final Set<String> CHANNELS = Set.of("news", "microblog", "forum", "blog", "video", "qa", "other");
    /** Longest accepted record, in characters. */
    public static final int MAX_RECORD_CHARS = 1_000_000;
    /** Longest accepted text, in characters. */
    public static final int MAX_TEXT_CHARS = 200_000;

    private static final ObjectMapper STRICT = JsonMapper.builder(JsonFactory.builder()
                    .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build()).build())
            .enable(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .build();

    /** Outcome of parsing one record: either a post or a reason. */
    public record Result(Post post, String reason, String id) {
        /** True when the record was accepted. */
        public boolean ok() {
            return post != null;
        }
    }

    private PostParser() {}

    /** Parses and validates one record. */
    public static Result parse(String raw) {
        if (raw == null || raw.isBlank()) return fail("empty record", null);
        if (raw.length() > MAX_RECORD_CHARS) return fail("record too large: " + raw.length() + " characters > " + MAX_RECORD_CHARS, null);
        JsonNode n;
        try {
            n = STRICT.readTree(raw);
        } catch (JsonProcessingException e) {
            return fail("malformed JSON: " + firstLine(e.getOriginalMessage()), null);
        }
        if (n == null || !n.isObject()) return fail("not a JSON object", null);
        String id = text(n, "id");
        try {
            return validate(n, id);
        } catch (FieldException e) {
            return fail(e.getMessage(), id);
        }
    }

    private static Result validate(JsonNode n, String id) {
        Post p = new Post();
        p.id = required(n, "id");
        if (p.id.length() > 512) throw new FieldException("id: longer than 512 characters");
        p.source = required(n, "source");
        p.channel = optional(n, "channel");
        if (p.channel == null) p.channel = "other";
        if (!CHANNELS.contains(p.channel)) throw new FieldException("channel: '" + p.channel + "' is not one of " + CHANNELS);
        p.url = optional(n, "url");
        p.title = optional(n, "title");
        JsonNode text = n.get("text");
        if (text == null || text.isNull()) throw new FieldException("text: required (may be empty)");
        if (!text.isTextual()) throw new FieldException("text: must be a string");
        p.text = text.asText();
        if (p.text.length() > MAX_TEXT_CHARS) throw new FieldException("text: " + p.text.length() + " characters > " + MAX_TEXT_CHARS);
        p.publishedAt = required(n, "publishedAt");
        p.eventTime = instant(p.publishedAt, "publishedAt");
        p.fetchedAt = optional(n, "fetchedAt");
        if (p.fetchedAt != null) instant(p.fetchedAt, "fetchedAt");
        p.repostOf = optional(n, "repostOf");
        p.parentId = optional(n, "parentId");
        p.lang = optional(n, "lang");
        p.author = author(n.get("author"));
        p.metrics = metrics(n.get("metrics"));
        return new Result(p, null, p.id);
    }

    private static Author author(JsonNode a) {
        if (a == null || a.isNull()) return null;
        if (!a.isObject()) throw new FieldException("author: must be an object");
        return new Author(optional(a, "id", "author.id"), optional(a, "name", "author.name"),
                number(a, "followers", "author.followers"), bool(a, "verified", "author.verified"),
                optional(a, "location", "author.location"));
    }

    private static Metrics metrics(JsonNode m) {
        if (m == null || m.isNull()) return null;
        if (!m.isObject()) throw new FieldException("metrics: must be an object");
        return new Metrics(number(m, "reposts", "metrics.reposts"), number(m, "comments", "metrics.comments"),
                number(m, "likes", "metrics.likes"), number(m, "views", "metrics.views"));
    }

    static long instant(String value, String field) {
        try {
            return IsoTimes.epochMillis(value);
        } catch (DateTimeParseException e) {
            throw new FieldException(field + ": '" + abbreviate(value) + "' is not ISO-8601 with offset");
        }
    }

    private static String required(JsonNode n, String field) {
        String v = optional(n, field);
        if (v == null || v.isBlank()) throw new FieldException(field + ": required");
        return v;
    }

    private static String optional(JsonNode n, String field) {
        return optional(n, field, field);
    }

    private static String optional(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isTextual()) return v.asText();
        if (v.isNumber() && (path.endsWith("id") || path.endsWith("Id") || path.endsWith("Of"))) return v.asText();
        throw new FieldException(path + ": must be a string");
    }

    private static Long number(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 0) return v.asLong();
        if (v.isTextual() && v.asText().matches("\\d{1,18}")) return Long.parseLong(v.asText());
        throw new FieldException(path + ": must be a non-negative integer");
    }

    private static Boolean bool(JsonNode n, String field, String path) {
        JsonNode v = n.get(field);
        if (v == null || v.isNull()) return null;
        if (v.isBoolean()) return v.asBoolean();
        throw new FieldException(path + ": must be true or false");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v != null && v.isValueNode() && !v.isNull() ? v.asText() : null;
    }

    private static Result fail(String reason, String id) {
        return new Result(null, reason, id);
    }

    private static String firstLine(String s) {
        if (s == null) return "";
        int nl = s.indexOf('\n');
        return abbreviate(nl < 0 ? s : s.substring(0, nl));
    }

    private static String abbreviate(String s) {
        return s.length() <= 80 ? s : s.substring(0, 77) + "...";
    }

    /** A field-level validation failure. */
    static final class FieldException extends RuntimeException {
        FieldException(String message) {
            super(message, null, false, false);
        }
    }
}
