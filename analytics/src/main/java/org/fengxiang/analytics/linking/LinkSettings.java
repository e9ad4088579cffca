package org.fengxiang.analytics.linking;

import java.io.Serializable;
import org.fengxiang.core.Config;

/**
 * Settings of text linking (independent posts about the same event join one incident), bound from the
 * {@code linking} section (see {@code config/incidents.yaml} for the rationale of every default).
 */
public class LinkSettings implements Serializable {
    public boolean enabled = true;
    /** MinHash bands; each band is one probe into keyed bucket state. */
    public int bands = 6;
    /** MinHash rows per band (terms a band key is made of). */
    public int rowsPerBand = 2;
    /** Terms of a story's signature: its keywords, hashtags and organisations, at most this many. */
    public int maxTerms = 12;
    /** Posts with fewer signature terms take no part in linking (too little text to judge). */
    public int minTerms = 4;
    /** A link needs at least this many shared terms ... */
    public int minShared = 3;
    /** ... and at least this share of the smaller signature (overlap coefficient). */
    public double minOverlap = 0.6;
    /** Only stories at most this old (event time) can be linked to. */
    public int windowHours = 6;
    /** Stories kept per bucket (the oldest go first when full). */
    public int bucketCap = 64;
    /** How long a cascade keeps the incident its root was linked to, after the root (event time). */
    public int assignmentHours = 48;

    public LinkSettings() {}

    /** Binds and validates the {@code linking} section of a configuration. */
    public static LinkSettings from(Config config) {
        return config.section("linking", LinkSettings.class).validate();
    }

    /** Checks every value; throws {@link Config.ConfigException} naming the bad key. */
    public LinkSettings validate() {
        require(bands >= 1 && bands <= 32, "bands must be 1..32");
        require(rowsPerBand >= 1 && rowsPerBand <= 8, "rowsPerBand must be 1..8");
        require(maxTerms >= 2 && maxTerms <= 64, "maxTerms must be 2..64");
        require(minTerms >= rowsPerBand && minTerms <= maxTerms, "minTerms must be rowsPerBand..maxTerms");
        require(minShared >= 1 && minShared <= minTerms, "minShared must be 1..minTerms");
        require(minOverlap > 0 && minOverlap <= 1, "minOverlap must be in (0, 1]");
        require(windowHours >= 1 && windowHours <= 168, "windowHours must be 1..168");
        require(bucketCap >= 1, "bucketCap must be >= 1");
        require(assignmentHours >= windowHours, "assignmentHours must be >= windowHours");
        return this;
    }

    /** The link window in milliseconds. */
    public long windowMillis() {
        return windowHours * 3_600_000L;
    }

    /** The assignment retention in milliseconds. */
    public long assignmentMillis() {
        return assignmentHours * 3_600_000L;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new Config.ConfigException("linking." + message);
    }
}
