package org.fengxiang.alerting.rules;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Spreader;

/**
 * One alert thread per incident: turns the incident's snapshots (in event-time order) into alert
 * transitions open / escalated / deescalated / closed with a per-rule cool-down. State is plain
 * public fields (Jackson round-trips it); settings must be supplied with {@link #withSettings} after
 * construction or deserialisation.
 */
public class AlertProcessor {
    static final String OPEN = "open";
    static final String ESCALATED = "escalated";
    static final String DEESCALATED = "deescalated";
    static final String CLOSED = "closed";
    static final String DECAY = "decay";

    public String incidentId;
    /** Number of alert threads opened so far for this incident (a new one only after a close). */
    public int thread;
    public String alertId;
    public boolean open;
    /** Current grade 1..4 while open. */
    public int level;
    public int sequence;
    /** Event time of the last transition caused by each rule. */
    public TreeMap<String, Long> lastFired = new TreeMap<>();
    /** Event time the incident entered decline while the alert was open, or -1. */
    public long declineSince = -1;
    /** Whether the last snapshot seen was the incident's final one (the state may then be cleared when idle). */
    public boolean lastSnapshotFinished;
    /** True once this decline episode has de-escalated the alert. */
    public boolean deescalated;
    /** Highest grade of the current thread. */
    public int peakLevel;
    /** Volume grade and boosters at the last transition (to name the rule behind an escalation). */
    public int volumeLevel;
    public TreeSet<String> boosters = new TreeSet<>();

    @JsonIgnore
    private transient AlertRulesSettings settings;
    @JsonIgnore
    private transient RuleEngine engine;

    /** For deserialisation; call {@link #withSettings} before use. */
    public AlertProcessor() {}

    /** A processor with the given rules. */
    public AlertProcessor(AlertRulesSettings settings) {
        withSettings(settings);
    }

    /** Supplies the (not serialised) rule settings; returns this. */
    public AlertProcessor withSettings(AlertRulesSettings s) {
        if (s == null) throw new IllegalArgumentException("settings are required");
        this.settings = s;
        this.engine = new RuleEngine(s);
        return this;
    }

    /** True when no alert is open, so the state may be cleared once the incident has finished. */
    public boolean idle() {
        return !open;
    }

    /** The alert transitions caused by one snapshot (usually none). */
    public List<Alert> onSnapshot(Incident inc) {
        if (settings == null) throw new IllegalStateException("AlertProcessor: call withSettings() after construction or restore");
        if (inc == null || inc.id == null) throw new IllegalArgumentException("snapshot with an id is required");
        if (incidentId == null) incidentId = inc.id;
        List<Alert> out = new ArrayList<>();
        Evaluation ev = engine.evaluate(inc);
        if (!open) {
            if (mayOpen(inc, ev)) {
                thread++;
                alertId = alertId(inc);
                open = true;
                sequence = 0;
                level = ev.level;
                peakLevel = 0;
                declineSince = -1;
                deescalated = false;
                out.add(transition(inc, OPEN, ev.trigger, ev.reasons, ev));
            }
            return out;
        }
        if (inc.finished) {
            out.add(close(inc, "incident finished: no post for a long idle period", ev));
        } else if ("decline".equals(inc.stage)) {
            onDecline(inc, ev, out);
        } else {
            declineSince = -1;
            deescalated = false;
            escalate(inc, ev, out);
        }
        return out;
    }

    /**
     * The first thread opens on any trigger; a thread after a close only on a renewed burst (spike or
     * growth, not the whole-stream volume, which stays true for ever once reached) outside decline.
     */
    private boolean mayOpen(Incident inc, Evaluation ev) {
        if (inc.finished || !ev.triggered || ev.level < 1) return false;
        String trigger = ev.trigger;
        if (thread > 0) {
            if ("decline".equals(inc.stage)) return false;
            trigger = ev.renewedBurst();
            if (trigger == null) return false;
        }
        return !coolingDown(trigger, inc.asOf);
    }

