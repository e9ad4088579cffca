package org.fengxiang.alerting.ack;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring acknowledgement tokens: {@code base64url(alertId).sequence.expiryEpochSeconds.base64url(hmac)}
 * with HMAC-SHA256 over {@code "fx-ack-v1\n" + alertId + "\n" + sequence + "\n" + expiry}. Verification
 * checks the signature first (constant-time), then the expiry.
 */
public final class AckToken {
    private static final String ALG = "HmacSHA256";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private final byte[] secret;

    /** Outcome of a verification. */
    public enum Status { VALID, MALFORMED, BAD_SIGNATURE, EXPIRED }

    /** A verified (or refused) token; alert fields are set only when the signature is good. */
    public record Verified(Status status, String alertId, int sequence, Instant expiresAt) {}

    public AckToken(byte[] secret) {
        if (secret == null || secret.length < AckSecret.MIN_BYTES) throw new IllegalArgumentException("acknowledgement secret too short");
        this.secret = secret.clone();
    }

    /** The token for one alert transition, valid until {@code expiresAt} (whole seconds). */
    public String sign(String alertId, int sequence, Instant expiresAt) {
        long exp = expiresAt.getEpochSecond();
        return B64.encodeToString(alertId.getBytes(StandardCharsets.UTF_8)) + "." + sequence + "." + exp + "."
                + B64.encodeToString(mac(alertId, sequence, exp));
    }

    /** Verifies a token at instant {@code now}. */
    public Verified verify(String token, Instant now) {
        if (token == null || token.length() > 2048) return refused(Status.MALFORMED);
        String[] p = token.split("\\.", -1);
        if (p.length != 4) return refused(Status.MALFORMED);
        String alertId;
        int sequence;
        long exp;
        byte[] sig;
        try {
            alertId = new String(Base64.getUrlDecoder().decode(p[0]), StandardCharsets.UTF_8);
            sequence = Integer.parseInt(p[1]);
            exp = Long.parseLong(p[2]);
            sig = Base64.getUrlDecoder().decode(p[3]);
        } catch (IllegalArgumentException e) {
            return refused(Status.MALFORMED);
        }
        if (alertId.isBlank() || sequence < 1) return refused(Status.MALFORMED);
        if (!MessageDigest.isEqual(sig, mac(alertId, sequence, exp))) return refused(Status.BAD_SIGNATURE);
        Instant expiresAt = Instant.ofEpochSecond(exp);
        Status s = now.isBefore(expiresAt) ? Status.VALID : Status.EXPIRED;
        return new Verified(s, alertId, sequence, expiresAt);
    }

    private static Verified refused(Status s) {
        return new Verified(s, null, 0, null);
    }

    private byte[] mac(String alertId, int sequence, long exp) {
        try {
            Mac m = Mac.getInstance(ALG);
            m.init(new SecretKeySpec(secret, ALG));
            return m.doFinal(("fx-ack-v1\n" + alertId + "\n" + sequence + "\n" + exp).getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
