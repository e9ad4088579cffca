package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicReference;
import org.fengxiang.core.Json;
import org.fengxiang.core.Resources;
import org.junit.jupiter.api.Test;

/** The Kibana saved objects are well-formed and every field a panel uses is mapped with an aggregatable type. */
class KibanaSavedObjectsTest {
    static final Set<String> AGGREGATABLE = Set.of("keyword", "long", "integer", "short", "float", "double", "date",
            "boolean", "ip", "geo_point");
    static final Set<String> TYPES = Set.of("index-pattern", "visualization", "search", "dashboard");

    static List<JsonNode> objects() throws IOException {
        Path f = Resources.home().resolve(KibanaSetup.DEFAULT_FILE);
        return Files.readAllLines(f, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).map(Json::tree).toList();
    }

    /** Field → type of the mappings behind an alias, from the templates in config/elasticsearch. */
    static Map<String, String> fieldsOf(String alias) throws IOException {
        JsonNode template = Json.tree(IndexSetup.load(IndexSetup.DIR + "index/" + alias + ".json", "fengxiang"));
        Map<String, String> fields = new LinkedHashMap<>();
        for (JsonNode c : template.path("composed_of")) {
            JsonNode comp = Json.tree(IndexSetup.load(IndexSetup.DIR + "component/" + c.asText() + ".json", "fengxiang"));
            flatten("", comp.path("template").path("mappings").path("properties"), fields);
        }
        return fields;
    }

    static void flatten(String prefix, JsonNode props, Map<String, String> out) {
        Iterator<Map.Entry<String, JsonNode>> it = props.fields();
        while (it.hasNext()) {
            var e = it.next();
            String name = prefix + e.getKey();
            JsonNode def = e.getValue();
            if (def.has("properties")) flatten(name + ".", def.path("properties"), out);
            else out.put(name, def.path("type").asText());
            def.path("fields").fields().forEachRemaining(sub -> out.put(name + "." + sub.getKey(), sub.getValue().path("type").asText()));
        }
    }

    @Test
    void objectsAreWellFormedAndReferencesResolve() throws IOException {
        List<JsonNode> objs = objects();
        Map<String, String> ids = new HashMap<>();
        for (JsonNode o : objs) {
            assertThat(o.path("type").asText()).isIn(TYPES);
            assertThat(o.path("id").asText()).matches("[a-z0-9-]+");
            assertThat(o.path("attributes").path("title").asText()).isNotBlank();
            assertThat(o.path("references").isArray()).isTrue();
            assertThat(ids.put(o.path("type").asText() + "/" + o.path("id").asText(), "")).as("duplicate %s", o.path("id")).isNull();
        }
        for (JsonNode o : objs) {
            for (JsonNode r : o.path("references")) {
                assertThat(ids).as("reference %s of %s", r, o.path("id")).containsKey(r.path("type").asText() + "/" + r.path("id").asText());
            }
            JsonNode ss = o.path("attributes").path("kibanaSavedObjectMeta").path("searchSourceJSON");
            if (!ss.isMissingNode()) {
                JsonNode src = Json.tree(ss.asText());
                if (src.has("indexRefName")) {
                    assertThat(refNames(o)).contains(src.path("indexRefName").asText());
                }
            }
            if ("dashboard".equals(o.path("type").asText())) {
                JsonNode panels = Json.tree(o.path("attributes").path("panelsJSON").asText());
                assertThat(panels.size()).isGreaterThan(2);
                for (JsonNode p : panels) assertThat(refNames(o)).contains(p.path("panelRefName").asText());
            }
        }
        assertThat(ids).containsKeys("index-pattern/fengxiang-posts", "index-pattern/fengxiang-incidents",
                "index-pattern/fengxiang-alerts", "dashboard/fengxiang-dashboard-overview",
                "dashboard/fengxiang-dashboard-alerts", "dashboard/fengxiang-dashboard-incident");
        assertThat(objs.stream().filter(o -> o.path("type").asText().equals("dashboard")).map(o -> o.path("attributes").path("title").asText()))
                .containsExactlyInAnyOrder("舆情总览", "预警", "事件详情");
    }

