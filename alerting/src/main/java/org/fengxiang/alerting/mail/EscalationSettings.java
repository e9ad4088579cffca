package org.fengxiang.alerting.mail;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;

/**
 * Escalation of unacknowledged alerts ({@code mail.escalation}): a transition e-mailed at one of
 * {@link #levels} that nobody acknowledged within a step's {@code afterMinutes} (processing time,
 * counted from when the e-mail was sent) is e-mailed to that step's recipients, once per step.
 */
public class EscalationSettings implements Serializable {
    public boolean enabled = true;
    public List<String> levels = new ArrayList<>(List.of(Alert.RED, Alert.ORANGE));
    /** How often the mail sink looks for due escalations. */
    public long checkSeconds = 30;
    public List<Step> steps = new ArrayList<>();

    /** One escalation step. */
    public static class Step implements Serializable {
        public long afterMinutes = 15;
        public List<String> recipients = new ArrayList<>();
    }

    public EscalationSettings() {}

    /** Checks the values; throws {@link IllegalArgumentException} naming the key. */
    public EscalationSettings validate() {
        for (String l : levels) {
            if (Alert.rank(l) == 0) throw new IllegalArgumentException("mail.escalation.levels: unknown level " + l);
        }
        if (checkSeconds < 1) throw new IllegalArgumentException("mail.escalation.checkSeconds must be >= 1");
        long previous = -1;
        for (Step s : steps) {
            if (s.afterMinutes < 0 || s.afterMinutes <= previous) {
                throw new IllegalArgumentException("mail.escalation.steps: afterMinutes must be >= 0 and increasing");
            }
            if (s.recipients == null || s.recipients.isEmpty()) {
                throw new IllegalArgumentException("mail.escalation.steps: every step needs recipients");
            }
            previous = s.afterMinutes;
        }
        return this;
    }

    /** True when transitions of the level may escalate. */
    public boolean applies(String level) {
        return enabled && !steps.isEmpty() && levels.contains(level);
    }
}
