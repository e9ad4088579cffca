package org.fengxiang.ingest.extract;

import java.util.List;

/**
 * Per-site overrides of the generic extractor: a body container selector and noise selectors
 * removed before extraction (either may be empty).
 */
public record ExtractionRules(String bodySelector, List<String> noiseSelectors) {
    /** No overrides. */
    public static final ExtractionRules NONE = new ExtractionRules(null, List.of());

    public ExtractionRules {
        noiseSelectors = noiseSelectors == null ? List.of() : List.copyOf(noiseSelectors);
    }
}