    @Test
    void everyPanelFieldIsMappedWithAnAggregatableType() throws IOException {
        Map<String, String> indexOf = new HashMap<>();
        int checked = 0;
        for (JsonNode o : objects()) {
            String type = o.path("type").asText();
            if ("index-pattern".equals(type)) {
                Map<String, String> fields = fieldsOf(o.path("attributes").path("title").asText());
                assertThat(fields.get(o.path("attributes").path("timeFieldName").asText())).isEqualTo("date");
                Json.tree(o.path("attributes").path("fieldFormatMap").asText()).fieldNames()
                        .forEachRemaining(f -> assertThat(fields).containsKey(f));
                continue;
            }
            if (!Set.of("visualization", "search").contains(type)) continue;
            String index = o.path("references").get(0).path("id").asText();
            Map<String, String> fields = fieldsOf(index);
            if ("visualization".equals(type)) {
                JsonNode vis = Json.tree(o.path("attributes").path("visState").asText());
                for (JsonNode agg : vis.path("aggs")) {
                    String field = agg.path("params").path("field").asText(null);
                    if (field == null) continue;
                    assertThat(fields).as("%s uses %s on %s", o.path("id").asText(), field, index).containsKey(field);
                    assertThat(fields.get(field)).as("%s: %s", o.path("id").asText(), field).isIn(AGGREGATABLE);
                    checked++;
                }
            } else {
                for (JsonNode c : o.path("attributes").path("columns")) {
                    assertThat(fields).as("column %s of %s", c.asText(), o.path("id").asText()).containsKey(c.asText());
                }
                String sort = o.path("attributes").path("sort").get(0).get(0).asText();
                assertThat(fields.get(sort)).isIn(AGGREGATABLE);
            }
            indexOf.put(o.path("id").asText(), index);
        }
        assertThat(checked).isGreaterThan(20);
        assertThat(new HashSet<>(indexOf.values())).contains("fengxiang-posts", "fengxiang-incidents", "fengxiang-alerts");
    }

    @Test
    void importPostsTheFileWithOverwriteXsrfHeaderAndAuthFromTheEnvironment() throws Exception {
        AtomicReference<String> query = new AtomicReference<>();
        Map<String, String> headers = new HashMap<>();
        AtomicReference<String> body = new AtomicReference<>();
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/api/saved_objects/_import", ex -> {
            query.set(ex.getRequestURI().getQuery());
            ex.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(), v.get(0)));
            body.set(new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8));
            byte[] resp = "{\"success\":true,\"successCount\":25,\"errors\":[]}".getBytes(StandardCharsets.UTF_8);
            ex.sendResponseHeaders(200, resp.length);
            ex.getResponseBody().write(resp);
            ex.close();
        });
        server.start();
        try {
            Path f = Resources.home().resolve(KibanaSetup.DEFAULT_FILE);
            var r = KibanaSetup.importObjects("http://127.0.0.1:" + server.getAddress().getPort(), f,
                    Map.of("FENGXIANG_KIBANA_USERNAME", "elastic", "FENGXIANG_KIBANA_PASSWORD", "pw"));
            assertThat(r.successCount()).isEqualTo(25);
        } finally {
            server.stop(0);
        }
        assertThat(query.get()).isEqualTo("overwrite=true");
        assertThat(headers).containsKey("kbn-xsrf").containsEntry("authorization", "Basic ZWxhc3RpYzpwdw==");
        assertThat(headers.get("content-type")).startsWith("multipart/form-data; boundary=");
        assertThat(body.get()).contains("name=\"file\"; filename=\"fengxiang-saved-objects.ndjson\"").contains("舆情总览");
    }

    private static Set<String> refNames(JsonNode o) {
        Set<String> names = new HashSet<>();
        for (JsonNode r : o.path("references")) names.add(r.path("name").asText());
        return names;
    }
}
