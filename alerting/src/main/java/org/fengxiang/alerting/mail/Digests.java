package org.fengxiang.alerting.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;

/**
 * Digests: transitions held in the ledger (quiet hours, digest-only levels) are e-mailed together,
 * one digest per recipient, with the first alert whose event time reaches their release time. Same ledger protocol
 * as single alerts, keyed {@code digest#<hash of the held keys>#<recipient>}, then every held entry
 * is marked {@code digested}.
 */
final class Digests {
    private final MailSettings settings;
    private final AlertMailRenderer renderer;
    private final MailSender sender;
    private final MailLedger ledger;
    private final AlertMailer.MailStats stats;

    Digests(MailSettings settings, AlertMailRenderer renderer, MailSender sender, MailLedger ledger,
            AlertMailer.MailStats stats) {
        this.settings = settings;
        this.renderer = renderer;
        this.sender = sender;
        this.ledger = ledger;
        this.stats = stats;
    }

    /** Sends the digest of every held transition whose release time is at or before {@code now} (event time). */
    void sendDue(Instant now) throws IOException, MessagingException, InterruptedException {
        List<LedgerEntry> held = new ArrayList<>();
        for (LedgerEntry e : ledger.withStatus(LedgerEntry.HELD)) {
            if (e.releaseAt != null && !Instant.parse(e.releaseAt).isAfter(now)) held.add(e);
        }
        if (held.isEmpty()) return;
        String batch = hash(held.stream().map(e -> e.key).sorted().toList());
        Map<String, List<Alert>> byRecipient = new TreeMap<>();
        for (LedgerEntry e : held) {
            for (String r : e.recipients) byRecipient.computeIfAbsent(r, k -> new ArrayList<>()).add(Json.read(e.alert, Alert.class));
        }
        for (Map.Entry<String, List<Alert>> r : byRecipient.entrySet()) {
            send("digest#" + batch + "#" + r.getKey(), r.getKey(), r.getValue(), now);
        }
        for (LedgerEntry e : held) {
            e.status = LedgerEntry.DIGESTED;
            e.detail = "digest " + batch;
            ledger.record(e);
        }
    }

    private void send(String key, String recipient, List<Alert> alerts, Instant now)
            throws IOException, MessagingException, InterruptedException {
        Optional<LedgerEntry> existing = ledger.get(key);
        if (existing.isPresent() && existing.get().done()) return;
        LedgerEntry entry = new LedgerEntry();
        entry.key = key;
        entry.status = LedgerEntry.PENDING;
        entry.messageId = sender.digestMessageId(key);
        entry.recipients = List.of(recipient);
        entry.detectedAt = now.toString();
        if (existing.isEmpty()) ledger.claim(entry);
        RenderedMail mail = renderer.renderDigest(alerts);
        MimeMessage m = sender.buildDigest(key, mail, List.of(recipient), now);
        try {
            sender.send(m);
            entry.status = LedgerEntry.SENT;
        } catch (MailSender.PermanentFailure e) {
            entry.status = LedgerEntry.FAILED;
            entry.detail = e.getMessage();
        }
        ledger.record(entry);
        if (LedgerEntry.SENT.equals(entry.status)) {
            stats.digests++;
            if (settings.saveDir != null && !settings.saveDir.isBlank()) {
                MailSender.save(m, java.nio.file.Path.of(settings.saveDir), key.replace('#', '-'));
            }
        }
    }

    private static String hash(List<String> keys) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            for (String k : keys) md.update((k + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md.digest()).substring(0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