    private void onDecline(Incident inc, Evaluation ev, List<Alert> out) {
        if (declineSince < 0) declineSince = inc.asOf;
        long since = (inc.asOf - declineSince) / 60_000;
        if (since >= settings.closeAfterDeclineMinutes) {
            out.add(close(inc, "decline for " + since + " min (close after " + settings.closeAfterDeclineMinutes + ")", ev));
        } else if (!deescalated && level > 1 && !coolingDown(DECAY, inc.asOf)) {
            level--;
            deescalated = true;
            List<String> reasons = new ArrayList<>();
            reasons.add(String.format(java.util.Locale.ROOT, "decay: incident in decline, %d posts in the last %d min (peak %d)",
                    inc.windowCount, inc.windowMinutes, inc.peakWindowCount));
            reasons.addAll(ev.reasons);
            out.add(transition(inc, DEESCALATED, DECAY, reasons, ev));
        }
    }

    /** Escalates past the thread's peak on new evidence; back up to the peak only on a renewed burst. */
    private void escalate(Incident inc, Evaluation ev, List<Alert> out) {
        if (ev.level <= level) return;
        if (ev.level <= peakLevel && ev.renewedBurst() == null) return;
        String rule = escalationRule(ev);
        if (ev.level < 4 && coolingDown(rule, inc.asOf)) return;
        level = ev.level;
        out.add(transition(inc, ESCALATED, rule, ev.reasons, ev));
    }

    private String escalationRule(Evaluation ev) {
        if (ev.volumeLevel > volumeLevel) return RuleEngine.VOLUME;
        for (String b : ev.boosters) {
            if (!boosters.contains(b)) return b;
        }
        String renewed = ev.renewedBurst();
        return renewed != null ? renewed : RuleEngine.VOLUME;
    }

    private Alert close(Incident inc, String why, Evaluation ev) {
        open = false;
        List<String> reasons = new ArrayList<>();
        reasons.add("decay: " + why);
        reasons.addAll(ev.reasons);
        Alert a = transition(inc, CLOSED, DECAY, reasons, ev);
        declineSince = -1;
        deescalated = false;
        return a;
    }

    private boolean coolingDown(String rule, long t) {
        Long last = lastFired.get(rule);
        return last != null && t - last < settings.cooldownMinutes * 60_000;
    }

    private Alert transition(Incident inc, String status, String rule, List<String> reasons, Evaluation ev) {
        sequence++;
        lastFired.put(rule, inc.asOf);
        peakLevel = Math.max(peakLevel, level);
        volumeLevel = ev.volumeLevel;
        boosters = new TreeSet<>(ev.boosters);
        Alert a = new Alert();
        a.id = alertId;
        a.incidentId = inc.id;
        a.level = Grades.name(level);
        a.detectedAtMillis = inc.asOf;
        a.detectedAt = DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(Instant.ofEpochMilli(inc.asOf).atZone(ZoneId.of(settings.zone)));
        a.rule = rule;
        a.reasons = new ArrayList<>(reasons);
        a.originPostId = inc.originPostId;
        a.evidencePostIds = evidence(inc);
        a.title = inc.title;
        a.keywords = inc.keywords == null ? new ArrayList<>() : new ArrayList<>(inc.keywords);
        a.status = status;
        a.sequence = sequence;
        a.postCount = inc.postCount;
        a.heat = inc.heat;
        a.rulesVersion = settings.version();
        return a;
    }

    /**
     * {@code alert-<incidentId>-<yyyyMMddHHmm of the opening tick>}: deterministic, and unique even
     * when an incident's state was cleared and the same incident id comes back later.
     */
    private String alertId(Incident inc) {
        return "alert-" + inc.id + "-" + DateTimeFormatter.ofPattern("yyyyMMddHHmm")
                .format(Instant.ofEpochMilli(inc.asOf).atZone(ZoneId.of(settings.zone)));
    }

    /** Origin, then the widest spreaders, then the most-followed authors' posts (no repeats). */
    private List<String> evidence(Incident inc) {
        Set<String> ids = new LinkedHashSet<>();
        if (inc.originPostId != null) ids.add(inc.originPostId);
        if (inc.topSpreaders != null) for (Spreader s : inc.topSpreaders) ids.add(s.postId);
        if (inc.influencers != null) for (Spreader s : inc.influencers) ids.add(s.postId);
        List<String> out = new ArrayList<>(ids);
        return out.size() <= settings.maxEvidence ? out : new ArrayList<>(out.subList(0, settings.maxEvidence));
    }
}
