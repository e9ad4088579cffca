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
        Map<String, String> dashboardQueryOf = new HashMap<>();
        for (JsonNode o : KibanaSavedObjectsTest.objects()) {
            if (!"dashboard".equals(o.path("type").asText())) continue;
            String q = "fengxiang-dashboard-incident".equals(o.path("id").asText()) ? "incidentId:\"inc-0\"" : "";
            for (JsonNode r : o.path("references")) dashboardQueryOf.put(r.path("id").asText(), q);
        }
        int checked = 0;
        try (RestClient rest = EsClients.restClient(s, Map.of())) {
            rest.performRequest(new Request("POST", "/fengxiang-*/_refresh"));
            for (JsonNode o : KibanaSavedObjectsTest.objects()) {
                if (!"visualization".equals(o.path("type").asText())) continue;
                String index = o.path("references").get(0).path("id").asText();
                String own = Json.tree(o.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON").asText())
                        .path("query").path("query").asText("");
                JsonNode vis = Json.tree(o.path("attributes").path("visState").asText());
                for (JsonNode agg : vis.path("aggs")) {
                    String field = agg.path("params").path("field").asText(null);
                    if (field == null) continue;
                    JsonNode result = aggregate(rest, index, List.of(own, dashboardQueryOf.getOrDefault(o.path("id").asText(), "")),
                            agg.path("type").asText(), field);
                    String what = o.path("id").asText() + " " + agg.path("type").asText() + "(" + field + ")";
                    if (result.has("buckets")) assertThat(result.path("buckets").size()).as(what).isGreaterThan(0);
                    else assertThat(result.path("value").isNumber()).as(what + " = " + result).isTrue();
                    checked++;
                }
            }
        } finally {
            EsClients.close(client);
        }
        assertThat(checked).isGreaterThan(20);
    }

    /** Runs one aggregation; KQL {@code field:value} / {@code field:"value"} queries become term filters. */
    static JsonNode aggregate(RestClient rest, String index, List<String> kql, String type, String field) throws Exception {
        ObjectNode body = Json.mapper().createObjectNode();
        body.put("size", 0);
        var filter = body.putObject("query").putObject("bool").putArray("filter");
        for (String q : kql) {
            if (q == null || q.isBlank()) continue;
            String[] kv = q.split(":", 2);
            String value = kv[1].replace("\"", "");
            var term = filter.addObject().putObject("term");
            if ("true".equals(value) || "false".equals(value)) term.put(kv[0], Boolean.parseBoolean(value));
            else term.put(kv[0], value);
        }
        ObjectNode a = body.putObject("aggs").putObject("a");
        switch (type) {
            case "terms" -> a.putObject("terms").put("field", field).put("size", 10);
            case "date_histogram" -> a.putObject("date_histogram").put("field", field).put("fixed_interval", "1h")
                    .put("min_doc_count", 1);
            default -> a.putObject(type).put("field", field);
        }
        Request r = new Request("POST", "/" + index + "/_search");
        r.setJsonEntity(Json.write(body));
        return Json.tree(EntityUtils.toString(rest.performRequest(r).getEntity())).path("aggregations").path("a");
    }
}
