package org.fengxiang.stack;

import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * What {@link StackControl#status} found under a data directory.
 *
 * @param dataDir   the data directory
 * @param endpoints the recorded endpoints, or null if no stack was started there
 * @param pids      the recorded pid of each service that has a pid file
 * @param alive     the services whose recorded JVM is running
 */
public record StackStatus(Path dataDir, Endpoints endpoints, Map<Service, Long> pids, Set<Service> alive) {

    /** True if a stack is recorded and every recorded service is alive. */
    public boolean running() {
        return endpoints != null && !pids.isEmpty() && alive.containsAll(pids.keySet());
    }

    /** A few human-readable lines for the CLI. */
    public String describe() {
        StringBuilder b = new StringBuilder("stack in ").append(dataDir).append(": ");
        if (pids.isEmpty()) return b.append("not running").toString();
        b.append(running() ? "running" : alive.isEmpty() ? "not running (stale pid files: run 'stack down')" : "partly running")
                .append('\n');
        pids.forEach((s, pid) -> b.append(String.format("  %-13s pid %-8d %s%n", s.id(), pid, alive.contains(s) ? "alive" : "DEAD")));
        if (endpoints != null) {
            if (endpoints.kafkaBootstrap() != null) b.append("  kafka         ").append(endpoints.kafkaBootstrap()).append('\n');
            if (endpoints.elasticsearchUrl() != null) b.append("  elasticsearch ").append(endpoints.elasticsearchUrl()).append('\n');
            if (endpoints.smtpHost() != null) {
                b.append("  smtp          ").append(endpoints.smtpHost()).append(':').append(endpoints.smtpPort())
                        .append(" (imap ").append(endpoints.imapPort()).append(", .eml in ").append(endpoints.mailDir()).append(")\n");
            }
        }
        b.append("  logs          ").append(dataDir.resolve("logs"));
        return b.toString();
    }
}
