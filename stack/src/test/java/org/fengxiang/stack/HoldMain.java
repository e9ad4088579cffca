package org.fengxiang.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: a JVM that owns an attached mail-only stack, writes the mail pid to a file and waits to be killed. */
public final class HoldMain {
    private HoldMain() {}

    public static void main(String[] args) throws Exception {
        EmbeddedStack stack = EmbeddedStack.builder().dataDir(Path.of(args[0])).services(Service.MAIL).build();
        stack.start();
        Files.writeString(Path.of(args[1]), Long.toString(stack.pids().get(Service.MAIL)));
        Thread.sleep(600_000);
    }
}
