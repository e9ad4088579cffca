package org.fengxiang.alerting.ack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;

/** Resolves the HMAC secret of acknowledgement links: the environment first, else a generated file. */
public final class AckSecret {
    /** Secrets shorter than this (in bytes) are refused. */
    static final int MIN_BYTES = 16;

    private AckSecret() {}

    /** From {@code env[settings.secretEnv]}, else the secret file (created with 32 random bytes when absent). */
    public static byte[] resolve(AckSettings settings, Map<String, String> env) throws IOException {
        String v = env.get(settings.secretEnv);
        if (v != null && !v.isBlank()) {
            byte[] b = v.strip().getBytes(StandardCharsets.UTF_8);
            if (b.length < MIN_BYTES) throw new IllegalArgumentException(settings.secretEnv + " must hold at least " + MIN_BYTES + " bytes");
            return b;
        }
        return fromFile(settings.secretPath());
    }

    /**
     * Reads the secret file, generating it first if it does not exist: written to a unique temporary
     * file created owner-only (where POSIX permissions exist), then moved into place, so a reader never
     * sees a partial secret and concurrent first starts agree on one secret.
     */
    static synchronized byte[] fromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            Path dir = file.toAbsolutePath().getParent();
            Files.createDirectories(dir);
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Path tmp;
            try {
                tmp = Files.createTempFile(dir, ".secret", ".tmp",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                tmp = Files.createTempFile(dir, ".secret", ".tmp");
            }
            Files.write(tmp, Base64.getEncoder().encode(raw));
            try {
                Files.move(tmp, file);
            } catch (FileAlreadyExistsException raced) {
                Files.deleteIfExists(tmp); // another process created it first: use theirs
            }
        }
        byte[] b = Base64.getDecoder().decode(Files.readString(file, StandardCharsets.US_ASCII).strip());
        if (b.length < MIN_BYTES) throw new IOException(file + ": acknowledgement secret too short");
        return b;
    }
}
