package org.fengxiang.alerting.mail;

import java.io.IOException;
import java.util.Optional;

/**
 * A durable record of which alert transitions were e-mailed, so restarts and replays never resend.
 * Protocol per transition: {@link #claim} (create-only, PENDING) → send → {@link #record} (SENT).
 */
public interface MailLedger extends AutoCloseable {
    /** The entry for a key, if any. */
    Optional<LedgerEntry> get(String key) throws IOException;

    /** Creates the entry only if the key is absent; false when it already exists. */
    boolean claim(LedgerEntry entry) throws IOException;

    /** Stores the entry, replacing any earlier state of the key. */
    void record(LedgerEntry entry) throws IOException;

    /** Every entry whose current status is the given one. */
    java.util.List<LedgerEntry> withStatus(String status) throws IOException;

    /** Entries sent at or after the instant (by {@link LedgerEntry#sentAt}); the escalation scan. */
    default java.util.List<LedgerEntry> sentSince(java.time.Instant since) throws IOException {
        return withStatus(LedgerEntry.SENT).stream()
                .filter(e -> e.sentAt != null && !java.time.Instant.parse(e.sentAt).isBefore(since)).toList();
    }

    @Override
    void close() throws IOException;
}
