package org.fengxiang.stack;

import java.nio.file.Path;
import java.util.List;

/** Test helper: a separate JVM that runs {@code StackControl.up} for the mail service only and exits, like the CLI. */
public final class UpMain {
    private UpMain() {}

    public static void main(String[] args) {
        StackSettings s = new StackSettings();
        s.services = List.of("mail");
        s.smtpPort = 0;
        s.imapPort = 0;
        System.out.println(StackControl.up(Path.of(args[0]), s));
    }
}
