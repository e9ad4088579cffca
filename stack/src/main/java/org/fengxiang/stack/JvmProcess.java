package org.fengxiang.stack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A child JVM running a main class under {@link WatchedMain}: its stdin is a pipe from this JVM, so it exits by
 * itself when this JVM dies (no orphans), and its output goes to a log file.
 */
final class JvmProcess {
    private final String name;
    private final Process process;
    private final Path logFile;

    private JvmProcess(String name, Process process, Path logFile) {
        this.name = name;
        this.process = process;
        this.logFile = logFile;
    }

    /** Starts {@code java <jvmOptions> -cp <classpath> WatchedMain <mainClass> <args>} with output to {@code logFile}. */
    static JvmProcess start(String name, String classpath, List<String> jvmOptions, String mainClass, List<String> args, Path logFile) {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        cmd.add("-Dfengxiang.process=" + name);
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", classpath, WatchedMain.class.getName(), mainClass));
        cmd.addAll(args);
        try {
            Files.createDirectories(logFile.toAbsolutePath().getParent());
            Files.writeString(logFile, "=== fengxiang: starting " + name + ": " + String.join(" ", cmd) + "\n");
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectInput(ProcessBuilder.Redirect.PIPE).start();
            return new JvmProcess(name, p, logFile);
        } catch (IOException e) {
            throw new StackException("cannot launch the " + name + " JVM: " + e.getMessage(), e);
        }
    }

    String name() {
        return name;
    }

    long pid() {
        return process.pid();
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** The resident set size in bytes (Linux /proc), or -1 if unknown. */
    long rssBytes() {
        return ProcessMemory.rssBytes(process.pid());
    }

    /** Fails with the log tail if the JVM has exited. */
    void checkAlive() {
        if (!process.isAlive()) throw failure(name + " exited with code " + process.exitValue());
    }

    StackException failure(String what) {
        return new StackException(what + "; last lines of " + logFile + ":\n" + LogTail.of(logFile, 40));
    }

    /** SIGTERM (closing stdin too), then waits; kills after the timeout. True if it stopped by itself. */
    boolean stop(Duration timeout) {
        if (!process.isAlive()) return true;
        process.destroy();
        try {
            process.getOutputStream().close();
        } catch (IOException ignored) {
            // the pipe is gone already
        }
        try {
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return false;
    }
}
