package org.fengxiang.analytics.incident;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.List;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;

/**
 * Settings of incident tracking and burst detection, bound from the {@code incidents} section
 * (see {@code config/incidents.yaml} for the rationale of every default).
 */
public class IncidentSettings implements Serializable {
    public long tickMillis = 60_000;
    public int windowMinutes = 10;
    public double baselineHalfLifeMinutes = 60;
    public double priorRatePerHour = 2.0;
    public double formingZ = 3.0;
    public int formingMinWindowPosts = 5;
    public int outbreakMinWindowPosts = 30;
    public int outbreakMinPosts = 100;
    public double declineFraction = 0.2;
    public int latentIdleMinutes = 360;
    public int activeIdleMinutes = 1440;
    public int maxTreeNodes = 20_000;
    public int maxTerms = 200;
    public int maxRegions = 64;
    public int maxExactAuthors = 4096;
    public int topSpreaders = 5;
    public int topKeywords = 10;
    public int topRegions = 5;
    public int topInfluencers = 5;
    public int titleChars = 140;
    public int minMobilisationPosts = 2;
    public String mobilisationLexicon = "config/lexicon/mobilisation.txt";
    public String zone = "+08:00";

    @JsonIgnore
    private transient List<String> mobilisationTerms;

    public IncidentSettings() {}

    /** Binds and validates the {@code incidents} section of a configuration. */
    public static IncidentSettings from(Config config) {
        return config.section("incidents", IncidentSettings.class).validate();
    }

    /** Checks every value; throws {@link Config.ConfigException} naming the bad key. */
    public IncidentSettings validate() {
        require(tickMillis >= 1000 && tickMillis <= 3_600_000, "tickMillis must be 1000..3600000");
        require(windowMinutes >= 1 && windowMinutes <= 720, "windowMinutes must be 1..720");
        require(baselineHalfLifeMinutes >= 1, "baselineHalfLifeMinutes must be >= 1");
        require(priorRatePerHour > 0, "priorRatePerHour must be > 0");
        require(formingZ > 0, "formingZ must be > 0");
        require(formingMinWindowPosts >= 1, "formingMinWindowPosts must be >= 1");
        require(outbreakMinWindowPosts >= formingMinWindowPosts, "outbreakMinWindowPosts must be >= formingMinWindowPosts");
        require(outbreakMinPosts >= 1, "outbreakMinPosts must be >= 1");
        require(declineFraction > 0 && declineFraction < 1, "declineFraction must be in (0, 1)");
        require(latentIdleMinutes >= windowMinutes, "latentIdleMinutes must be >= windowMinutes");
        require(activeIdleMinutes >= latentIdleMinutes, "activeIdleMinutes must be >= latentIdleMinutes");
        require(maxTreeNodes >= 10 && maxTerms >= 10 && maxRegions >= 1 && maxExactAuthors >= 16, "caps too small");
        require(topSpreaders >= 1 && topKeywords >= 1 && topRegions >= 1 && topInfluencers >= 1, "top-N must be >= 1");
        require(titleChars >= 10, "titleChars must be >= 10");
        require(minMobilisationPosts >= 1, "minMobilisationPosts must be >= 1");
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw new Config.ConfigException("incidents.zone: '" + zone + "' is not a zone id or offset");
        }
        return this;
    }

    /** Length of a window in milliseconds. */
    long windowMillis() {
        return windowMinutes * tickMillis;
    }

    /** The mobilisation cue terms, loaded once from {@link #mobilisationLexicon} (empty when blank). */
    @JsonIgnore
    public synchronized List<String> mobilisationTerms() {
        if (mobilisationTerms == null) mobilisationTerms = loadLexicon(mobilisationLexicon);
        return mobilisationTerms;
    }

    /** Reads a lexicon: one term per line, {@code #} starts a comment, blank lines ignored. */
    public static List<String> loadLexicon(String path) {
        return Resources.lexicon(path);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new Config.ConfigException("incidents." + message);
    }
}
