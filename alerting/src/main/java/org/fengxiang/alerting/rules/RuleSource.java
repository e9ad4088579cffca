package org.fengxiang.alerting.rules;

import java.io.Serializable;

/** The alert rules in force at an event time (fixed, or versioned for hot reload). */
public interface RuleSource extends Serializable {
    /** The rules for an incident snapshot whose event time is {@code eventTime}. */
    AlertRulesSettings at(long eventTime);

    /** Always the same rules (offline analysis, tests). */
    static RuleSource fixed(AlertRulesSettings rules) {
        return t -> rules;
    }
}
