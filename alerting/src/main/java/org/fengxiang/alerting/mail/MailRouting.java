package org.fengxiang.alerting.mail;

import java.time.Instant;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.fengxiang.core.Alert;

/** Who gets an alert e-mail, and whether it falls in quiet hours (by the alert's event time). */
public final class MailRouting {
    private final MailSettings settings;

    public MailRouting(MailSettings settings) {
        this.settings = settings;
    }

    /** Recipients by level plus matching routes, without duplicates, in configuration order. */
    public List<String> recipients(Alert alert, List<String> regions) {
        Set<String> out = new LinkedHashSet<>();
        List<String> byLevel = settings.recipients.get(alert.level);
        if (byLevel != null) out.addAll(byLevel);
        int rank = Alert.rank(alert.level);
        for (MailSettings.Route r : settings.routes) {
            if (rank < Alert.rank(r.minLevel)) continue;
            boolean kw = alert.keywords != null && alert.keywords.stream().anyMatch(r.keywords::contains);
            boolean region = regions != null && regions.stream().anyMatch(r.regions::contains);
            if (kw || region) out.addAll(r.recipients);
        }
        List<String> clean = new ArrayList<>();
        for (String a : out) {
            if (a != null && !a.isBlank()) clean.add(MailText.headerSafe(a.trim()));
        }
        return clean;
    }

    /** True when the alert is not red and its event time falls in the quiet hours. */
    public boolean quiet(Alert alert) {
        if (Alert.RED.equals(alert.level)) return false;
        Instant t = eventTime(alert);
        return t != null && inQuietHours(t);
    }

    /** True when quiet hours are configured and the instant falls in them (local time in the zone). */
    public boolean inQuietHours(Instant t) {
        if (settings.quietHours == null) return false;
        LocalTime local = t.atZone(ZoneId.of(settings.zone)).toLocalTime();
        LocalTime start = LocalTime.parse(settings.quietHours.start);
        LocalTime end = LocalTime.parse(settings.quietHours.end);
        if (start.equals(end)) return false;
        return start.isBefore(end) ? !local.isBefore(start) && local.isBefore(end)
                : !local.isBefore(start) || local.isBefore(end);
    }

    /**
     * When a held transition is released into a digest, or null to send it now: levels in
     * {@code digestLevels} wait for the next {@code digestTime}; other non-red transitions in quiet
     * hours wait for the end of the quiet hours.
     */
    public Instant releaseAt(Alert alert) {
        Instant t = eventTime(alert);
        if (t == null || Alert.RED.equals(alert.level)) return null;
        if (settings.digestLevels.contains(alert.level)) return next(t, LocalTime.parse(settings.digestTime));
        if (quiet(alert)) return next(t, LocalTime.parse(settings.quietHours.end));
        return null;
    }

    /** The first instant strictly after {@code t} whose local time is {@code at}. */
    Instant next(Instant t, LocalTime at) {
        ZoneId zone = ZoneId.of(settings.zone);
        var local = t.atZone(zone);
        var candidate = local.toLocalDate().atTime(at).atZone(zone);
        if (!candidate.toInstant().isAfter(t)) candidate = local.toLocalDate().plusDays(1).atTime(at).atZone(zone);
        return candidate.toInstant();
    }

    /** The alert's event time, from {@code detectedAtMillis} or {@code detectedAt}. */
    static Instant eventTime(Alert a) {
        if (a.detectedAtMillis > 0) return Instant.ofEpochMilli(a.detectedAtMillis);
        if (a.detectedAt == null) return null;
        try {
            return OffsetDateTime.parse(a.detectedAt).toInstant();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
