package org.fengxiang.alerting.mail;

import jakarta.mail.Address;
import jakarta.mail.Authenticator;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.PasswordAuthentication;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Date;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.fengxiang.alerting.es.Backoff;
import org.fengxiang.core.Alert;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Sends alert e-mails over SMTP (Jakarta Mail / Angus) with a deterministic Message-ID, retrying
 * with exponential backoff while the server is unreachable or answers 4xx. Permanent refusals (5xx,
 * every recipient invalid) raise {@link PermanentFailure} at once.
 */
public final class MailSender {
    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private final MailSettings settings;
    private final Session session;
    private final Backoff backoff;
    private final Backoff.Sleeper sleeper;

    /** A sender for the settings, the password from the process environment. */
    public MailSender(MailSettings settings) {
        this(settings, System.getenv(), Backoff.Sleeper.real());
    }

    /** A sender with an explicit environment and sleeper (tests). */
    public MailSender(MailSettings settings, Map<String, String> env, Backoff.Sleeper sleeper) {
        this.settings = settings.validate();
        this.session = session(settings, env);
        this.backoff = new Backoff(settings.initialBackoffMs, settings.maxBackoffMs);
        this.sleeper = sleeper;
    }

    /** {@code <sha256(alertId)[0..24].sequence@domain>}: the same transition always gets the same id. */
    public static String messageId(Alert a, String domain) {
        try {
            byte[] h = MessageDigest.getInstance("SHA-256").digest(String.valueOf(a.id).getBytes(StandardCharsets.UTF_8));
            String d = MailText.headerSafe(domain).replaceAll("[^A-Za-z0-9.-]", "");
            return "<fx." + HexFormat.of().formatHex(h).substring(0, 24) + "." + a.sequence + "@" + d + ">";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Builds the MIME message (multipart/alternative: text, then HTML). */
    public MimeMessage build(Alert a, RenderedMail mail, List<String> recipients) throws MessagingException {
        MimeMessage m = message(messageId(a, settings.messageIdDomain), mail, recipients, MailRouting.eventTime(a));
        m.setHeader("X-Fengxiang-Alert", MailText.headerSafe(a.id));
        m.setHeader("X-Fengxiang-Sequence", String.valueOf(a.sequence));
        m.setHeader("X-Fengxiang-Level", MailText.headerSafe(a.level));
        m.saveChanges();
        return m;
    }

    /** Builds a digest message; its Message-ID derives from the digest key. */
    public MimeMessage buildDigest(String digestKey, RenderedMail mail, List<String> recipients, Instant date)
            throws MessagingException {
        MimeMessage m = message(digestMessageId(digestKey), mail, recipients, date);
        m.setHeader("X-Fengxiang-Digest", MailText.headerSafe(digestKey));
        m.saveChanges();
        return m;
    }

    /** {@code <fx.digest.sha256(key)[0..24]@domain>}. */
    public String digestMessageId(String digestKey) {
        return keyedMessageId("digest", digestKey);
    }

    /** {@code <fx.<kind>.sha256(key)[0..24]@domain>}: the same ledger key always gets the same id. */
    public String keyedMessageId(String kind, String key) {
        Alert pseudo = new Alert();
        pseudo.id = key;
        return messageId(pseudo, settings.messageIdDomain).replace("<fx.", "<fx." + kind + ".").replace(".0@", "@");
    }

    /** Builds the escalation e-mail of step {@code step} for an unacknowledged alert transition. */
    public MimeMessage buildEscalation(Alert a, String key, int step, RenderedMail mail, List<String> recipients, Instant date)
            throws MessagingException {
        MimeMessage m = message(keyedMessageId("escalation", key), mail, recipients, date);
        m.setHeader("X-Fengxiang-Alert", MailText.headerSafe(a.id));
        m.setHeader("X-Fengxiang-Sequence", String.valueOf(a.sequence));
        m.setHeader("X-Fengxiang-Level", MailText.headerSafe(a.level));
        m.setHeader("X-Fengxiang-Escalation", String.valueOf(step));
        m.setHeader("Importance", "high");
        m.saveChanges();
        return m;
    }

    private MimeMessage message(String id, RenderedMail mail, List<String> recipients, Instant date)
            throws MessagingException {
        MimeMessage m = new FixedIdMessage(session, id);
        m.setFrom(parse(settings.from));
        for (String r : recipients) m.addRecipient(Message.RecipientType.TO, parse(r));
        m.setSubject(MailText.headerSafe(mail.subject()), "UTF-8");
        if (date != null) m.setSentDate(Date.from(date));
        MimeBodyPart text = new MimeBodyPart();
        text.setText(mail.text(), "UTF-8");
        MimeBodyPart html = new MimeBodyPart();
        html.setText(mail.html(), "UTF-8", "html");
        MimeMultipart alt = new MimeMultipart("alternative");
        alt.addBodyPart(text);
        alt.addBodyPart(html);
        m.setContent(alt);
        return m;
    }

    /** Sends, retrying transient failures; returns the addresses that accepted the message. */
    public List<String> send(MimeMessage m) throws MessagingException, InterruptedException {
        for (int attempt = 0; ; attempt++) {
            try {
                Transport.send(m);
                return addresses(m.getAllRecipients());
            } catch (SendFailedException e) {
                Address[] sent = e.getValidSentAddresses();
                if (sent != null && sent.length > 0) {
                    LOG.warn("mail {} not accepted for {}", m.getMessageID(), addresses(e.getInvalidAddresses()));
                    return addresses(sent);
                }
                if (permanent(e)) throw new PermanentFailure("SMTP refused " + m.getMessageID() + ": " + e.getMessage(), e);
                retryOrThrow(m, attempt, e);
            } catch (MessagingException e) {
                retryOrThrow(m, attempt, e);
            }
        }
    }

    /** Writes the message as {@code <dir>/<name>.eml}. */
    public static Path save(MimeMessage m, Path dir, String name) throws IOException, MessagingException {
        Files.createDirectories(dir);
        Path f = dir.resolve(name.replaceAll("[^A-Za-z0-9._-]", "_") + ".eml");
        try (OutputStream out = Files.newOutputStream(f)) {
            m.writeTo(out);
        }
        return f;
    }

    private void retryOrThrow(MimeMessage m, int attempt, MessagingException e) throws MessagingException, InterruptedException {
        if (attempt + 1 >= settings.maxAttempts) throw e;
        long ms = backoff.delayMs(attempt);
        LOG.warn("mail {} attempt {} failed ({}); retrying in {} ms", m.getMessageID(), attempt + 1, e.getMessage(), ms);
        sleeper.sleep(ms);
    }

    private static boolean permanent(SendFailedException e) {
        if (e instanceof SMTPSendFailedException s && s.getReturnCode() >= 500) return true;
        Address[] invalid = e.getInvalidAddresses();
        Address[] unsent = e.getValidUnsentAddresses();
        return invalid != null && invalid.length > 0 && (unsent == null || unsent.length == 0);
    }

    private static List<String> addresses(Address[] a) {
        return a == null ? List.of() : java.util.Arrays.stream(a).map(Address::toString).toList();
    }

    private static InternetAddress parse(String address) throws AddressException {
        InternetAddress a = new InternetAddress(MailText.headerSafe(address), true);
        try {
            if (a.getPersonal() != null) a.setPersonal(a.getPersonal(), "UTF-8");
        } catch (java.io.UnsupportedEncodingException e) {
            throw new AddressException(e.getMessage());
        }
        return a;
    }

    private static Session session(MailSettings s, Map<String, String> env) {
        Properties p = new Properties();
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", s.host);
        p.put("mail.smtp.port", String.valueOf(s.port));
        p.put("mail.smtp.connectiontimeout", String.valueOf(s.connectTimeoutMs));
        p.put("mail.smtp.timeout", String.valueOf(s.timeoutMs));
        p.put("mail.smtp.writetimeout", String.valueOf(s.timeoutMs));
        p.put("mail.smtp.sendpartial", "true");
        p.put("mail.mime.charset", "UTF-8");
        if ("starttls".equals(s.security)) {
            p.put("mail.smtp.starttls.enable", "true");
            p.put("mail.smtp.starttls.required", "true");
        } else if ("tls".equals(s.security)) {
            p.put("mail.smtp.ssl.enable", "true");
        }
        if (!"none".equals(s.security)) {
            p.put("mail.smtp.ssl.checkserveridentity", String.valueOf(!s.trustAllHosts));
            if (s.trustAllHosts) p.put("mail.smtp.ssl.trust", s.host);
        }
        Authenticator auth = null;
        if (s.username != null && !s.username.isBlank()) {
            p.put("mail.smtp.auth", "true");
            String user = s.username;
            String password = s.password(env);
            auth = new Authenticator() {
                @Override
                protected PasswordAuthentication getPasswordAuthentication() {
                    return new PasswordAuthentication(user, password == null ? "" : password);
                }
            };
        }
        return Session.getInstance(p, auth);
    }

    /** The server refused the message permanently; retrying will not help. */
    public static final class PermanentFailure extends MessagingException {
        PermanentFailure(String message, Exception cause) {
            super(message, cause);
        }
    }

    /** A message whose Message-ID is fixed instead of generated on save. */
    private static final class FixedIdMessage extends MimeMessage {
        private final String id;

        FixedIdMessage(Session session, String id) {
            super(session);
            this.id = id;
        }

        @Override
        protected void updateMessageID() throws MessagingException {
            setHeader("Message-ID", id);
        }
    }
}
