package org.fengxiang.stack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The embedded stack: a real Kafka broker, Elasticsearch node and SMTP/IMAP server, each in its own JVM on
 * 127.0.0.1, data under one directory. {@link #start()} launches the chosen services in parallel and waits until
 * each answers; {@link #close()} stops them (SIGTERM, then kill). Attached children (the default) also exit by
 * themselves when this JVM dies; a half-started stack is stopped before {@code start()} throws.
 */
public final class EmbeddedStack implements AutoCloseable {
    private final Builder cfg;
    private final StackLayout layout;
    private final Map<Service, ChildProcess> children = Collections.synchronizedMap(new EnumMap<>(Service.class));
    private Thread shutdownHook;
    private Endpoints endpoints;
    private StackLauncher launcher;

    private EmbeddedStack(Builder b) {
        this.cfg = b;
        this.layout = new StackLayout(b.dataDir);
    }

    /** A builder with defaults: all services, ephemeral ports, data under {@code ./var/stack}. */
    public static Builder builder() {
        return new Builder();
    }

    /** Starts the services and returns their endpoints; throws {@link StackException} (with log tails) on failure. */
    public synchronized Endpoints start() {
        if (endpoints != null) return endpoints;
        Path logConfig = layout.prepare();
        // the hook also covers a detached start interrupted by Ctrl-C; a detached stack drops it once started
        shutdownHook = new Thread(this::stopChildren, "fengxiang-stack-shutdown");
        Runtime.getRuntime().addShutdownHook(shutdownHook);
        try {
            launcher = new StackLauncher(layout, cfg, logConfig);
            endpoints = launcher.launchAll(children);
            EndpointsFile.write(layout.endpointsFile(), endpoints);
            if (cfg.detached) removeShutdownHook();
            return endpoints;
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    /** The endpoints, once started. */
    public synchronized Endpoints endpoints() {
        if (endpoints == null) throw new IllegalStateException("the stack is not started");
        return endpoints;
    }

    /** The pid of each running service JVM. */
    public Map<Service, Long> pids() {
        Map<Service, Long> m = new EnumMap<>(Service.class);
        synchronized (children) {
            children.forEach((s, c) -> m.put(s, c.pid()));
        }
        return m;
    }

    /** True if the service's JVM is alive. */
    public boolean isAlive(Service s) {
        ChildProcess c = children.get(s);
        return c != null && c.isAlive();
    }

    /**
     * Stops one service JVM (SIGTERM, then kill after the stop timeout) and leaves its data directory and port for
     * {@link #restart}; the other services keep running. For fault-injection tests.
     */
    public synchronized void stop(Service s) {
        ChildProcess c = children.remove(s);
        if (c == null) throw new IllegalStateException(s.id() + " is not running");
        StackLauncher.stop(List.of(c), cfg.stopTimeout, layout);
    }

    /** Starts a service stopped by {@link #stop} again on the same port(s) and data directory and waits until it answers. */
    public synchronized void restart(Service s) {
        if (endpoints == null || !endpoints.has(s)) throw new IllegalStateException(s.id() + " was never started");
        if (children.containsKey(s)) throw new IllegalStateException(s.id() + " is running");
        launcher.relaunch(s, endpoints, children);
    }

    /** Stops every service JVM and removes the pid, ready and endpoints files. Idempotent. */
    @Override
    public synchronized void close() {
        stopChildren();
        removeShutdownHook();
        try {
            java.nio.file.Files.deleteIfExists(layout.endpointsFile());
        } catch (java.io.IOException ignored) {
            // best effort
        }
        endpoints = null;
    }

    private void removeShutdownHook() {
        if (shutdownHook == null) return;
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // the hook is running or has run
        }
        shutdownHook = null;
    }

    private void stopChildren() {
        List<ChildProcess> list;
        synchronized (children) {
            list = new ArrayList<>(children.values());
        }
        StackLauncher.stop(list, cfg.stopTimeout, layout);
        children.clear();
    }

    /** Options of an {@link EmbeddedStack}. Ports 0 mean a free ephemeral port. */
    public static final class Builder {
        Path dataDir = Path.of("var", "stack");
        Set<Service> services = EnumSet.allOf(Service.class);
        int kafkaPort;
        int kafkaControllerPort;
        int elasticsearchPort;
        int smtpPort;
        int imapPort;
        int kafkaHeapMb = 384;
        int elasticsearchHeapMb = 512;
        int mailHeapMb = 64;
        String clusterName = "fengxiang";
        Duration startTimeout = Duration.ofSeconds(180);
        Duration stopTimeout = Duration.ofSeconds(30);
        List<String> jvmOptions = List.of();
        boolean detached;

        private Builder() {}

        /** Takes every value from settings, data directory included (ports as configured, i.e. fixed by default). */
        public Builder settings(StackSettings s) {
            s.validate();
            dataDir = s.resolvedDataDir();
            services = s.serviceSet();
            kafkaPort = s.kafkaPort;
            kafkaControllerPort = s.kafkaControllerPort;
            elasticsearchPort = s.elasticsearchPort;
            smtpPort = s.smtpPort;
            imapPort = s.imapPort;
            kafkaHeapMb = s.kafkaHeapMb;
            elasticsearchHeapMb = s.elasticsearchHeapMb;
            mailHeapMb = s.mailHeapMb;
            clusterName = s.clusterName;
            startTimeout = Duration.ofSeconds(s.startTimeoutSeconds);
            stopTimeout = Duration.ofSeconds(s.stopTimeoutSeconds);
            jvmOptions = List.copyOf(s.jvmOptions);
            return this;
        }

        /** The data directory (created if missing). */
        public Builder dataDir(Path dir) {
            this.dataDir = Objects.requireNonNull(dir);
            return this;
        }

        /** Which services to start (default all). */
        public Builder services(Service... s) {
            if (s.length == 0) throw new IllegalArgumentException("at least one service");
            this.services = EnumSet.of(s[0], s);
            return this;
        }

        /** Kafka PLAINTEXT port (0 = free). */
        public Builder kafkaPort(int port) {
            this.kafkaPort = port;
            return this;
        }

        /** Kafka KRaft controller port (0 = free). */
        public Builder kafkaControllerPort(int port) {
            this.kafkaControllerPort = port;
            return this;
        }

        /** Elasticsearch HTTP port (0 = ephemeral, reported by the node). */
        public Builder elasticsearchPort(int port) {
            this.elasticsearchPort = port;
            return this;
        }

        /** SMTP port (0 = free). */
        public Builder smtpPort(int port) {
            this.smtpPort = port;
            return this;
        }

        /** IMAP port (0 = free). */
        public Builder imapPort(int port) {
            this.imapPort = port;
            return this;
        }

        /** Heap sizes in MiB of the Kafka, Elasticsearch and mail JVMs. */
        public Builder heapMb(int kafka, int elasticsearch, int mail) {
            if (kafka < 64 || elasticsearch < 128 || mail < 16) throw new IllegalArgumentException("heap too small");
            this.kafkaHeapMb = kafka;
            this.elasticsearchHeapMb = elasticsearch;
            this.mailHeapMb = mail;
            return this;
        }

        /** Extra options for every service JVM, appended after the defaults (which include {@code -XX:TieredStopAtLevel=1}). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** Elasticsearch cluster name. */
        public Builder clusterName(String name) {
            this.clusterName = Objects.requireNonNull(name);
            return this;
        }

        /** How long {@code start()} waits for every service (default 180 s). */
        public Builder startTimeout(Duration d) {
            this.startTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** How long {@code close()} waits after SIGTERM before killing (default 30 s). */
        public Builder stopTimeout(Duration d) {
            this.stopTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** Detached children survive this JVM (used by {@link StackControl#up}); no shutdown hook is installed. */
        Builder detached(boolean d) {
            this.detached = d;
            return this;
        }

        /** The stack (not started). */
        public EmbeddedStack build() {
            return new EmbeddedStack(this);
        }
    }
}
