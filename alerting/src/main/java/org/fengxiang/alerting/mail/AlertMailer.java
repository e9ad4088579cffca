package org.fengxiang.alerting.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.fengxiang.alerting.es.AlertMapper;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers one e-mail per alert transition ({@code id#sequence}), at most once per ledger entry:
 * ledger lookup → routing/quiet hours → claim (PENDING) → render and send with retries → SENT.
 * A transition found PENDING (a crash between claim and SENT) is sent again with the same
 * Message-ID. Free of Flink types; {@link AlertMailSink} wraps it.
 */
public final class AlertMailer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AlertMailer.class);

    /** What happened to one alert transition. */
    public enum Outcome { SENT, DUPLICATE, HELD_FOR_DIGEST, NO_RECIPIENTS, FAILED, DISABLED }

    private final MailSettings settings;
    private final MailRouting routing;
    private final AlertMailRenderer renderer;
    private final MailSender sender;
    private final MailLedger ledger;
    private final AlertContextLookup lookup;
    private final MailStats stats = new MailStats();
    private final Digests digests;
    private java.time.Clock clock = java.time.Clock.systemUTC();
    private org.fengxiang.alerting.ack.AckLinks links;
    private org.fengxiang.alerting.ack.AckStore acks;

    public AlertMailer(MailSettings settings, AlertMailRenderer renderer, MailSender sender, MailLedger ledger,
            AlertContextLookup lookup) {
        this.settings = settings;
        this.routing = new MailRouting(settings);
        this.renderer = renderer;
        this.sender = sender;
        this.ledger = ledger;
        this.lookup = lookup == null ? AlertContextLookup.none() : lookup;
        this.digests = new Digests(settings, renderer, sender, ledger, stats);
    }

    /**
     * Puts acknowledgement links into every alert e-mail and lets acknowledgements in {@code acks}
     * stop escalation (either may be null); returns this.
     */
    public AlertMailer withAcknowledgement(org.fengxiang.alerting.ack.AckLinks links, org.fengxiang.alerting.ack.AckStore acks) {
        this.links = links;
        this.acks = acks;
        return this;
    }

    /** The processing-time clock for link expiry and escalation (tests pass a fixed one); returns this. */
    public AlertMailer withClock(java.time.Clock clock) {
        this.clock = clock;
        return this;
    }

    /**
     * Sends the escalation e-mails due now for unacknowledged alerts (see {@link Escalations}); returns
     * how many were sent. Throws like {@link #deliver} when the SMTP server stays unreachable.
     */
    public int escalateDue() throws IOException, MessagingException, InterruptedException {
        if (!settings.enabled) return 0;
        return new Escalations(settings, renderer, sender, ledger, acks, links).runDue(clock.instant(), lookup, stats);
    }

    /** Counters. */
    public MailStats stats() {
        return stats;
    }

    /** Handles one alert transition; throws when the SMTP server stays unreachable past all retries. */
    public Outcome deliver(Alert a) throws IOException, MessagingException, InterruptedException {
        if (!settings.enabled) {
            stats.disabled++;
            return Outcome.DISABLED;
        }
        if (a.id == null || a.id.isBlank()) throw new IllegalArgumentException("alert without id: " + a);
        Instant t = MailRouting.eventTime(a);
        if (t != null) digests.sendDue(t);
        String key = AlertMapper.transitionId(a);
        Optional<LedgerEntry> existing = ledger.get(key);
        if (existing.isPresent() && existing.get().done()) {
            stats.duplicates++;
            return Outcome.DUPLICATE;
        }
        AlertContext ctx = context(a);
        List<String> to = routing.recipients(a, ctx.incident == null ? List.of() : ctx.incident.regions);
        String messageId = MailSender.messageId(a, settings.messageIdDomain);
        if (to.isEmpty()) {
            ledger.record(LedgerEntry.of(a, LedgerEntry.SUPPRESSED, messageId, to, "no recipients for level " + a.level));
            stats.suppressed++;
            return Outcome.NO_RECIPIENTS;
        }
        Instant release = routing.releaseAt(a);
        if (release != null) {
            LedgerEntry held = LedgerEntry.of(a, LedgerEntry.HELD, messageId, to,
                    settings.digestLevels.contains(a.level) ? "daily digest" : "quiet hours");
            held.releaseAt = release.toString();
            held.alert = Json.write(a);
            ledger.record(held);
            stats.held++;
            return Outcome.HELD_FOR_DIGEST;
        }
        if (existing.isEmpty() && !ledger.claim(LedgerEntry.of(a, LedgerEntry.PENDING, messageId, to, null))) {
            Optional<LedgerEntry> now = ledger.get(key);
            if (now.isPresent() && now.get().done()) {
                stats.duplicates++;
                return Outcome.DUPLICATE;
            }
        }
        if (existing.isPresent()) stats.resumed++;
        return send(a, ctx, to);
    }

    private Outcome send(Alert a, AlertContext ctx, List<String> to)
            throws IOException, MessagingException, InterruptedException {
        Instant now = clock.instant();
        RenderedMail mail = renderer.render(a, ctx, links == null ? null : links.url(a, now));
        MimeMessage m = sender.build(a, mail, to);
        List<String> accepted;
        try {
            accepted = sender.send(m);
        } catch (MailSender.PermanentFailure e) {
            ledger.record(LedgerEntry.of(a, LedgerEntry.FAILED, m.getMessageID(), to, e.getMessage()));
            stats.failed++;
            LOG.error("alert mail {} refused permanently: {}", m.getMessageID(), e.getMessage());
            return Outcome.FAILED;
        }
        LedgerEntry sent = LedgerEntry.of(a, LedgerEntry.SENT, m.getMessageID(), accepted, null);
        sent.sentAt = now.toString();
        if (settings.escalation.applies(a.level)) sent.alert = Json.write(a);
        ledger.record(sent);
        stats.sent++;
        if (settings.saveDir != null && !settings.saveDir.isBlank()) {
            MailSender.save(m, Path.of(settings.saveDir), a.id + "-" + a.sequence);
        }
        return Outcome.SENT;
    }

    private AlertContext context(Alert a) {
        try {
            return lookup.lookup(a);
        } catch (IOException | RuntimeException e) {
            LOG.warn("no context for alert {}: {}", a.id, e.toString());
            return AlertContext.empty();
        }
    }

    @Override
    public void close() throws IOException {
        try {
            ledger.close();
        } finally {
            lookup.close();
        }
    }

    /** Counters of a mailer. */
    public static final class MailStats {
        volatile long sent;
        volatile long duplicates;
        volatile long suppressed;
        volatile long failed;
        volatile long disabled;
        volatile long resumed;
        volatile long held;
        volatile long digests;
        volatile long escalations;

        public long sent() {
            return sent;
        }

        /** Transitions skipped because the ledger shows them done. */
        public long duplicates() {
            return duplicates;
        }

        /** No recipients. */
        public long suppressed() {
            return suppressed;
        }

        /** Permanently refused by the server. */
        public long failed() {
            return failed;
        }

        /** Dropped because mail is disabled. */
        public long disabled() {
            return disabled;
        }

        /** Non-red transitions held back for a digest (quiet hours, digest-only levels). */
        public long held() {
            return held;
        }

        /** Digest e-mails sent. */
        public long digests() {
            return digests;
        }

        /** Escalation e-mails sent for unacknowledged alerts. */
        public long escalations() {
            return escalations;
        }

        /** Transitions found PENDING (interrupted earlier) and sent again. */
        public long resumed() {
            return resumed;
        }
    }
}
