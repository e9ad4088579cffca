package org.fengxiang.stack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Helpers shared by the child-JVM mains: {@code key=value} arguments, ready files, parent watch, blocking. */
final class ChildSupport {
    private static final Logger LOG = LoggerFactory.getLogger(ChildSupport.class);

    private ChildSupport() {}

    /** Parses {@code key=value} arguments. */
    static Map<String, String> parseArgs(String[] args) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq <= 0) throw new IllegalArgumentException("expected key=value, got '" + a + "'");
            m.put(a.substring(0, eq), a.substring(eq + 1));
        }
        return m;
    }

    /** The value of a required argument. */
    static String required(Map<String, String> args, String key) {
        String v = args.get(key);
        if (v == null || v.isBlank()) throw new IllegalArgumentException("missing argument " + key + "=...");
        return v;
    }

    /** Writes a properties file atomically (readers never see a partial file). */
    static void writeProperties(Path file, Map<String, String> values) {
        Properties p = new Properties();
        p.putAll(values);
        try {
            Files.createDirectories(file.toAbsolutePath().getParent());
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            try (var out = Files.newOutputStream(tmp)) {
                p.store(out, null);
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a properties file written by {@link #writeProperties}. */
    static Map<String, String> readProperties(Path file) throws IOException {
        Properties p = new Properties();
        try (var in = Files.newInputStream(file)) {
            p.load(in);
        }
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    /** If asked, exits the JVM (running shutdown hooks) once the parent process dies or stdin reaches EOF. */
    static void watchParentIf(boolean enabled) {
        if (!enabled) return;
        Thread t = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // only end-of-file matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone as well
            }
            exit("stdin closed");
        }, "parent-watch-stdin");
        t.setDaemon(true);
        t.start();
        ProcessHandle.current().parent().ifPresent(p -> p.onExit().thenRun(() -> exit("parent " + p.pid() + " exited")));
    }

    private static void exit(String why) {
        LOG.info("exiting: {}", why);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(2); // a shutdown hook hung: the owner is gone, do not linger
        }, "exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(0);
    }

    /** Logs why the service could not start and halts (server threads left behind must not keep the JVM alive). */
    static void haltOnStartFailure(String service, Throwable t) {
        LOG.error("{} failed to start", service, t);
        System.err.flush();
        System.out.flush();
        Runtime.getRuntime().halt(1);
    }

    /** Blocks the main thread until the JVM exits (shutdown hooks do the cleanup). */
    static void blockForever() throws InterruptedException {
        new CountDownLatch(1).await();
    }
}
