package org.fengxiang.alerting.es;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.ConnectException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.fengxiang.core.Json;

/** An in-memory stand-in for Elasticsearch's _bulk: stores documents by index/id, with scripted failures. */
final class FakeTransport implements BulkTransport {
    /** Outcome of the next request: "down" (connection refused), an HTTP status, or per-item statuses. */
    final Deque<Object> script = new ArrayDeque<>();
    final Map<String, String> store = new LinkedHashMap<>();
    final Map<String, Long> versions = new LinkedHashMap<>();
    final List<Integer> requestSizes = new ArrayList<>();
    Function<JsonNode, Integer> itemStatus = src -> 201;

    @Override
    public Reply send(byte[] ndjson) throws IOException {
        String[] lines = new String(ndjson, StandardCharsets.UTF_8).split("\n");
        requestSizes.add(lines.length / 2);
        Object next = script.poll();
        if ("down".equals(next)) throw new ConnectException("Connection refused");
        if (next instanceof Integer status) return new Reply(status, "{\"error\":\"scripted\"}");
        ObjectNode resp = Json.mapper().createObjectNode();
        ArrayNode items = resp.putArray("items");
        boolean errors = false;
        for (int i = 0; i + 1 < lines.length; i += 2) {
            JsonNode meta = Json.tree(lines[i]).path("index");
            JsonNode src = Json.tree(lines[i + 1]);
            String key = meta.path("_index").asText() + "/" + meta.path("_id").asText();
            int status = next instanceof int[] arr && i / 2 < arr.length ? arr[i / 2] : itemStatus.apply(src);
            if (status == 201 && meta.has("version")) {
                long v = meta.path("version").asLong();
                if (versions.getOrDefault(key, -1L) > v) status = 409;
                else versions.put(key, v);
            }
            if (status == 201) store.put(key, lines[i + 1]);
            ObjectNode r = items.addObject().putObject("index");
            r.put("_index", meta.path("_index").asText()).put("_id", meta.path("_id").asText()).put("status", status);
            if (status >= 300) {
                errors = true;
                r.putObject("error").put("type", status == 400 ? "document_parsing_exception" : "other")
                        .put("reason", "scripted " + status);
            }
        }
        resp.put("errors", errors);
        return new Reply(200, Json.write(resp));
    }

    @Override
    public void close() {}
}
