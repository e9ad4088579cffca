package org.fengxiang.analytics.text;

import java.util.List;

/**
 * The shared text pipeline of enrichment and sentiment training: clean, mask (optional), extract,
 * segment. Thread-safe.
 */
public final class TextAnalyzer {
    /** Default user dictionary. */
    public static final String DEFAULT_USER_DICTIONARY = "config/lexicon/user.txt";
    /** Default stop-word list. */
    public static final String DEFAULT_STOP_WORDS = "config/lexicon/stopwords.txt";
    /** Default province/city gazetteer. */
    public static final String DEFAULT_REGIONS = "config/lexicon/regions.txt";
    /** Longest analysis text segmented (longer texts are cut; the stored text is not). */
    public static final int DEFAULT_MAX_CHARS = 20000;

    private final Normaliser normaliser;
    private final PiiMasker masker;
    private final Segmenter segmenter;
    private final int maxChars;

    /** A pipeline; {@code masker} may be null (no masking). */
    public TextAnalyzer(Normaliser normaliser, PiiMasker masker, Segmenter segmenter, int maxChars) {
        this.normaliser = normaliser;
        this.masker = masker;
        this.segmenter = segmenter;
        this.maxChars = maxChars;
    }

    /** The pipeline with the default lexicon files, masking on. */
    public static TextAnalyzer createDefault() {
        Gazetteer g = Gazetteer.load(DEFAULT_REGIONS);
        Segmenter s = Segmenter.create(List.of(DEFAULT_USER_DICTIONARY), g, DEFAULT_STOP_WORDS, false, false);
        return new TextAnalyzer(new Normaliser(true), new PiiMasker(), s, DEFAULT_MAX_CHARS);
    }

    /** Cleans, masks and extracts without segmenting. */
    public NormalisedText normalise(String raw) {
        String clean = normaliser.clean(raw);
        if (masker != null) clean = masker.mask(clean);
        return normaliser.extract(clean);
    }

    /** The whole pipeline. */
    public AnalyzedText analyze(String raw) {
        NormalisedText n = normalise(raw);
        String a = n.analysisText();
        if (a.length() > maxChars) a = a.substring(0, maxChars);
        return new AnalyzedText(n, segmenter.segment(a));
    }

    /** The segmenter. */
    public Segmenter segmenter() {
        return segmenter;
    }
}
