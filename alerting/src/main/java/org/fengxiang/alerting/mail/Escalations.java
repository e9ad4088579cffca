package org.fengxiang.alerting.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fengxiang.alerting.ack.AckLinks;
import org.fengxiang.alerting.ack.AckStore;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Escalation of unacknowledged alerts, driven by the ledger: every transition e-mailed (SENT) at an
 * escalating level, still the alert's latest transition, opening or raising it, and not covered by an
 * acknowledgement, is e-mailed to step {@code k}'s recipients once {@code afterMinutes} have passed
 * since it was sent, while its acknowledgement link is still valid. Each step is one ledger entry
 * {@code escalation#<alertId>#<sequence>#<k>} (same claim → send → sent protocol as alerts), so a
 * step is e-mailed at most once, also across restarts. Timing is processing time: this is a delivery
 * decision about people, not a detection decision.
 */
final class Escalations {
    private static final Logger LOG = LoggerFactory.getLogger(Escalations.class);
    private final MailSettings settings;
    private final AlertMailRenderer renderer;
    private final MailSender sender;
    private final MailLedger ledger;
    private final AckStore acks;
    private final AckLinks links;
    private final Duration window;

    /** {@code acks} and {@code links} may be null (acknowledgements off: every step fires). */
    Escalations(MailSettings settings, AlertMailRenderer renderer, MailSender sender, MailLedger ledger, AckStore acks,
                AckLinks links) {
        this.settings = settings;
        this.renderer = renderer;
        this.sender = sender;
        this.ledger = ledger;
        this.acks = acks;
        this.links = links;
        this.window = Duration.ofHours(settings.ack.validHours);
    }

    /** The ledger key of one escalation step. */
    static String key(String alertId, int sequence, int step) {
        return "escalation#" + alertId + "#" + sequence + "#" + step;
    }

    /** Sends every escalation step due at {@code now}; returns how many e-mails were sent. */
    int runDue(Instant now, AlertContextLookup lookup, AlertMailer.MailStats stats)
            throws IOException, MessagingException, InterruptedException {
        if (!settings.escalation.enabled || settings.escalation.steps.isEmpty()) return 0;
        int sent = 0;
        for (LedgerEntry e : ledger.sentSince(now.minus(window))) {
            Alert a = candidate(e);
            if (a == null || superseded(a) || acknowledged(a)) continue;
            Instant sentAt = Instant.parse(e.sentAt);
            List<EscalationSettings.Step> steps = settings.escalation.steps;
            for (int k = 1; k <= steps.size(); k++) {
                EscalationSettings.Step step = steps.get(k - 1);
                if (now.isBefore(sentAt.plus(Duration.ofMinutes(step.afterMinutes)))) break;
                if (send(a, k, step, Duration.between(sentAt, now), e.recipients, lookup, now)) {
                    sent++;
                    stats.escalations++;
                }
            }
        }
        return sent;
    }

    /** The alert of a sent transition that may escalate, or null. */
    private Alert candidate(LedgerEntry e) {
        if (e.alert == null || e.sentAt == null || e.key == null || !e.key.equals(e.alertId + "#" + e.sequence)) return null;
        if (!settings.escalation.applies(e.level)) return null;
        Alert a = Json.read(e.alert, Alert.class);
        return "open".equals(a.status) || "escalated".equals(a.status) ? a : null;
    }

    /** A later transition of the same alert (sent, held, suppressed…) replaces this one. */
    private boolean superseded(Alert a) throws IOException {
        return ledger.get(a.id + "#" + (a.sequence + 1)).isPresent();
    }

    private boolean acknowledged(Alert a) throws IOException {
        return acks != null && acks.covering(a.id, a.sequence).isPresent();
    }

    private boolean send(Alert a, int k, EscalationSettings.Step step, Duration unacknowledged, List<String> originalTo,
                         AlertContextLookup lookup, Instant now) throws IOException, MessagingException, InterruptedException {
        String key = key(a.id, a.sequence, k);
        Optional<LedgerEntry> existing = ledger.get(key);
        if (existing.isPresent() && existing.get().done()) return false;
        LedgerEntry entry = LedgerEntry.of(a, LedgerEntry.PENDING, sender.keyedMessageId("escalation", key),
                step.recipients.stream().map(MailText::headerSafe).toList(), "escalation step " + k);
        entry.key = key;
        if (existing.isEmpty() && !ledger.claim(entry)) return false;
        AlertContext ctx = context(a, lookup);
        String ackUrl = links == null ? null : links.url(a, now);
        RenderedMail mail = renderer.renderEscalation(a, ctx, k, unacknowledged.toMinutes(), originalTo, ackUrl);
        MimeMessage m = sender.buildEscalation(a, key, k, mail, entry.recipients, now);
        try {
            entry.recipients = sender.send(m);
            entry.status = LedgerEntry.SENT;
            entry.sentAt = now.toString();
        } catch (MailSender.PermanentFailure f) {
            entry.status = LedgerEntry.FAILED;
            entry.detail = f.getMessage();
        }
        ledger.record(entry);
        LOG.info("alert {}#{} unacknowledged for {} min: escalation step {} {}", a.id, a.sequence, unacknowledged.toMinutes(),
                k, entry.status);
        if (LedgerEntry.SENT.equals(entry.status) && settings.saveDir != null && !settings.saveDir.isBlank()) {
            MailSender.save(m, java.nio.file.Path.of(settings.saveDir), key.replace('#', '-'));
        }
        return LedgerEntry.SENT.equals(entry.status);
    }

    private static AlertContext context(Alert a, AlertContextLookup lookup) {
        try {
            return lookup.lookup(a);
        } catch (IOException | RuntimeException e) {
            return AlertContext.empty();
        }
    }
}
