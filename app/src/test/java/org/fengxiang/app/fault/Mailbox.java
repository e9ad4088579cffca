package org.fengxiang.app.fault;

import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/** The alert e-mails the embedded SMTP server received (its {@code .eml} files), counted per alert transition. */
final class Mailbox {
    private Mailbox() {}

    /** {@code alertId#sequence} → number of e-mails received, for the alerts whose id is in {@code alertIds}. */
    static Map<String, Integer> perTransition(Path mailDir, Set<String> alertIds) {
        Map<String, Integer> out = new TreeMap<>();
        messageIds(mailDir, alertIds).forEach((t, ids) -> out.put(t, ids.size()));
        return out;
    }

    /** {@code alertId#sequence} → the Message-IDs of the e-mails received for it, in file order. */
    static Map<String, List<String>> messageIds(Path mailDir, Set<String> alertIds) {
        Map<String, List<String>> out = new TreeMap<>();
        if (mailDir == null || !Files.isDirectory(mailDir)) return out;
        Session session = Session.getInstance(new Properties());
        try (Stream<Path> files = Files.list(mailDir)) {
            for (Path f : files.filter(p -> p.getFileName().toString().matches("mail-\\d+\\.eml")).sorted().toList()) {
                try (InputStream in = Files.newInputStream(f)) {
                    MimeMessage m = new MimeMessage(session, in);
                    String alert = m.getHeader("X-Fengxiang-Alert", null);
                    if (alert == null || !alertIds.contains(alert)) continue;
                    out.computeIfAbsent(alert + "#" + m.getHeader("X-Fengxiang-Sequence", null), k -> new ArrayList<>())
                            .add(m.getMessageID());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
