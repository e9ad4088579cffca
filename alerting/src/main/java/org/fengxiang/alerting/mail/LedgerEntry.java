package org.fengxiang.alerting.mail;

import java.util.ArrayList;
import java.util.List;
import org.fengxiang.alerting.es.AlertMapper;
import org.fengxiang.core.Alert;

/** One alert transition's e-mail delivery record, keyed by {@code alertId#sequence}. */
public class LedgerEntry {
    /** Claimed, e-mail being sent (a crash may have happened in between). */
    public static final String PENDING = "pending";
    public static final String SENT = "sent";
    /** Not sent on purpose (quiet hours, no recipients); never retried. */
    public static final String SUPPRESSED = "suppressed";
    /** Refused permanently by the SMTP server; never retried. */
    public static final String FAILED = "failed";
    /** Held back (quiet hours or a digest-only level), waiting for the digest. */
    public static final String HELD = "held";
    /** Held, then included in a sent digest. */
    public static final String DIGESTED = "digested";

    public String key;
    public String alertId;
    public int sequence;
    public String status;
    public String messageId;
    public List<String> recipients = new ArrayList<>();
    public String level;
    public String detectedAt;
    public String detail;
    /** For held entries: the instant (ISO-8601) from which the digest may include it. */
    public String releaseAt;
    /** The alert as JSON (held entries: the digest is rendered from it; sent entries that may escalate). */
    public String alert;
    /** When the e-mail was accepted by the SMTP server (processing time, ISO-8601 instant); escalation counts from it. */
    public String sentAt;

    public LedgerEntry() {}

    /** An entry for the alert transition with the given status. */
    public static LedgerEntry of(Alert a, String status, String messageId, List<String> recipients, String detail) {
        LedgerEntry e = new LedgerEntry();
        e.key = AlertMapper.transitionId(a);
        e.alertId = a.id;
        e.sequence = a.sequence;
        e.status = status;
        e.messageId = messageId;
        e.recipients = new ArrayList<>(recipients);
        e.level = a.level;
        e.detectedAt = a.detectedAt;
        e.detail = detail;
        return e;
    }

    /** True when the transition must not be e-mailed again. */
    public boolean done() {
        return SENT.equals(status) || SUPPRESSED.equals(status) || FAILED.equals(status) || HELD.equals(status)
                || DIGESTED.equals(status);
    }
}
