package org.fengxiang.alerting.ack;

import java.io.Serializable;
import java.nio.file.Path;
import org.fengxiang.alerting.mail.MailText;
import org.fengxiang.core.Resources;

/**
 * Acknowledgement links ({@code mail.ack}): every alert e-mail carries a signed link valid for
 * {@link #validHours}; the endpoint listens on {@link #bind}:{@link #port}. The signing secret comes
 * from the environment variable {@link #secretEnv}, else from {@link #secretFile} (generated once).
 */
public class AckSettings implements Serializable {
    public boolean enabled = true;
    /** Base URL of the links as officers' browsers reach the endpoint (a reverse proxy in production). */
    public String baseUrl = "http://127.0.0.1:18089";
    public String bind = "127.0.0.1";
    /** 0 picks a free port (tests). */
    public int port = 18089;
    public long validHours = 24;
    public String secretEnv = "FENGXIANG_ACK_SECRET";
    /** Relative paths resolve against the project home. */
    public String secretFile = "var/ack/secret";
    /** The durable acknowledgement store (JSON lines, appended and forced to disk). */
    public String storeFile = "var/ack/acks.jsonl";

    public AckSettings() {}

    /** Checks the values; throws {@link IllegalArgumentException} naming the key. */
    public AckSettings validate() {
        if (!enabled) return this;
        if (MailText.safeUrl(baseUrl) == null) throw new IllegalArgumentException("mail.ack.baseUrl must be an http(s) URL: " + baseUrl);
        if (bind == null || bind.isBlank()) throw new IllegalArgumentException("mail.ack.bind must be set");
        if (port < 0 || port > 65535) throw new IllegalArgumentException("mail.ack.port out of range: " + port);
        if (validHours < 1) throw new IllegalArgumentException("mail.ack.validHours must be >= 1");
        if (storeFile == null || storeFile.isBlank() || secretFile == null || secretFile.isBlank()) {
            throw new IllegalArgumentException("mail.ack.storeFile and mail.ack.secretFile must be set");
        }
        return this;
    }

    /** The store file (relative to the project home unless absolute). */
    public Path storePath() {
        return resolve(storeFile);
    }

    /** The generated-secret file (relative to the project home unless absolute). */
    public Path secretPath() {
        return resolve(secretFile);
    }

    static Path resolve(String p) {
        Path path = Path.of(p);
        return path.isAbsolute() ? path : Resources.home().resolve(path);
    }
}
