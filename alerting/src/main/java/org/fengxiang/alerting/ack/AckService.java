package org.fengxiang.alerting.ack;

import java.io.IOException;
import java.time.Clock;
import java.util.Optional;
import org.fengxiang.alerting.mail.MailText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What the acknowledgement endpoint does, free of HTTP: verify the token, then show the confirmation
 * form (GET) or record the acknowledgement durably and mark it in Elasticsearch (POST).
 */
public final class AckService {
    private static final Logger LOG = LoggerFactory.getLogger(AckService.class);

    /** An HTTP-ready answer. */
    public record Answer(int status, String html) {}

    private final AckToken tokens;
    private final AckStore store;
    private final EsAckMarker marker;
    private final AckPages pages;
    private final Clock clock;

    /** {@code marker} may be null (no Elasticsearch). */
    public AckService(AckToken tokens, AckStore store, EsAckMarker marker, AckPages pages, Clock clock) {
        this.tokens = tokens;
        this.store = store;
        this.marker = marker;
        this.pages = pages;
        this.clock = clock;
    }

    /** GET: the confirmation form, or the existing acknowledgement. */
    public Answer show(String token) throws IOException {
        AckToken.Verified v = tokens.verify(token, clock.instant());
        if (v.status() != AckToken.Status.VALID) return refused(v.status());
        Optional<Acknowledgement> existing = store.covering(v.alertId(), v.sequence());
        if (existing.isPresent()) return new Answer(200, pages.acknowledged(existing.get(), true));
        return new Answer(200, pages.confirm(token, v.alertId(), v.sequence(), v.expiresAt()));
    }

    /** POST: records the acknowledgement (idempotent) and answers with the confirmation page. */
    public Answer acknowledge(String token, String by) throws IOException {
        AckToken.Verified v = tokens.verify(token, clock.instant());
        if (v.status() != AckToken.Status.VALID) return refused(v.status());
        boolean already = store.covering(v.alertId(), v.sequence()).isPresent();
        Acknowledgement ack = store.acknowledge(v.alertId(), v.sequence(), officer(by), clock.instant());
        if (!already) LOG.info("alert {}#{} acknowledged by {}", ack.alertId, ack.sequence, ack.acknowledgedBy);
        mark(ack);
        return new Answer(200, pages.acknowledged(ack, already));
    }

    /** Marks Elasticsearch; a failure is logged, the file store stays the truth and a later click retries. */
    private void mark(Acknowledgement ack) {
        if (marker == null) return;
        try {
            marker.mark(ack);
        } catch (IOException | RuntimeException e) {
            LOG.warn("acknowledgement of {}#{} recorded, but marking it in Elasticsearch failed: {}", ack.alertId, ack.sequence, e.toString());
        }
    }

    private Answer refused(AckToken.Status s) {
        int code = switch (s) {
            case EXPIRED -> 410;
            case BAD_SIGNATURE -> 403;
            default -> 400;
        };
        LOG.info("acknowledgement link refused: {}", s);
        return new Answer(code, pages.refused(s));
    }

    /** The officer's name as entered: control characters removed, at most 64 characters, a default when empty. */
    static String officer(String by) {
        String s = MailText.shorten(MailText.headerSafe(by), 64);
        return s.isEmpty() ? "邮件链接" : s;
    }
}
