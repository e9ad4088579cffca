package org.fengxiang.analytics.text;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Keyed HMAC-SHA256 pseudonyms for author ids: stable per key, not reversible without it. Thread-safe. */
public final class Pseudonymiser {
    private static final String ALGORITHM = "HmacSHA256";
    private final SecretKeySpec key;
    private final ThreadLocal<Mac> macs;

    /** A pseudonymiser with the given secret key (at least 16 bytes). */
    public Pseudonymiser(byte[] secret) {
        if (secret == null || secret.length < 16) {
            throw new IllegalArgumentException("pseudonymisation key must have at least 16 bytes");
        }
        this.key = new SecretKeySpec(secret.clone(), ALGORITHM);
        this.macs = ThreadLocal.withInitial(this::newMac);
    }

    /** A pseudonymiser keyed from an environment variable; fails when it is missing or too short. */
    public static Pseudonymiser fromEnv(String variable) {
        String v = System.getenv(variable);
        if (v == null || v.isBlank()) {
            throw new IllegalStateException("author pseudonymisation is on but environment variable " + variable + " is not set");
        }
        return new Pseudonymiser(v.getBytes(StandardCharsets.UTF_8));
    }

    /** The pseudonym of an id: {@code "anon:"} and 24 hex digits; null stays null. */
    public String pseudonym(String id) {
        if (id == null) return null;
        byte[] h = macs.get().doFinal(id.getBytes(StandardCharsets.UTF_8));
        return "anon:" + HexFormat.of().formatHex(h, 0, 12);
    }

    private Mac newMac() {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC not available", e);
        }
    }
}
