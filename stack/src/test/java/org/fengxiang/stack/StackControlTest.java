package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** A detached stack (mail only, to stay cheap) started by a JVM that exits, then found, and stopped. */
class StackControlTest {

    @Test
    void upInAnotherJvmSurvivesItThenStatusAndDown() throws Exception {
        Path dir = Path.of("target", "ctl-stack-" + ProcessHandle.current().pid()).toAbsolutePath();
        try {
            Process cli = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-cp", System.getProperty("java.class.path"), UpMain.class.getName(), dir.toString())
                    .redirectErrorStream(true).redirectOutput(dir.resolveSibling(dir.getFileName() + "-cli.log").toFile()).start();
            assertThat(cli.waitFor(120, TimeUnit.SECONDS)).isTrue();
            assertThat(cli.exitValue()).isZero();

            StackStatus st = StackControl.status(dir);
            assertThat(st.running()).as(st.describe()).isTrue();
            assertThat(st.alive()).containsExactly(Service.MAIL);
            assertThat(st.endpoints().smtpPort()).isPositive();
            assertThat(st.describe()).contains("mail").contains("alive");
            long pid = st.pids().get(Service.MAIL);
            assertThat(Files.readString(Path.of("/proc/" + pid + "/stat")).split(" ")[5]).as("own session").isEqualTo(Long.toString(pid));

            StackSettings s = new StackSettings();
            s.services = List.of("mail");
            assertThat(StackControl.up(dir, s)).as("already up: same endpoints").isEqualTo(st.endpoints());

            List<String> report = StackControl.down(dir);
            assertThat(report).containsExactly("mail: pid " + pid + " stopped");
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(StackControl.status(dir).pids()).isEmpty();
            assertThat(dir.resolve("endpoints.json")).doesNotExist();
            assertThat(StackControl.down(dir)).containsExactly("no stack recorded in " + dir);
        } finally {
            StackControl.down(dir);
        }
    }

    @Test
    void downDoesNotKillAnUnrelatedProcessWhosePidIsRecorded() throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "ctl-foreign-" + ProcessHandle.current().pid()));
        Process sleeper = new ProcessBuilder("sleep", "60").start();
        try {
            Files.writeString(dir.resolve("kafka.pid"), sleeper.pid() + "\n");
            assertThat(StackControl.status(dir).alive()).isEmpty();
            assertThat(StackControl.down(dir)).containsExactly("kafka: pid " + sleeper.pid() + " not running");
            assertThat(sleeper.isAlive()).isTrue();
            assertThat(dir.resolve("kafka.pid")).doesNotExist();
        } finally {
            sleeper.destroyForcibly();
        }
    }

    @Test
    void invalidSettingsAreRejectedBeforeAnythingStarts() {
        StackSettings s = new StackSettings();
        s.services = List.of("kafka", "zookeeper");
        assertThatThrownBy(() -> StackControl.up(Path.of("target", "never"), s)).hasMessageContaining("zookeeper");
        assertThat(Path.of("target", "never")).doesNotExist();
    }
}
