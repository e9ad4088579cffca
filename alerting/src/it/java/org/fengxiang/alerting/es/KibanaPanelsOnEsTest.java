package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.Test;

/** The aggregation behind every Kibana panel returns buckets/values from the embedded node after indexing. */
class KibanaPanelsOnEsTest {
    @Test
    void everyPanelAggregationReturnsSensibleResults() throws Exception {
        EsSettings s = EsSettings.of(SharedStack.get(Service.ELASTICSEARCH).elasticsearchUrl());
        var client = EsClients.create(s);
        EsIndices n = EsIndices.of(s);
        IndexSetup.install(client, s);
        List<String> rejects = new ArrayList<>();
        EsIntegrationTest.write(s, List.of(new PostMapper(n)), EsFixtures.posts(60, "2026-11-20T04:00:00Z", 3), rejects);
        long t = java.time.Instant.parse("2026-11-20T07:00:00Z").toEpochMilli();
        List<Incident> incidents = List.of(EsFixtures.incident("inc-0", t), EsFixtures.incident("inc-1", t));
        EsIntegrationTest.write(s, List.of(new IncidentMapper(n)), incidents, rejects);
        List<Alert> alerts = List.of(EsFixtures.alert("al-1", 1, "yellow", "open"), EsFixtures.alert("al-1", 2, "red", "escalated"),
                EsFixtures.alert("al-2", 1, "blue", "open"));
        EsIntegrationTest.write(s, List.of(AlertMapper.latest(n), AlertMapper.transitions(n)), alerts, rejects);
        assertThat(rejects).isEmpty();
        KibanaPanels.Check check;
        try (RestClient rest = EsClients.restClient(s, Map.of())) {
            rest.performRequest(new Request("POST", "/fengxiang-*/_refresh"));
            check = KibanaPanels.check(rest, "inc-0");
        } finally {
            EsClients.close(client);
        }
        assertThat(check.empty()).isEmpty();
        assertThat(check.checked()).isGreaterThan(20);
    }
}
