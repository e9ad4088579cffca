package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The mail sink in a Flink job looks for due escalations on processing-time timers, and sends each step once. */
class AlertMailSinkEscalationJobTest {
    @TempDir Path tmp;

    @Test
    void processingTimeChecksInTheSinkEscalateAnUnacknowledgedRedAlertOnce() throws Exception {
        int port = MailFixtures.freePort();
        GreenMail smtp = MailFixtures.smtp(port);
        smtp.start();
        try {
            MailSettings settings = MailFixtures.settings(port, tmp);
            settings.escalation.checkSeconds = 1;
            settings.escalation.steps = List.of(EscalationGreenMailTest.step(0, "lead@fengxiang.test"));
            List<String> alerts = new ArrayList<>();
            alerts.add(Json.write(MailFixtures.alert("r1", 1, Alert.RED, "open")));
            alerts.add(Json.write(MailFixtures.alert("y1", 1, Alert.YELLOW, "open")));
            StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(1, new Configuration());
            env.fromData(alerts).map(j -> {
                Alert a = Json.read(j, Alert.class);
                if ("y1".equals(a.id)) Thread.sleep(3500); // the sink (another task) idles meanwhile: its timers fire
                return a;
            }).returns(TypeInformation.of(Alert.class)).disableChaining()
                    .rebalance().sinkTo(new AlertMailSink(settings, null)).setParallelism(1);
            env.execute("mail-escalation-test");
            List<String> escalations = new ArrayList<>();
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if (m.getHeader("X-Fengxiang-Escalation") != null) {
                    escalations.add(m.getHeader("X-Fengxiang-Alert")[0] + " " + m.getAllRecipients()[0]);
                }
            }
            assertThat(escalations).containsExactly("r1 lead@fengxiang.test");
        } finally {
            smtp.stop();
        }
    }
}
