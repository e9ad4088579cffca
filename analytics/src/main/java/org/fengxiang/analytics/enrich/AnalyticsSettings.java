package org.fengxiang.analytics.enrich;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.analytics.sentiment.SentimentAnalyzer;
import org.fengxiang.analytics.text.TextAnalyzer;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;

/**
 * Settings of text enrichment, bound from configuration section {@code analytics} (the sibling
 * sections {@code incident} and {@code flink} belong to other components and are ignored here).
 * Every default is valid without any configuration file. Paths resolve via
 * {@link org.fengxiang.core.Resources#open} (disk, home directory, then classpath).
 */
@JsonIgnoreProperties(value = {"incident", "flink", "job"}, ignoreUnknown = false)
public class AnalyticsSettings implements Serializable {
    /** {@code analytics.text}: normalisation. */
    public Text text = new Text();
    /** {@code analytics.privacy}: masking and pseudonymisation. */
    public Privacy privacy = new Privacy();
    /** {@code analytics.lexicon}: dictionaries and segmentation. */
    public Lexicon lexicon = new Lexicon();
    /** {@code analytics.keywords}: keyword extraction. */
    public Keywords keywords = new Keywords();
    /** {@code analytics.sentiment}: the hybrid sentiment scorer. */
    public Sentiment sentiment = new Sentiment();
    /** {@code analytics.dedup}: near-duplicate detection. */
    public Dedup dedup = new Dedup();

    /** All defaults. */
    public static AnalyticsSettings defaults() {
        return new AnalyticsSettings();
    }

    /** Binds and validates section {@code analytics} of a configuration. */
    public static AnalyticsSettings from(Config config) {
        AnalyticsSettings s = config.section("analytics", AnalyticsSettings.class);
        s.validate();
        return s;
    }

    /** Checks ranges; throws {@link IllegalArgumentException} naming the bad key. */
    public AnalyticsSettings validate() {
        require(text.maxChars >= 100, "analytics.text.maxChars must be >= 100");
        require(keywords.max >= 0 && keywords.max <= 100, "analytics.keywords.max must be in [0, 100]");
        require(sentiment.lexiconWeight >= 0 && sentiment.lexiconWeight <= 1, "analytics.sentiment.lexiconWeight must be in [0, 1]");
        require(sentiment.shortTextLexiconWeight >= 0 && sentiment.shortTextLexiconWeight <= 1,
                "analytics.sentiment.shortTextLexiconWeight must be in [0, 1]");
        require(sentiment.neutralThreshold >= 0 && sentiment.neutralThreshold < 1, "analytics.sentiment.neutralThreshold must be in [0, 1)");
        require(sentiment.shortTextChars >= 0, "analytics.sentiment.shortTextChars must be >= 0");
        require(sentiment.modelOnlyScale > 0 && sentiment.modelOnlyScale <= 1, "analytics.sentiment.modelOnlyScale must be in (0, 1]");
        require(dedup.maxHamming >= 0 && dedup.maxHamming <= 3, "analytics.dedup.maxHamming must be in [0, 3] (4 bands of 16 bits)");
        require(dedup.ttlHours > 0, "analytics.dedup.ttlHours must be > 0");
        require(dedup.minTokens >= 1, "analytics.dedup.minTokens must be >= 1");
        require(!privacy.pseudonymiseAuthors || privacy.keyEnv != null && !privacy.keyEnv.isBlank(),
                "analytics.privacy.keyEnv must name an environment variable");
        return this;
    }

    private static void require(boolean ok, String message) {
        if (!ok) throw new IllegalArgumentException(message);
    }

    /** A stable key of these settings (equal settings share loaded resources in one JVM). */
    public String cacheKey() {
        return Json.write(this);
    }

    /** Normalisation settings. */
    public static class Text implements Serializable {
        /** Convert traditional to simplified Chinese. */
        public boolean toSimplified = true;
        /** Longest analysis text segmented (the stored text is not cut). */
        public int maxChars = TextAnalyzer.DEFAULT_MAX_CHARS;
    }

    /** Personal-data settings. */
    public static class Privacy implements Serializable {
        /** Mask phones, ID numbers, bank cards and e-mails in text and title. */
        public boolean mask = true;
        /** Replace author id and name by a keyed HMAC pseudonym. */
        public boolean pseudonymiseAuthors = false;
        /** Environment variable holding the HMAC key (>= 16 bytes); never put the key in a file. */
        public String keyEnv = "FENGXIANG_PSEUDONYM_KEY";
    }

    /** Dictionary settings. */
    public static class Lexicon implements Serializable {
        /** User dictionaries ({@code word [pos [freq]]} per line), loaded once per JVM. */
        public List<String> userDictionaries = new ArrayList<>(List.of(TextAnalyzer.DEFAULT_USER_DICTIONARY));
        /** Stop words for keywords. */
        public String stopWords = TextAnalyzer.DEFAULT_STOP_WORDS;
        /** Province/city gazetteer. */
        public String regions = TextAnalyzer.DEFAULT_REGIONS;
        /** HanLP person-name recognition (slower; names are not used downstream). */
        public boolean nameRecognition = false;
        /** HanLP place-name recognition (slower; dictionary place names work without it). */
        public boolean placeRecognition = false;
        /** HanLP organisation-name recognition (slower). */
        public boolean organizationRecognition = false;
    }

    /** Keyword settings. */
    public static class Keywords implements Serializable {
        /** Keywords per post. */
        public int max = 8;
        /** Part-of-speech tag prefixes of keyword candidates. */
        public List<String> pos = new ArrayList<>(List.of("n", "vn", "v", "gi", "a"));
    }

    /** Sentiment settings. */
    public static class Sentiment implements Serializable {
        /** Compute sentiment. */
        public boolean enabled = true;
        /** The linear model (empty: lexicon only). */
        public String model = "config/models/sentiment.model";
        /** The sentiment lexicon. */
        public String lexicon = "config/lexicon/sentiment.txt";
        /** Lexicon share of the blended score. */
        public double lexiconWeight = SentimentAnalyzer.Params.defaults().lexiconWeight();
        /** Lexicon share for short texts. */
        public double shortTextLexiconWeight = SentimentAnalyzer.Params.defaults().shortTextLexiconWeight();
        /** Texts with at most this many letters and digits are short. */
        public int shortTextChars = SentimentAnalyzer.Params.defaults().shortTextChars();
        /** |score| below this is neutral. */
        public double neutralThreshold = SentimentAnalyzer.Params.defaults().neutralThreshold();

        /** Scale of the model margin when the lexicon finds nothing (0..1]. */
        public double modelOnlyScale = SentimentAnalyzer.Params.defaults().modelOnlyScale();

        /** The analyzer parameters. */
        public SentimentAnalyzer.Params params() {
            return new SentimentAnalyzer.Params(lexiconWeight, shortTextLexiconWeight, shortTextChars, neutralThreshold, modelOnlyScale);
        }
    }

    /** Near-duplicate settings (used by the job's near-duplicate stage). */
    public static class Dedup implements Serializable {
        /** Largest SimHash Hamming distance of a near duplicate (at most 3 with 4 bands). */
        public int maxHamming = 3;
        /** How long a post stays a possible original (hours of event time). */
        public long ttlHours = 72;
        /** Texts with fewer tokens get no SimHash (0). */
        public int minTokens = 4;
    }
}
