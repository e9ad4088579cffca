package org.fengxiang.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;

/** An input record that was not accepted, kept with the reason (the dead-letter record). */
@JsonPropertyOrder({"line", "reason", "stage", "id", "raw"})
public class Rejected implements Serializable {
    /** 1-based input line for file input, or null. */
    public Long line;
    public String reason;
    /** The stage that rejected it: parse, validate, late, enrich … */
    public String stage;
    /** The post id when it could be read. */
    public String id;
    /** The raw input, possibly truncated to {@link #MAX_RAW} characters. */
    public String raw;

    /** Longest raw text kept in a dead-letter record. */
    public static final int MAX_RAW = 100_000;

    public Rejected() {}

    public Rejected(Long line, String stage, String reason, String id, String raw) {
        this.line = line;
        this.stage = stage;
        this.reason = reason;
        this.id = id;
        this.raw = raw == null || raw.length() <= MAX_RAW ? raw : raw.substring(0, MAX_RAW);
    }

    @Override
    public String toString() {
        return "Rejected{" + stage + ": " + reason + "}";
    }
}
