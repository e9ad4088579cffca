package org.fengxiang.alerting.ack;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.fengxiang.core.Alert;

/** Builds the acknowledgement link of an alert transition: {@code <baseUrl>/ack?t=<token>}, valid for {@code validHours}. */
public final class AckLinks {
    private final AckToken tokens;
    private final String baseUrl;
    private final Duration validity;

    public AckLinks(AckSettings settings, AckToken tokens) {
        this.tokens = tokens;
        String b = settings.baseUrl.strip();
        this.baseUrl = b.endsWith("/") ? b.substring(0, b.length() - 1) : b;
        this.validity = Duration.ofHours(settings.validHours);
    }

    /** The link for the transition, issued at {@code issuedAt} (the time the e-mail is sent). */
    public String url(Alert a, Instant issuedAt) {
        return baseUrl + "/ack?t=" + URLEncoder.encode(tokens.sign(a.id, a.sequence, expiry(issuedAt)), StandardCharsets.UTF_8);
    }

    /** When a link issued at the instant expires. */
    public Instant expiry(Instant issuedAt) {
        return issuedAt.plus(validity).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
    }

    /** How long links stay valid. */
    public Duration validity() {
        return validity;
    }
}
