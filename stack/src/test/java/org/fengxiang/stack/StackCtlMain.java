package org.fengxiang.stack;

import java.nio.file.Path;

/** Manual check of the CLI logic: {@code StackCtlMain up|down|status DIR} with the default settings (fixed ports). */
public final class StackCtlMain {
    private StackCtlMain() {}

    public static void main(String[] args) {
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "up" -> {
                long t0 = System.nanoTime();
                System.out.println(StackControl.up(dir, new StackSettings()));
                System.out.printf("up took %.1f s%n", (System.nanoTime() - t0) / 1e9);
            }
            case "down" -> StackControl.down(dir).forEach(System.out::println);
            default -> System.out.println(StackControl.status(dir).describe());
        }
    }
}
