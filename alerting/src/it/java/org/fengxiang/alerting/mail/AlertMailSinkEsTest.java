package org.fengxiang.alerting.mail;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import java.util.ArrayList;
import java.util.List;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.es.IncidentMapper;
import org.fengxiang.alerting.es.PostMapper;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.Test;

/** The mail sink in a Flink job with its ledger and context in the embedded Elasticsearch; a rerun sends nothing. */
class AlertMailSinkEsTest {
    @Test
    void ledgerInElasticsearchMakesARerunSilent() throws Exception {
        EsSettings es = EsSettings.of(SharedStack.get(Service.ELASTICSEARCH).elasticsearchUrl());
        es.indexPrefix = "it-mail";
        var client = EsClients.create(es);
        IndexSetup.install(client, es);
        EsIndices n = EsIndices.of(es);
        Post origin = MailFixtures.origin();
        origin.eventTime = java.time.Instant.parse("2026-11-20T04:41:00Z").toEpochMilli();
        client.index(i -> i.index(n.postsIndex(origin.eventTime)).id(origin.id).withJson(
                new java.io.StringReader(new PostMapper(n).source(origin))).refresh(co.elastic.clients.elasticsearch._types.Refresh.True));
        client.index(i -> i.index(n.incidentsIndex()).id("inc-a0").withJson(
                new java.io.StringReader(new IncidentMapper(n).source(MailFixtures.incident("inc-a0")))));
        int port = MailFixtures.freePort();
        GreenMail smtp = MailFixtures.smtp(port);
        smtp.start();
        try {
            MailSettings mail = MailFixtures.settings(port);
            List<String> alerts = new ArrayList<>();
            for (int i = 0; i < 3; i++) alerts.add(Json.write(MailFixtures.alert("a" + i, 1, Alert.ORANGE, "open")));
            for (int run = 0; run < 2; run++) {
                StreamExecutionEnvironment env = StreamExecutionEnvironment.createLocalEnvironment(2, new Configuration());
                env.fromData(alerts).map(j -> Json.read(j, Alert.class)).returns(TypeInformation.of(Alert.class))
                        .sinkTo(new AlertMailSink(mail, es));
                env.execute("mail-es-" + run);
                assertThat(smtp.getReceivedMessages()).hasSize(3);
            }
            MimeMessage first = null;
            for (MimeMessage m : smtp.getReceivedMessages()) {
                if ("a0".equals(m.getHeader("X-Fengxiang-Alert")[0])) first = m;
            }
            String text = (String) ((MimeMultipart) first.getContent()).getBodyPart(0).getContent();
            assertThat(text).contains("楼下化工厂又在排东西了", "独立作者: 97", "u-city-news");
            client.indices().refresh(r -> r.index(n.mailLedger()));
            assertThat(client.count(c -> c.index(n.mailLedger()).query(q -> q.term(t -> t.field("status").value("sent"))))
                    .count()).isEqualTo(3);
        } finally {
            smtp.stop();
            EsClients.close(client);
        }
    }
}
