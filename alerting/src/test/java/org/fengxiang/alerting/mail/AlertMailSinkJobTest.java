package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.configuration.RestartStrategyOptions;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail sink in a local Flink job that fails mid-way and restarts: every transition is e-mailed once. */
class AlertMailSinkJobTest {
    static final AtomicBoolean FAILED_ONCE = new AtomicBoolean();
    @TempDir Path tmp;

    @Test
    void aJobRestartMidWayResendsNothing() throws Exception {
        int port = MailFixtures.freePort();
        GreenMail smtp = MailFixtures.smtp(port);
        smtp.start();
        try {
            MailSettings settings = MailFixtures.settings(port, tmp);
            List<String> alerts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                alerts.add(Json.write(MailFixtures.alert("a" + i, 1, Alert.YELLOW, "open")));
                alerts.add(Json.write(MailFixtures.alert("a" + i, 2, Alert.ORANGE, "escalated")));
            }
            Configuration conf = new Configuration();
            conf.set(RestartStrategyOptions.RESTART_STRATEGY, "fixed-delay");
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_ATTEMPTS, 2);
            conf.set(RestartStrategyOptions.RESTART_STRATEGY_FIXED_DELAY_DELAY, Duration.ofMillis(50));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, conf);
            FAILED_ONCE.set(false);
            env.fromData(alerts).map(j -> {
                Alert a = Json.read(j, Alert.class);
                if ("a3".equals(a.id) && a.sequence == 2 && FAILED_ONCE.compareAndSet(false, true)) {
                    throw new IllegalStateException("injected failure mid-way");
                }
                return a;
            }).returns(TypeInformation.of(Alert.class)).sinkTo(new AlertMailSink(settings, null));
            env.execute("mail-sink-test");
            assertThat(FAILED_ONCE).isTrue();
            Set<String> transitions = new HashSet<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                transitions.add(m.getHeader("X-Fengxiang-Alert")[0] + "#" + m.getHeader("X-Fengxiang-Sequence")[0]);
                String text = (String) ((jakarta.mail.internet.MimeMultipart) m.getContent()).getBodyPart(0).getContent();
                assertThat(text).contains(settings.ack.baseUrl + "/ack?t=");
            }
            assertThat(smtp.getReceivedMessages()).hasSize(12);
            assertThat(transitions).hasSize(12);
        } finally {
            smtp.stop();
        }
    }
}
