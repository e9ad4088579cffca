package org.fengxiang.alerting.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Config;
import org.fengxiang.core.Resources;

/**
 * Alert rules, bound from {@code alerting.rules} (see {@code config/alerting.yaml} for the rationale
 * of every default). Validated by {@link #validate()}.
 */
public class AlertRulesSettings implements Serializable {
    public String zone = "+08:00";
    /** No alert before an incident holds this many posts. */
    public long minPosts = 40;
    public Levels levels = new Levels();
    public Spike spike = new Spike();
    public Stream stream = new Stream();
    public Growth growth = new Growth();
    public Negativity negativity = new Negativity();
    public Keywords keywords = new Keywords();
    public Influencers influencers = new Influencers();
    public Toggle mobilisation = new Toggle();
    public Accounts accounts = new Accounts();
    /** At most this many grade steps are added by boosters on top of the volume grade. */
    public int maxBoost = 2;
    public long cooldownMinutes = 30;
    public long closeAfterDeclineMinutes = 180;
    public int maxEvidence = 8;

    @JsonIgnore
    private transient List<String> watchedTerms;
    @JsonIgnore
    private transient String version;

    /** Volume ladder: total posts needed for each grade. */
    public static class Levels implements Serializable {
        public long blue = 40;
        public long yellow = 200;
        public long orange = 1000;
        public long red = 5000;
    }

    /** Spike against the incident's own baseline (σ) and against the same hour on previous days (ratio). */
    public static class Spike implements Serializable {
        public boolean enabled = true;
        public double z = 4.0;
        public long minWindowPosts = 10;
        public SameHour sameHour = new SameHour();
    }

    /** The incident's top keyword in the last 60 minutes against the same 60 minutes on previous days. */
    public static class SameHour implements Serializable {
        public boolean enabled = true;
        /** Previous days averaged (at most 14). */
        public int days = 7;
        /** Fewer observed previous days: the ratio is reported but never fires. */
        public int minDays = 3;
        /** (posts + 1) / (mean + 1) at or above this fires the spike rule. */
        public double ratio = 5.0;
        /** And at least this many keyword posts in the last 60 minutes. */
        public long minPosts = 20;
    }

    /** Volume against the whole-stream expectation for an ordinary post of the same age. */
    public static class Stream implements Serializable {
        public boolean enabled = true;
        public double expectedPerHour = 2.0;
        public double z = 5.0;
        public long minAgeMinutes = 60;
    }

    /** Growth of the latest window over the one before. */
    public static class Growth implements Serializable {
        public boolean enabled = true;
        public double ratio = 3.0;
        public long minWindowPosts = 10;
    }

    /** Negative-sentiment surge. */
    public static class Negativity implements Serializable {
        public boolean enabled = true;
        public double share = 0.5;
        public long minNegative = 10;
    }

    /** Sensitive or watched keywords. */
    public static class Keywords implements Serializable {
        public boolean enabled = true;
        public String lexicon = "config/lexicon/watched.txt";
    }

    /** Pickup by influential authors. */
    public static class Influencers implements Serializable {
        public boolean enabled = true;
        public long followers = 1_000_000;
        public boolean verified = true;
    }

    /** Watched sources/accounts: author ids whose origin post or pickup raises the grade. */
    public static class Accounts implements Serializable {
        public boolean enabled = true;
        public List<String> ids = new ArrayList<>();
    }

    /** A rule that is only switched on or off. */
    public static class Toggle implements Serializable {
        public boolean enabled = true;
    }

    public AlertRulesSettings() {}

    /** Binds and validates {@code alerting.rules}. */
    public static AlertRulesSettings from(Config config) {
        return config.section("alerting.rules", AlertRulesSettings.class).validate();
    }

    /** Checks every value; throws {@link Config.ConfigException} naming the bad key. */
    public AlertRulesSettings validate() {
        try {
            ZoneId.of(zone);
        } catch (RuntimeException e) {
            throw bad("zone: '" + zone + "' is not a zone id or offset");
        }
        require(minPosts >= 1, "minPosts must be >= 1");
        require(levels != null && 0 < levels.blue && levels.blue <= levels.yellow && levels.yellow <= levels.orange
                && levels.orange <= levels.red, "levels must satisfy 0 < blue <= yellow <= orange <= red");
        require(spike != null && spike.z > 0 && spike.minWindowPosts >= 1, "spike.z must be > 0 and spike.minWindowPosts >= 1");
        require(spike.sameHour != null && spike.sameHour.days >= 1 && spike.sameHour.days <= SameHourBaseline.MAX_DAYS
                && spike.sameHour.minDays >= 1 && spike.sameHour.minDays <= spike.sameHour.days && spike.sameHour.ratio > 1
                && spike.sameHour.minPosts >= 1,
                "spike.sameHour: days in 1..14, minDays in 1..days, ratio > 1, minPosts >= 1");
        require(stream != null && stream.expectedPerHour > 0 && stream.z > 0 && stream.minAgeMinutes >= 1,
                "stream.expectedPerHour, stream.z must be > 0 and stream.minAgeMinutes >= 1");
        require(growth != null && growth.ratio > 1 && growth.minWindowPosts >= 1, "growth.ratio must be > 1");
        require(negativity != null && negativity.share > 0 && negativity.share <= 1 && negativity.minNegative >= 1,
                "negativity.share must be in (0, 1] and negativity.minNegative >= 1");
        require(keywords != null && influencers != null && influencers.followers >= 1 && mobilisation != null,
                "keywords, influencers (followers >= 1) and mobilisation are required");
        require(accounts != null && accounts.ids != null && accounts.ids.stream().noneMatch(x -> x == null || x.isBlank()),
                "accounts.ids must be a list of non-blank author ids");
        require(maxBoost >= 0 && maxBoost <= 3, "maxBoost must be 0..3");
        require(cooldownMinutes >= 0, "cooldownMinutes must be >= 0");
        require(closeAfterDeclineMinutes >= 0, "closeAfterDeclineMinutes must be >= 0");
        require(maxEvidence >= 1, "maxEvidence must be >= 1");
        return this;
    }

    /** The watched terms, loaded once from {@code keywords.lexicon}. */
    @JsonIgnore
    public synchronized List<String> watchedTerms() {
        if (watchedTerms == null) watchedTerms = load(keywords.lexicon);
        return watchedTerms;
    }

    /** Uses the given watched terms instead of reading the lexicon (rule versions carry their terms); returns this. */
    public synchronized AlertRulesSettings withWatchedTerms(List<String> terms) {
        this.watchedTerms = List.copyOf(terms);
        this.version = null;
        return this;
    }

    /**
     * The content version of these rules: the first 12 hex digits of SHA-256 over the settings as JSON
     * and the watched terms. Equal rules give equal versions in every run (live, rerun, offline).
     */
    @JsonIgnore
    public synchronized String version() {
        if (version == null) {
            try {
                java.security.MessageDigest md = java.security.MessageDigest.getInstance("SHA-256");
                md.update(org.fengxiang.core.Json.write(this).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                for (String t : watchedTerms()) md.update(("\n" + t).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                version = java.util.HexFormat.of().formatHex(md.digest()).substring(0, 12);
            } catch (java.security.NoSuchAlgorithmException e) {
                throw new IllegalStateException(e);
            }
        }
        return version;
    }

    static List<String> load(String path) {
        return Resources.lexicon(path);
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw bad(message);
    }

    private static Config.ConfigException bad(String message) {
        return new Config.ConfigException("alerting.rules." + message);
    }
}
