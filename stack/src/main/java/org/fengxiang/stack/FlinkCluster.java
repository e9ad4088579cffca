package org.fengxiang.stack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A real multi-process Flink standalone session cluster on 127.0.0.1: one JobManager
 * ({@code StandaloneSessionClusterEntrypoint}) and N TaskManagers ({@code TaskManagerRunner}), each in its own
 * JVM started from a classpath holding the Flink jars (a "distribution" made of Maven artifacts; add
 * {@code flink-runtime-web} for jar submission over REST). The JVMs exit by themselves if this JVM dies;
 * {@link #close()} stops them. This module does not depend on Flink: it only writes {@code config.yaml} and
 * launches the entry points.
 */
public final class FlinkCluster implements AutoCloseable {
    static final String JOB_MANAGER = "org.apache.flink.runtime.entrypoint.StandaloneSessionClusterEntrypoint";
    static final String TASK_MANAGER = "org.apache.flink.runtime.taskexecutor.TaskManagerRunner";
    /** What a Flink distribution's {@code env.java.default-opts.all} passes to every JVM on JDK 17. */
    private static final List<String> DEFAULT_OPENS = List.of("--add-exports=java.base/sun.net.util=ALL-UNNAMED",
            "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED", "--add-exports=java.security.jgss/sun.security.krb5=ALL-UNNAMED",
            "--add-opens=java.base/java.lang=ALL-UNNAMED", "--add-opens=java.base/java.net=ALL-UNNAMED",
            "--add-opens=java.base/java.io=ALL-UNNAMED", "--add-opens=java.base/java.nio=ALL-UNNAMED",
            "--add-opens=java.base/sun.nio.ch=ALL-UNNAMED", "--add-opens=java.base/java.lang.reflect=ALL-UNNAMED",
            "--add-opens=java.base/java.text=ALL-UNNAMED", "--add-opens=java.base/java.time=ALL-UNNAMED",
            "--add-opens=java.base/java.util=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent=ALL-UNNAMED",
            "--add-opens=java.base/java.util.concurrent.atomic=ALL-UNNAMED", "--add-opens=java.base/java.util.concurrent.locks=ALL-UNNAMED");
    private final Builder cfg;
    private final List<JvmProcess> processes = new ArrayList<>();
    private FlinkRest rest;

    private FlinkCluster(Builder b) {
        this.cfg = b;
    }

    /** A builder: 2 TaskManagers with 2 slots each by default. */
    public static Builder builder(Path dir, String flinkClasspath) {
        return new Builder(dir, flinkClasspath);
    }

    /** Starts the JobManager, waits for its REST endpoint, starts the TaskManagers and waits until all registered. */
    public synchronized FlinkCluster start() throws IOException, InterruptedException {
        if (rest != null) return this;
        Path conf = writeConfig();
        String cp = cfg.classpath + File.pathSeparator + ownLocation();
        long deadline = System.nanoTime() + cfg.startTimeout.toNanos();
        try {
            JvmProcess jm = launch("jobmanager", cp, cfg.jobManagerHeapMb, JOB_MANAGER, List.of("--configDir", conf.toString()));
            FlinkRest client = new FlinkRest("http://127.0.0.1:" + cfg.restPort);
            awaitTaskManagers(client, 0, List.of(jm), deadline);
            for (int i = 1; i <= cfg.taskManagers; i++) {
                launch("taskmanager-" + i, cp, cfg.taskManagerHeapMb, TASK_MANAGER,
                        List.of("--configDir", conf.toString(), "-D", "taskmanager.resource-id=tm-" + i));
            }
            awaitTaskManagers(client, cfg.taskManagers, processes, deadline);
            rest = client;
            return this;
        } catch (RuntimeException | IOException | InterruptedException e) {
            close();
            throw e;
        }
    }

    /** The REST client of the JobManager. */
    public synchronized FlinkRest rest() {
        if (rest == null) throw new IllegalStateException("the Flink cluster is not started");
        return rest;
    }

    /** Pids of the JobManager and TaskManager JVMs, by name ({@code jobmanager}, {@code taskmanager-1}, ...). */
    public synchronized Map<String, Long> pids() {
        Map<String, Long> m = new LinkedHashMap<>();
        processes.forEach(p -> m.put(p.name(), p.pid()));
        return m;
    }

    /** Resident memory of each JVM in bytes, by name. */
    public synchronized Map<String, Long> rssBytes() {
        Map<String, Long> m = new LinkedHashMap<>();
        processes.forEach(p -> m.put(p.name(), p.rssBytes()));
        return m;
    }

    /** The directory holding {@code conf/}, {@code log/} and the temporary files. */
    public Path dir() {
        return cfg.dir;
    }

    /** Stops every JVM (SIGTERM, then kill after the stop timeout). Idempotent. */
    @Override
    public synchronized void close() {
        for (int i = processes.size() - 1; i >= 0; i--) processes.get(i).stop(cfg.stopTimeout);
        processes.clear();
        rest = null;
    }

    private JvmProcess launch(String name, String cp, int heapMb, String mainClass, List<String> args) {
        List<String> jvm = new ArrayList<>(List.of("-Xms64m", "-Xmx" + heapMb + "m", "-XX:MaxDirectMemorySize=256m",
                "-XX:MaxMetaspaceSize=256m", "-XX:+UseSerialGC", "-XX:+ExitOnOutOfMemoryError", "-XX:-UsePerfData",
                "-Dfile.encoding=UTF-8", "-Dlog4j2.configurationFile=" + cfg.dir.resolve("conf/log4j2.properties"),
                "-Dlog.file=" + logFile(name)));
        jvm.addAll(DEFAULT_OPENS);
        jvm.addAll(cfg.jvmOptions);
        JvmProcess p = JvmProcess.start(name, cp, jvm, mainClass, args, logFile(name));
        processes.add(p);
        return p;
    }

    private Path logFile(String name) {
        return cfg.dir.resolve("log").resolve(name + ".log");
    }

    private void awaitTaskManagers(FlinkRest client, int expected, List<JvmProcess> watched, long deadline)
            throws InterruptedException, IOException {
        String last = "no answer";
        while (true) {
            for (JvmProcess p : watched) p.checkAlive();
            try {
                var o = client.overview();
                // a TaskManager counts once it registered and its slots were reported (the slot report comes later)
                if (o.path("taskmanagers").asInt() >= expected && o.path("slots-total").asInt() >= expected * cfg.slots) return;
                last = o.toString();
            } catch (IOException notYet) {
                last = notYet.getMessage();
            }
            if (System.nanoTime() > deadline) {
                throw processes.get(0).failure("Flink cluster not ready after " + cfg.startTimeout.toSeconds() + " s (" + last + ")");
            }
            Thread.sleep(200);
        }
    }

    private Path writeConfig() throws IOException {
        Path conf = cfg.dir.resolve("conf");
        Files.createDirectories(conf);
        Files.createDirectories(cfg.dir.resolve("tmp"));
        Files.createDirectories(cfg.dir.resolve("upload"));
        Map<String, String> c = new LinkedHashMap<>();
        c.put("jobmanager.rpc.address", "127.0.0.1");
        c.put("jobmanager.rpc.port", Integer.toString(cfg.rpcPort));
        c.put("jobmanager.bind-host", "127.0.0.1");
        c.put("jobmanager.memory.process.size", (cfg.jobManagerHeapMb + 256) + "m");
        c.put("rest.address", "127.0.0.1");
        c.put("rest.bind-address", "127.0.0.1");
        c.put("rest.port", Integer.toString(cfg.restPort));
        c.put("web.upload.dir", cfg.dir.resolve("upload").toString());
        c.put("io.tmp.dirs", cfg.dir.resolve("tmp").toString());
        c.put("taskmanager.host", "127.0.0.1");
        c.put("taskmanager.bind-host", "127.0.0.1");
        c.put("taskmanager.numberOfTaskSlots", Integer.toString(cfg.slots));
        c.putAll(taskManagerMemory());
        c.putAll(cfg.extra);
        StringBuilder yaml = new StringBuilder("# written by org.fengxiang.stack.FlinkCluster\n");
        c.forEach((k, v) -> yaml.append(k).append(": ").append(quote(v)).append('\n'));
        Files.writeString(conf.resolve("config.yaml"), yaml);
        Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
                "rootLogger.level = " + cfg.logLevel, "rootLogger.appenderRef.out.ref = out",
                "appender.out.type = Console", "appender.out.name = out", "appender.out.layout.type = PatternLayout",
                "appender.out.layout.pattern = %d{HH:mm:ss.SSS} %-5p %c{1} - %m%n", ""));
        return conf;
    }

    /**
     * Without Flink's shell scripts nobody derives the TaskManager memory components from a process size, so every
     * component is set explicitly (what {@code BashJavaUtils} would pass as dynamic properties).
     */
    private Map<String, String> taskManagerMemory() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("taskmanager.cpu.cores", Integer.toString(cfg.slots));
        m.put("taskmanager.memory.framework.heap.size", "64m");
        m.put("taskmanager.memory.task.heap.size", Math.max(64, cfg.taskManagerHeapMb - 64) + "m");
        m.put("taskmanager.memory.framework.off-heap.size", "64m");
        m.put("taskmanager.memory.task.off-heap.size", "0m");
        m.put("taskmanager.memory.network.min", "64m");
        m.put("taskmanager.memory.network.max", "64m");
        m.put("taskmanager.memory.managed.size", "32m");
        m.put("taskmanager.memory.jvm-metaspace.size", "256m");
        m.put("taskmanager.memory.jvm-overhead.min", "128m");
        m.put("taskmanager.memory.jvm-overhead.max", "128m");
        return m;
    }

    private static String quote(String v) {
        return v.matches("[A-Za-z0-9_./:\\-]+") ? v : "\"" + v.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    /** Where this module's classes are (the child JVMs run {@link WatchedMain} from there). */
    private static String ownLocation() {
        try {
            return Path.of(FlinkCluster.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new UncheckedIOException(new IOException(e));
        }
    }

    /** Options of a {@link FlinkCluster}. */
    public static final class Builder {
        final Path dir;
        final String classpath;
        int taskManagers = 2;
        int slots = 2;
        int jobManagerHeapMb = 256;
        int taskManagerHeapMb = 384;
        int rpcPort = Ports.free();
        int restPort = Ports.free();
        String logLevel = "INFO";
        Duration startTimeout = Duration.ofSeconds(120);
        Duration stopTimeout = Duration.ofSeconds(20);
        List<String> jvmOptions = List.of("-XX:TieredStopAtLevel=1");
        final Map<String, String> extra = new LinkedHashMap<>();

        private Builder(Path dir, String classpath) {
            this.dir = Objects.requireNonNull(dir).toAbsolutePath();
            this.classpath = Objects.requireNonNull(classpath);
        }

        /** Number of TaskManagers and slots per TaskManager. */
        public Builder taskManagers(int count, int slotsEach) {
            if (count < 1 || slotsEach < 1) throw new IllegalArgumentException("at least one TaskManager with one slot");
            this.taskManagers = count;
            this.slots = slotsEach;
            return this;
        }

        /** Heap sizes in MiB of the JobManager and of each TaskManager. */
        public Builder heapMb(int jobManager, int taskManager) {
            if (jobManager < 128 || taskManager < 192) throw new IllegalArgumentException("heap too small");
            this.jobManagerHeapMb = jobManager;
            this.taskManagerHeapMb = taskManager;
            return this;
        }

        /** Extra options for every JVM, replacing the default {@code -XX:TieredStopAtLevel=1} (fast start-up). */
        public Builder jvmOptions(List<String> options) {
            this.jvmOptions = List.copyOf(options);
            return this;
        }

        /** An extra Flink configuration entry. */
        public Builder set(String key, String value) {
            extra.put(key, value);
            return this;
        }

        /** Log level of the Flink JVMs (their logs are under {@code dir/log}). */
        public Builder logLevel(String level) {
            this.logLevel = level;
            return this;
        }

        public Builder startTimeout(Duration d) {
            this.startTimeout = Objects.requireNonNull(d);
            return this;
        }

        /** The cluster (not started). */
        public FlinkCluster build() {
            return new FlinkCluster(this);
        }
    }
}
