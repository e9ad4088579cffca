package org.fengxiang.app.fault;

import java.io.IOException;
import java.io.InputStream;
import org.fengxiang.app.cli.Main;

/** The {@code fengxiang} CLI in a child JVM of a fault test: halts as soon as its owner (stdin EOF) is gone. */
public final class ChildMain {
    private ChildMain() {}

    public static void main(String[] args) {
        Thread watch = new Thread(() -> {
            try (InputStream in = System.in) {
                while (in.read() >= 0) {
                    // only end-of-file matters
                }
            } catch (IOException ignored) {
                // the owner is gone as well
            }
            Runtime.getRuntime().halt(3); // like a crash: no shutdown hooks, nothing left behind
        }, "owner-watch");
        watch.setDaemon(true);
        watch.start();
        Main.main(args);
    }
}
