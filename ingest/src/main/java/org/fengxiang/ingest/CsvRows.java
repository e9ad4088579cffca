package org.fengxiang.ingest;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.fengxiang.core.Json;

/**
 * Turns CSV rows into input-contract JSON: header names are field names, dotted names nest
 * ({@code author.name}, {@code metrics.likes}); counters become numbers and {@code verified} a
 * boolean when they look like one (otherwise they stay strings for the validator to judge);
 * empty cells are omitted (except {@code text}, which may be empty).
 */
final class CsvRows {
    private static final Set<String> NUMERIC = Set.of("followers", "reposts", "comments", "likes", "views");
    private final List<String> header;

    CsvRows(List<String> header) {
        this.header = header.stream().map(h -> h.replace("\uFEFF", "").trim()).toList();
    }

    String toJson(List<String> row) {
        ObjectNode root = Json.mapper().createObjectNode();
        for (int i = 0; i < header.size() && i < row.size(); i++) {
            String name = header.get(i);
            String value = row.get(i);
            if (name.isEmpty() || value.isEmpty() && !"text".equals(name)) continue;
            ObjectNode target = root;
            String[] parts = name.split("\\.");
            for (int k = 0; k < parts.length - 1; k++) {
                target = target.has(parts[k]) && target.get(parts[k]).isObject() ? (ObjectNode) target.get(parts[k]) : target.putObject(parts[k]);
            }
            String leaf = parts[parts.length - 1];
            if (NUMERIC.contains(leaf) && value.matches("\\d{1,18}")) target.put(leaf, Long.parseLong(value));
            else if ("verified".equals(leaf) && (value.equalsIgnoreCase("true") || value.equalsIgnoreCase("false"))) {
                target.put(leaf, Boolean.parseBoolean(value));
            } else target.put(leaf, value);
        }
        return Json.write(root);
    }
}
