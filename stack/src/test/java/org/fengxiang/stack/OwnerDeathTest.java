package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A service JVM exits by itself when the JVM owning the stack is killed with SIGKILL (no shutdown hook runs). */
class OwnerDeathTest {

    @Test
    void childExitsWhenItsOwnerIsKilled() throws Exception {
        Path dir = Path.of("target", "owner-death-" + ProcessHandle.current().pid()).toAbsolutePath();
        Files.createDirectories(dir);
        Path pidFile = dir.resolve("mail-pid.txt");
        Process owner = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), HoldMain.class.getName(), dir.resolve("stack").toString(), pidFile.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("owner.log").toFile()).start();
        Optional<ProcessHandle> child = Optional.empty();
        try {
            for (int i = 0; i < 1200 && !Files.exists(pidFile) && owner.isAlive(); i++) Thread.sleep(100);
            assertThat(pidFile).as("owner log: %s", dir.resolve("owner.log")).exists();
            child = ProcessHandle.of(Long.parseLong(Files.readString(pidFile).trim()));
            assertThat(child).isPresent();
            owner.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
            child.get().onExit().get(60, TimeUnit.SECONDS);
            assertThat(child.get().isAlive()).isFalse();
        } finally {
            owner.destroyForcibly();
            child.ifPresent(ProcessHandle::destroyForcibly);
        }
    }
}
