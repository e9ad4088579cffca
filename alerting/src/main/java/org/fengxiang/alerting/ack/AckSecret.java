package org.fengxiang.alerting.ack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
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

    /** Reads the secret file, generating it first if it does not exist (owner-only permissions where supported). */
    static byte[] fromFile(Path file) throws IOException {
        if (!Files.exists(file)) {
            if (file.getParent() != null) Files.createDirectories(file.getParent());
            byte[] raw = new byte[32];
            new SecureRandom().nextBytes(raw);
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.deleteIfExists(tmp);
            Files.write(tmp, Base64.getEncoder().encode(raw), StandardOpenOption.CREATE_NEW);
            try {
                Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException notPosix) {
                // best effort on non-POSIX file systems
            }
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
