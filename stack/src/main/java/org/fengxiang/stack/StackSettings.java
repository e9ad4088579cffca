package org.fengxiang.stack;

import java.io.Serializable;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.fengxiang.core.Resources;

/**
 * Settings of the embedded stack (configuration section {@code stack}). Ports are fixed by default so that a
 * detached stack ({@code stack up}) is found again; 0 means a free ephemeral port.
 */
public class StackSettings implements Serializable {
    /** Data directory; relative paths are resolved against the project home. */
    public String dataDir = "var/stack";
    /** Services to start: any of kafka, elasticsearch, mail. */
    public List<String> services = new ArrayList<>(List.of("kafka", "elasticsearch", "mail"));
    /** Kafka PLAINTEXT port on 127.0.0.1. */
    public int kafkaPort = 19092;
    /** Kafka KRaft controller port on 127.0.0.1. */
    public int kafkaControllerPort = 19093;
    /** Elasticsearch HTTP port on 127.0.0.1. */
    public int elasticsearchPort = 19200;
    /** SMTP port on 127.0.0.1. */
    public int smtpPort = 12525;
    /** IMAP port on 127.0.0.1. */
    public int imapPort = 12143;
    /** Heap of the Kafka JVM in MiB. */
    public int kafkaHeapMb = 384;
    /** Heap of the Elasticsearch JVM in MiB. */
    public int elasticsearchHeapMb = 512;
    /** Heap of the mail JVM in MiB. */
    public int mailHeapMb = 64;
    /** Extra options for every service JVM (after the defaults -XX:+UseSerialGC -XX:TieredStopAtLevel=1, so they can override them). */
    public List<String> jvmOptions = new ArrayList<>();
    /** Elasticsearch cluster name. */
    public String clusterName = "fengxiang";
    /** How long start-up may take before it fails (busy machines need more). */
    public int startTimeoutSeconds = 180;
    /** How long a service gets after SIGTERM before it is killed. */
    public int stopTimeoutSeconds = 30;

    /**
     * The JVM options for long-running services (`stack up`, the bench): the full JIT (C1 + C2) first, which
     * costs start-up time but far less CPU per request than the C1-only default that suits short test runs;
     * the configured options come last and still win.
     */
    public List<String> longRunningJvmOptions() {
        List<String> out = new ArrayList<>(List.of("-XX:TieredStopAtLevel=4"));
        out.addAll(jvmOptions);
        return out;
    }

    /** The data directory, made absolute against the project home. */
    public Path resolvedDataDir() {
        Path p = Path.of(dataDir);
        return (p.isAbsolute() ? p : Resources.home().resolve(p)).normalize();
    }

    /** The services as a set. */
    public Set<Service> serviceSet() {
        Set<Service> s = EnumSet.noneOf(Service.class);
        for (String id : services) s.add(Service.of(id));
        return s;
    }

    /** Checks ranges and names; throws IllegalArgumentException naming the bad key. */
    public void validate() {
        if (dataDir == null || dataDir.isBlank()) throw new IllegalArgumentException("stack.dataDir must not be empty");
        if (services == null || services.isEmpty()) throw new IllegalArgumentException("stack.services must not be empty");
        serviceSet();
        port("kafkaPort", kafkaPort);
        port("kafkaControllerPort", kafkaControllerPort);
        port("elasticsearchPort", elasticsearchPort);
        port("smtpPort", smtpPort);
        port("imapPort", imapPort);
        if (kafkaHeapMb < 64) throw new IllegalArgumentException("stack.kafkaHeapMb must be >= 64");
        if (elasticsearchHeapMb < 128) throw new IllegalArgumentException("stack.elasticsearchHeapMb must be >= 128");
        if (mailHeapMb < 16) throw new IllegalArgumentException("stack.mailHeapMb must be >= 16");
        if (startTimeoutSeconds < 1 || stopTimeoutSeconds < 1) throw new IllegalArgumentException("stack timeouts must be >= 1 s");
        if (jvmOptions == null || jvmOptions.stream().anyMatch(o -> o == null || !o.startsWith("-"))) {
            throw new IllegalArgumentException("stack.jvmOptions must be JVM options starting with '-'");
        }
        if (clusterName == null || clusterName.isBlank()) throw new IllegalArgumentException("stack.clusterName must not be empty");
    }

    private static void port(String key, int p) {
        if (p < 0 || p > 65535) throw new IllegalArgumentException("stack." + key + " must be in 0..65535, got " + p);
    }
}
