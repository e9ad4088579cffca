package org.fengxiang.alerting.ack;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.alerting.es.AlertMapper;
import org.fengxiang.alerting.es.BulkStats;
import org.fengxiang.alerting.es.BulkWriter;
import org.fengxiang.alerting.es.DocumentMapper;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.core.Alert;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.Test;

/** Acknowledgements marked on the alert documents of the real embedded node: idempotent, and never over a newer transition. */
class EsAckMarkerTest {
    @Test
    void marksTheTransitionAndTheLatestStateOnceAndKeepsTheSequenceGuard() throws Exception {
        EsSettings es = EsSettings.of(SharedStack.get(Service.ELASTICSEARCH).elasticsearchUrl());
        es.indexPrefix = "it-ack";
        ElasticsearchClient client = EsClients.create(es);
        try {
            IndexSetup.install(client, es);
            EsIndices n = EsIndices.of(es);
            List<DocumentMapper<Alert>> mappers = List.of(AlertMapper.latest(n), AlertMapper.transitions(n));
            write(es, mappers, alert(1, "open"));
            EsAckMarker marker = new EsAckMarker(client, n);
            Acknowledgement ack = new Acknowledgement("a-ack", 1, Instant.parse("2026-11-20T06:20:00Z").toString(), "王值班");
            assertThat(marker.mark(ack)).isEqualTo(2);
            assertThat(marker.mark(ack)).isZero();
            ObjectNode latest = doc(client, n.alertsIndex(), "a-ack");
            assertThat(latest.path("acknowledgedBy").asText()).isEqualTo("王值班");
            assertThat(latest.path("status").asText()).isEqualTo("open");
            assertThat(doc(client, n.alertTransitionsIndex(), "a-ack#1").path("acknowledgedAt").asText()).isEqualTo(ack.acknowledgedAt);
            // a replay of transition 1 by the sink (job restart) is stale on both documents: the marks stay
            BulkStats replay = write(es, mappers, alert(1, "open"));
            assertThat(replay.stale()).isEqualTo(2);
            assertThat(doc(client, n.alertsIndex(), "a-ack").has("acknowledgedAt")).isTrue();
            assertThat(doc(client, n.alertTransitionsIndex(), "a-ack#1").has("acknowledgedAt")).isTrue();
            // the next transition replaces the latest state; the old acknowledgement does not cover it
            write(es, mappers, alert(2, "escalated"));
            assertThat(marker.mark(ack)).isZero();
            assertThat(doc(client, n.alertsIndex(), "a-ack").has("acknowledgedAt")).isFalse();
            assertThat(doc(client, n.alertTransitionsIndex(), "a-ack#1").has("acknowledgedAt")).isTrue();
            client.indices().refresh(r -> r.index(n.alertTransitionsIndex()));
            long acked = client.count(c -> c.index(n.alertTransitionsAlias()).query(q -> q.exists(e -> e.field("acknowledgedAt")))).count();
            assertThat(acked).isEqualTo(1);
        } finally {
            EsClients.close(client);
        }
    }

    static Alert alert(int seq, String status) {
        Alert a = new Alert();
        a.id = "a-ack";
        a.incidentId = "inc-ack";
        a.level = seq == 1 ? Alert.ORANGE : Alert.RED;
        a.sequence = seq;
        a.status = status;
        a.detectedAt = "2026-11-20T14:0" + seq + ":00+08:00";
        a.detectedAtMillis = Instant.parse("2026-11-20T06:0" + seq + ":00Z").toEpochMilli();
        return a;
    }

    static BulkStats write(EsSettings es, List<DocumentMapper<Alert>> mappers, Alert a) throws Exception {
        List<String> rejects = new ArrayList<>();
        try (BulkWriter<Alert> w = BulkWriter.create(es, mappers, (i, id, src, status, reason) -> rejects.add(id + ": " + reason))) {
            w.write(a);
            w.flush();
            assertThat(rejects).isEmpty();
            return w.stats();
        }
    }

    static ObjectNode doc(ElasticsearchClient client, String index, String id) throws Exception {
        return client.get(g -> g.index(index).id(id), ObjectNode.class).source();
    }
}
