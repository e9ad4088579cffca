package org.fengxiang.alerting.rules;

import java.util.ArrayList;
import java.util.List;

/** One line of the rule history: a rules version and the event time from which it applies. */
public class RuleVersion {
    public String version;
    /** Epoch milliseconds of event time; {@code Long.MIN_VALUE} for the first version. */
    public long effectiveFrom;
    /** When the version was adopted (processing time, ISO-8601). */
    public String adoptedAt;
    public AlertRulesSettings rules;
    /** The watched-keyword lexicon as it was, so a rerun never depends on today's lexicon file. */
    public List<String> watchedTerms = new ArrayList<>();

    public RuleVersion() {}

    /** The rules, validated, with their recorded terms. */
    AlertRulesSettings settings() {
        return rules.validate().withWatchedTerms(watchedTerms);
    }
}
