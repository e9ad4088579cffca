package org.fengxiang.stack;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One service JVM of the stack. Attached children get a stdin pipe whose end-of-file (the parent died) makes
 * them exit; detached children run in their own session ({@code setsid}) with stdin from /dev/null and survive
 * the launching JVM.
 */
final class ChildProcess {
    private static final String DATA_DIR_MARKER = "-Dfengxiang.stack.dataDir=";
    private final Service service;
    private final ProcessHandle handle;
    private final Process process; // null when adopted from a pid file
    private final Path logFile;
    private final Path readyFile;

    private ChildProcess(Service service, Process process, ProcessHandle handle, Path logFile, Path readyFile) {
        this.service = service;
        this.process = process;
        this.handle = handle;
        this.logFile = logFile;
        this.readyFile = readyFile;
    }

    /** Launches a JVM running the service's main class. */
    static ChildProcess launch(Service service, StackLayout layout, String classpath, int heapMb, List<String> jvmOptions,
            List<String> args, Path logConfig, boolean detached) {
        List<String> cmd = new ArrayList<>();
        if (detached && new File("/usr/bin/setsid").canExecute()) cmd.add("/usr/bin/setsid");
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        // the markers come first: ProcessHandle.Info may only see the start of /proc/PID/cmdline
        cmd.add(marker(service));
        cmd.add(DATA_DIR_MARKER + layout.dataDir());
        // C1 only: start-up 3-4x faster on a busy 2-core machine, and Kafka/ES throughput measured no worse there
        cmd.addAll(List.of("-Xms32m", "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-XX:+ExitOnOutOfMemoryError",
                "-XX:-UsePerfData", "-Djava.awt.headless=true", "-Dfile.encoding=UTF-8",
                "-Dlog4j.shutdownHookEnabled=false", "-Dlog4j2.disable.jmx=true"));
        // the ES node configures its own logging (log4j2.properties written into its config dir)
        cmd.add(service == Service.ELASTICSEARCH ? "-Djava.locale.providers=SPI,CLDR" : "-Dlog4j2.configurationFile=" + logConfig);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath, service.mainClass()));
        cmd.addAll(args);
        Path log = layout.logFile(service);
        try {
            Files.deleteIfExists(layout.readyFile(service));
            Files.writeString(log, "=== fengxiang stack: starting " + service.id() + ": " + String.join(" ", cmd) + "\n",
                    java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
            ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .redirectInput(detached ? ProcessBuilder.Redirect.from(new File("/dev/null")) : ProcessBuilder.Redirect.PIPE);
            Process p = pb.start();
            return new ChildProcess(service, p, p.toHandle(), log, layout.readyFile(service));
        } catch (IOException e) {
            throw new StackException("cannot launch the " + service.id() + " JVM: " + e.getMessage(), e);
        }
    }

    /** Adopts a running child from its pid (for {@code down}); empty if it is gone or is not this service's JVM. */
    static Optional<ChildProcess> adopt(Service service, StackLayout layout, long pid) {
        if (pid <= 0) return Optional.empty();
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).filter(h -> isServiceJvm(h, service, layout))
                .map(h -> new ChildProcess(service, null, h, layout.logFile(service), layout.readyFile(service)));
    }

    /** True if the process's command line carries this service's marker and this data directory. */
    static boolean isServiceJvm(ProcessHandle h, Service service, StackLayout layout) {
        // commandLine() holds the start of /proc/PID/cmdline even when arguments() is empty (long command lines)
        String cmd = h.info().commandLine().orElse(String.join(" ", h.info().arguments().orElse(new String[0]))) + " ";
        return cmd.contains(" " + marker(service) + " ") && cmd.contains(" " + DATA_DIR_MARKER + layout.dataDir() + " ");
    }

    private static String marker(Service service) {
        return "-Dfengxiang.stack.service=" + service.id();
    }

    Service service() {
        return service;
    }

    long pid() {
        return handle.pid();
    }

    boolean isAlive() {
        return handle.isAlive();
    }

    /** Waits for the ready file and returns it; fails with the log tail if the JVM exits first or time runs out. */
    Path awaitReady(Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (Files.isRegularFile(readyFile)) return readyFile;
            if (!handle.isAlive()) {
                String code = process != null ? " with code " + process.exitValue() : "";
                throw failure(service.id() + " exited" + code + " before becoming ready");
            }
            if (System.nanoTime() > deadline) throw failure(service.id() + " not ready after " + timeout.toSeconds() + " s");
            sleep(100);
        }
    }

    StackException failure(String what) {
        return new StackException(what + "; last lines of " + logFile + ":\n" + LogTail.of(logFile, 40));
    }

    /** Sends SIGTERM. */
    void requestStop() {
        handle.destroy();
    }

    /** Waits for the exit after {@link #requestStop()}, then kills; true if it stopped without being killed. */
    boolean awaitStop(Duration timeout) {
        try {
            handle.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            handle.destroyForcibly();
            try {
                handle.onExit().get(10, TimeUnit.SECONDS);
            } catch (Exception ignored) {
                // reported by isAlive()
            }
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            handle.destroyForcibly();
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !handle.isAlive();
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new StackException("interrupted");
        }
    }
}
