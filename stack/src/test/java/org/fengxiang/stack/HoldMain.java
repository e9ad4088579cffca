package org.fengxiang.stack;

import java.nio.file.Files;
import java.nio.file.Path;

/** Test helper: a JVM that owns an attached mail-only stack, writes the mail pid to a file and waits to be killed. */
public final class HoldMain {
    private HoldMain() {}

    public static void main(String[] args) throws Exception {
        Service[] services = args.length > 2
                ? java.util.Arrays.stream(args, 2, args.length).map(Service::of).toArray(Service[]::new) : new Service[] {Service.MAIL};
        EmbeddedStack stack = EmbeddedStack.builder().dataDir(Path.of(args[0])).services(services).build();
        stack.start();
        Files.writeString(Path.of(args[1] + ".all"), stack.pids().values().toString());
        // atomically: the test polls for the file and must never read it empty
        Path tmp = Path.of(args[1] + ".tmp");
        Files.writeString(tmp, Long.toString(stack.pids().get(services[0])));
        Files.move(tmp, Path.of(args[1]), java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        Thread.sleep(600_000);
    }
}
