package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** A service that cannot start fails start() with its log tail, and the services already started are stopped. */
class HalfStartTest {

    @Test
    void failingServiceReportsItsLogAndTheOthersAreStopped() {
        Path dir = Path.of("target", "half-start-" + ProcessHandle.current().pid());
        String old = System.getProperty("fengxiang.esNode.classpath");
        System.setProperty("fengxiang.esNode.classpath", "/nonexistent/es-node-classes");
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(dir).services(Service.ELASTICSEARCH, Service.MAIL).build()) {
            assertThatThrownBy(stack::start).isInstanceOf(StackException.class)
                    .hasMessageContaining("elasticsearch exited with code")
                    .hasMessageContaining("last lines of")
                    .hasMessageContaining("org.elasticsearch.node.FengxiangEsNode");
            assertThat(stack.pids()).isEmpty();
            assertThat(dir.resolve("mail.pid")).doesNotExist();
            assertThat(dir.resolve("elasticsearch.pid")).doesNotExist();
        } finally {
            if (old == null) System.clearProperty("fengxiang.esNode.classpath");
            else System.setProperty("fengxiang.esNode.classpath", old);
        }
        assertThat(StackControl.status(dir).alive()).isEmpty();
        assertThat(ProcessHandle.allProcesses().filter(h -> ChildProcess.isServiceJvm(h, Service.MAIL, new StackLayout(dir))).count())
                .isZero();
    }
}
