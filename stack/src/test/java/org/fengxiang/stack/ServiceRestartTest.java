package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** One service of a running stack stopped and started again on the same port and data directory. */
class ServiceRestartTest {
    @Test
    void mailServerComesBackOnItsPortsWhileTheRestStays() throws Exception {
        Path dir = Path.of("target", "restart-stack-" + ProcessHandle.current().pid());
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(dir).services(Service.MAIL).build()) {
            Endpoints e = stack.start();
            long pid = stack.pids().get(Service.MAIL);
            assertThatThrownBy(() -> stack.restart(Service.MAIL)).hasMessageContaining("is running");

            stack.stop(Service.MAIL);
            assertThat(stack.isAlive(Service.MAIL)).isFalse();
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
            assertThat(Ports.listening(e.smtpPort())).as("SMTP port closed while down").isFalse();
            assertThatThrownBy(() -> stack.stop(Service.MAIL)).hasMessageContaining("not running");

            stack.restart(Service.MAIL);
            assertThat(stack.isAlive(Service.MAIL)).isTrue();
            assertThat(stack.pids().get(Service.MAIL)).isNotEqualTo(pid);
            assertThat(Ports.listening(e.smtpPort())).as("SMTP back on the same port").isTrue();
            assertThat(Ports.listening(e.imapPort())).as("IMAP back on the same port").isTrue();
            assertThat(stack.endpoints()).isEqualTo(e);
        }
    }
}
