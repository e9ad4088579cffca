package org.elasticsearch.node;

import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;

/** Exits the JVM (running shutdown hooks) when the parent process dies or stdin reaches end-of-file. */
final class ParentWatch {
    private ParentWatch() {}

    static void start() {
        Optional<ProcessHandle> parent = ProcessHandle.current().parent();
        Thread stdin = new Thread(() -> {
            try (InputStream in = System.in) {
                byte[] buf = new byte[256];
                while (in.read(buf) >= 0) {
                    // discard; only end-of-file matters
                }
            } catch (IOException ignored) {
                // a broken pipe means the parent is gone too
            }
            exit("stdin closed");
        }, "parent-watch-stdin");
        stdin.setDaemon(true);
        stdin.start();
        parent.ifPresent(p -> p.onExit().thenRun(() -> exit("parent " + p.pid() + " exited")));
    }

    private static void exit(String why) {
        org.apache.logging.log4j.LogManager.getLogger(ParentWatch.class).info("exiting: {}", why);
        Thread watchdog = new Thread(() -> {
            try {
                Thread.sleep(30_000);
            } catch (InterruptedException ignored) {
                // halting anyway
            }
            Runtime.getRuntime().halt(2); // the shutdown hook hung: the owner is gone, do not linger
        }, "exit-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
        System.exit(0);
    }
}
