package org.fengxiang.alerting.ack;

/**
 * An officer's acknowledgement of an alert: it covers the transition {@link #sequence} and every
 * earlier transition of the same alert (a later escalation needs its own acknowledgement).
 */
public class Acknowledgement {
    public String alertId;
    public int sequence;
    /** ISO-8601 instant (processing time: when the officer acknowledged). */
    public String acknowledgedAt;
    public String acknowledgedBy;

    public Acknowledgement() {}

    public Acknowledgement(String alertId, int sequence, String acknowledgedAt, String acknowledgedBy) {
        this.alertId = alertId;
        this.sequence = sequence;
        this.acknowledgedAt = acknowledgedAt;
        this.acknowledgedBy = acknowledgedBy;
    }

    /** True when this acknowledgement covers the transition. */
    public boolean covers(String id, int seq) {
        return alertId != null && alertId.equals(id) && sequence >= seq;
    }
}
