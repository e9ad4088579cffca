package org.fengxiang.app.fault;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A {@code fengxiang} command ({@code run}, {@code crawl}) in its own JVM on the test classpath, output appended to
 * a log file. {@link #kill()} is SIGKILL; the child also halts when the test JVM dies (its stdin closes).
 */
final class ChildJvm implements AutoCloseable {
    private final Process process;
    private final Path log;

    private ChildJvm(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** Starts {@code fengxiang ARGS...} with the given heap. */
    static ChildJvm start(Path log, int heapMb, List<String> args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + heapMb + "m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-Dfile.encoding=UTF-8",
                "-Dlog4j2.configurationFile=fault-child-log4j2.xml",
                "-cp", System.getProperty("java.class.path"), ChildMain.class.getName()));
        cmd.addAll(args);
        try {
            Files.createDirectories(log.toAbsolutePath().getParent());
            Files.writeString(log, "=== " + String.join(" ", cmd) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile())).start();
            return new ChildJvm(p, log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** True (for use in wait conditions); fails at once with the log tail if the child exited. */
    boolean requireAlive() {
        if (!process.isAlive()) throw new AssertionError("child exited with " + process.exitValue() + "; log " + log + ":\n" + logTail());
        return true;
    }

    /** SIGKILL, then waits until the process is gone. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        if (!process.waitFor(30, TimeUnit.SECONDS)) throw new IllegalStateException("pid " + process.pid() + " survived SIGKILL");
    }

    /** SIGTERM (shutdown hooks run), then SIGKILL if it takes longer than the timeout. */
    void stop(Duration timeout) throws InterruptedException {
        process.destroy();
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) kill();
    }

    /** Waits for the exit and returns the exit code; kills and fails after the timeout. */
    int awaitExit(Duration timeout) throws InterruptedException {
        if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) return process.exitValue();
        kill();
        throw new AssertionError("child did not exit within " + timeout + "; log " + log + ":\n" + logTail());
    }

    /** The log so far. */
    String logText() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "";
        }
    }

    /** The last lines of the log (for failure messages). */
    String logTail() {
        List<String> lines = logText().lines().map(l -> l.length() > 400 ? l.substring(0, 400) + "…" : l).toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
    }

    @Override
    public void close() throws InterruptedException {
        if (process.isAlive()) kill();
    }
}
