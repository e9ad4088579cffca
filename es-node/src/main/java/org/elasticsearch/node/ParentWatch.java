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
        System.exit(0);
    }
}
