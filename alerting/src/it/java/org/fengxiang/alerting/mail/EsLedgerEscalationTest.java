package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.fengxiang.alerting.ack.TestClock;
import org.fengxiang.alerting.es.Backoff;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.core.Alert;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.Test;

/** Escalation over the Elasticsearch ledger of the real embedded node: the sentAt range scan, once per step across mailers. */
class EsLedgerEscalationTest {
    @Test
    void escalatesFromTheElasticsearchLedgerOncePerStep() throws Exception {
        EsSettings es = EsSettings.of(SharedStack.get(Service.ELASTICSEARCH).elasticsearchUrl());
        es.indexPrefix = "it-esc-" + Long.toString(System.nanoTime(), 36);
        var client = EsClients.create(es);
        int port = MailFixtures.freePort();
        GreenMail smtp = MailFixtures.smtp(port);
        smtp.start();
        try {
            IndexSetup.install(client, es);
            MailSettings settings = MailFixtures.settings(port);
            settings.escalation.steps = List.of(EscalationGreenMailTest.step(15, "lead@fengxiang.test"));
            TestClock clock = new TestClock(Instant.parse("2026-11-20T06:05:00Z"));
            String index = EsIndices.of(es).mailLedger();
            try (AlertMailer m = mailer(settings, client, index, clock)) {
                m.deliver(MailFixtures.alert("r1", 1, Alert.RED, "open"));
                clock.advance(Duration.ofHours(30));
                m.deliver(MailFixtures.alert("r2", 1, Alert.RED, "open")); // r1 is now older than the link validity
                clock.advance(Duration.ofMinutes(15));
                assertThat(m.escalateDue()).isEqualTo(1);
            }
            try (AlertMailer m = mailer(settings, client, index, clock)) {
                assertThat(m.escalateDue()).isZero();
            }
            assertThat(java.util.Arrays.stream(smtp.getReceivedMessages())
                    .filter(x -> EscalationGreenMailTest.header(x, "X-Fengxiang-Escalation") != null)
                    .map(x -> EscalationGreenMailTest.header(x, "X-Fengxiang-Alert")).toList()).containsExactly("r2");
        } finally {
            smtp.stop();
            EsClients.close(client);
        }
    }

    static AlertMailer mailer(MailSettings settings, co.elastic.clients.elasticsearch.ElasticsearchClient client, String index,
                              TestClock clock) throws Exception {
        return new AlertMailer(settings, new AlertMailRenderer(settings), new MailSender(settings, Map.of(), Backoff.Sleeper.real()),
                new EsMailLedger(client, index), AlertContextLookup.none()).withClock(clock);
    }
}
