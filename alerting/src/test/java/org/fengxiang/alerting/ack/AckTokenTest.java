package org.fengxiang.alerting.ack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class AckTokenTest {
    static final byte[] SECRET = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.UTF_8);
    final AckToken tokens = new AckToken(SECRET);
    final Instant now = Instant.parse("2026-11-20T06:00:00Z");

    @Test
    void aSignedTokenVerifiesUntilItExpires() {
        String t = tokens.sign("alert-weibo:1-202611201400", 3, now.plusSeconds(3600));
        AckToken.Verified v = tokens.verify(t, now);
        assertThat(v.status()).isEqualTo(AckToken.Status.VALID);
        assertThat(v.alertId()).isEqualTo("alert-weibo:1-202611201400");
        assertThat(v.sequence()).isEqualTo(3);
        assertThat(tokens.verify(t, now.plusSeconds(3599)).status()).isEqualTo(AckToken.Status.VALID);
        assertThat(tokens.verify(t, now.plusSeconds(3600)).status()).isEqualTo(AckToken.Status.EXPIRED);
    }

    @Test
    void anyChangedPartBreaksTheSignature() {
        String t = tokens.sign("a1", 1, now.plusSeconds(60));
        String[] p = t.split("\\.");
        String otherAlert = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString("a2".getBytes(StandardCharsets.UTF_8));
        assertThat(tokens.verify(otherAlert + "." + p[1] + "." + p[2] + "." + p[3], now).status()).isEqualTo(AckToken.Status.BAD_SIGNATURE);
        assertThat(tokens.verify(p[0] + ".2." + p[2] + "." + p[3], now).status()).isEqualTo(AckToken.Status.BAD_SIGNATURE);
        long later = Long.parseLong(p[2]) + 86_400;
        assertThat(tokens.verify(p[0] + "." + p[1] + "." + later + "." + p[3], now).status()).isEqualTo(AckToken.Status.BAD_SIGNATURE);
        char c = p[3].charAt(5);
        String flipped = p[3].substring(0, 5) + (c == 'A' ? 'B' : 'A') + p[3].substring(6);
        assertThat(tokens.verify(p[0] + "." + p[1] + "." + p[2] + "." + flipped, now).status()).isEqualTo(AckToken.Status.BAD_SIGNATURE);
        // an expired token with a forged signature is reported as forged, not as expired
        assertThat(tokens.verify(p[0] + "." + p[1] + "." + p[2] + "." + flipped, now.plusSeconds(999_999)).status())
                .isEqualTo(AckToken.Status.BAD_SIGNATURE);
        AckToken otherKey = new AckToken("another-secret-another-secret-xx".getBytes(StandardCharsets.UTF_8));
        assertThat(otherKey.verify(t, now).status()).isEqualTo(AckToken.Status.BAD_SIGNATURE);
    }

    @Test
    void garbageIsMalformed() {
        for (String bad : new String[] {null, "", "abc", "a.b.c", "a.b.c.d.e", "YTE.x.1.AAAA", "YTE.0.1.AAAA", "!!.1.1.AAAA",
                "YTE.1.1.%%%", "x".repeat(3000)}) {
            assertThat(tokens.verify(bad, now).status()).as(String.valueOf(bad)).isEqualTo(AckToken.Status.MALFORMED);
        }
    }

    @Test
    void shortSecretsAreRefused() {
        assertThatThrownBy(() -> new AckToken("short".getBytes(StandardCharsets.UTF_8))).isInstanceOf(IllegalArgumentException.class);
    }
}
