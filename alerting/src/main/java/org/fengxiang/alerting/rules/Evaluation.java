package org.fengxiang.alerting.rules;

import java.util.ArrayList;
import java.util.List;

/** What the rules say about one incident snapshot: the grade, the rules that fired and why. */
final class Evaluation {
    /** 0 = no grade, 1 blue … 4 red. */
    int level;
    /** Grade from volume alone (0 below the blue threshold). */
    int volumeLevel;
    /** True when a trigger rule (spike, stream, growth) fired and the post floor is met. */
    boolean triggered;
    /** The trigger rule that fired first in priority order (spike, stream, growth). */
    String trigger;
    /** Trigger rules that fired. */
    final List<String> triggers = new ArrayList<>();
    /** Booster rules that fired (in evaluation order). */
    final List<String> boosters = new ArrayList<>();
    /** One line with numbers per rule that fired, in evaluation order. */
    final List<String> reasons = new ArrayList<>();

    /** The first of spike or growth that fired (a burst of its own, not accumulated volume), or null. */
    String renewedBurst() {
        for (String t : triggers) {
            if (!RuleEngine.STREAM.equals(t)) return t;
        }
        return null;
    }
}
