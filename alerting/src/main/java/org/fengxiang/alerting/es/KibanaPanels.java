package org.fengxiang.alerting.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.fengxiang.core.Json;
import org.fengxiang.core.Resources;

/**
 * Runs the aggregation behind every Kibana panel of {@code config/kibana/} against Elasticsearch, the
 * way Kibana would (panel query plus dashboard query), and reports which return no buckets or value.
 */
public final class KibanaPanels {
    /** Outcome: how many panel aggregations ran, and which came back empty. */
    public record Check(int checked, List<String> empty) {}

    private KibanaPanels() {}

    /** The saved objects, one JSON node per NDJSON line. */
    public static List<JsonNode> objects() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        try (InputStream in = Resources.open(KibanaSetup.DEFAULT_FILE)) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isBlank()) out.add(Json.tree(line));
            }
        }
        return out;
    }

    /** Checks every visualization; the incident dashboard is filtered on {@code incidentId}. */
    public static Check check(RestClient rest, String incidentId) throws IOException {
        Map<String, String> dashboardQueryOf = new HashMap<>();
        for (JsonNode o : objects()) {
            if (!"dashboard".equals(o.path("type").asText())) continue;
            String q = "fengxiang-dashboard-incident".equals(o.path("id").asText()) ? "incidentId:\"" + incidentId + "\"" : "";
            for (JsonNode r : o.path("references")) dashboardQueryOf.put(r.path("id").asText(), q);
        }
        int checked = 0;
        List<String> empty = new ArrayList<>();
        for (JsonNode o : objects()) {
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
                boolean ok = result.has("buckets") ? result.path("buckets").size() > 0 : result.path("value").isNumber();
                if (!ok) empty.add(o.path("id").asText() + " " + agg.path("type").asText() + "(" + field + ") = " + result);
                checked++;
            }
        }
        return new Check(checked, empty);
    }

    /** Runs one aggregation; KQL {@code field:value} / {@code field:"value"} queries become term filters. */
    public static JsonNode aggregate(RestClient rest, String index, List<String> kql, String type, String field) throws IOException {
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
