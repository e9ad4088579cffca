package org.fengxiang.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/** A graded alert on an incident, with the reasons and evidence posts behind it. */
@JsonPropertyOrder({"id", "incidentId", "level", "detectedAt", "rule", "reasons", "originPostId",
        "evidencePostIds", "title", "keywords", "status", "sequence"})
public class Alert implements Serializable {
    public static final String RED = "red";
    public static final String ORANGE = "orange";
    public static final String YELLOW = "yellow";
    public static final String BLUE = "blue";
    /** Status of an early warning: a single notice judged before the disorder bound, not a transition of a thread. */
    public static final String EARLY_WARNING = "early";

    public String id;
    public String incidentId;
    /** red | orange | yellow | blue. */
    public String level;
    /** Event time at which the rule fired, ISO-8601 with offset. */
    public String detectedAt;
    public long detectedAtMillis;
    public String rule;
    public List<String> reasons = new ArrayList<>();
    public String originPostId;
    public List<String> evidencePostIds = new ArrayList<>();
    public String title;
    public List<String> keywords = new ArrayList<>();
    /** open | escalated | deescalated | closed, or {@link #EARLY_WARNING}. */
    public String status;
    /** 1 for the opening transition, +1 for every later transition of the same alert. */
    public int sequence;
    public long postCount;
    public double heat;
    /** Content hash of the alert rules that produced this transition (see AlertRulesSettings#version). */
    public String rulesVersion;

    public Alert() {}

    /** True for an early warning ({@link #EARLY_WARNING}). */
    public static boolean isEarlyWarning(String status) {
        return EARLY_WARNING.equals(status);
    }

    /** Rank of a level: red 4 … blue 1, unknown 0. */
    public static int rank(String level) {
        if (level == null) return 0;
        return switch (level) {
            case RED -> 4;
            case ORANGE -> 3;
            case YELLOW -> 2;
            case BLUE -> 1;
            default -> 0;
        };
    }

    @Override
    public String toString() {
        return "Alert{" + id + " " + level + " " + status + "#" + sequence + "}";
    }
}
