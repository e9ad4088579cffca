package org.fengxiang.analytics.text;

import java.util.List;

/** A text after cleaning, masking, extraction and segmentation of its analysis text. */
public record AnalyzedText(NormalisedText normalised, List<Token> tokens) {
    /** The clean (and masked, when masking is on) text. */
    public String text() {
        return normalised.text();
    }

    /** The text used for analysis (no URLs, mentions, emoticons). */
    public String analysisText() {
        return normalised.analysisText();
    }
}
