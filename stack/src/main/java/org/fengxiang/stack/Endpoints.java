package org.fengxiang.stack;

import java.nio.file.Path;

/**
 * Where the services of a started stack listen. A field is null (ports 0) for a service that was not started.
 *
 * @param kafkaBootstrap   {@code 127.0.0.1:PORT}
 * @param elasticsearchUrl {@code http://127.0.0.1:PORT}
 * @param smtpHost         {@code 127.0.0.1}
 * @param smtpPort         SMTP port (no authentication, no TLS)
 * @param imapPort         IMAP port (any user name/password is accepted)
 * @param mailDir          the directory receiving every message as {@code mail-NNNNNN.eml}
 * @param dataDir          the stack's data directory (logs under {@code logs/})
 */
public record Endpoints(String kafkaBootstrap, String elasticsearchUrl, String smtpHost, int smtpPort, int imapPort,
        Path mailDir, Path dataDir) {

    /** True if the given service is part of these endpoints. */
    public boolean has(Service s) {
        return switch (s) {
            case KAFKA -> kafkaBootstrap != null;
            case ELASTICSEARCH -> elasticsearchUrl != null;
            case MAIL -> smtpHost != null;
        };
    }
}
