package org.fengxiang.core;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * The typed configuration: a YAML tree (defaults from {@code config/fengxiang.yaml}, then an optional
 * user file, then {@code --set key=value} overrides) from which each module binds its own section
 * into a typed settings class. Unknown keys in a bound section are errors, so typos are caught.
 */
public final class Config implements Serializable {
    private static final ObjectMapper YAML = YAMLMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final String yaml;
    private transient ObjectNode tree;

    private Config(ObjectNode tree) {
        this.tree = tree;
        try {
            this.yaml = YAML.writeValueAsString(tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An empty configuration (every section at its defaults). */
    public static Config empty() {
        return new Config(JsonNodeFactory.instance.objectNode());
    }

    /** Parses YAML text. */
    public static Config fromYaml(String yamlText) {
        return new Config(parse(yamlText, "<text>"));
    }

    /** Loads the given YAML files in order, later ones overriding earlier ones, then the overrides. */
    public static Config load(List<Path> files, Map<String, String> overrides) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        for (Path f : files) {
            try {
                merge(root, parse(Files.readString(f), f.toString()));
            } catch (IOException e) {
                throw new ConfigException("cannot read configuration " + f + ": " + e.getMessage());
            }
        }
        Config c = new Config(root);
        return overrides.isEmpty() ? c : c.with(overrides);
    }

    /** A copy with dotted-key overrides applied, e.g. {@code analytics.sentiment.model=PATH}. */
    public Config with(Map<String, String> overrides) {
        ObjectNode root = tree().deepCopy();
        overrides.forEach((k, v) -> set(root, k, v));
        return new Config(root);
    }

    /** Binds the section at a dotted path (missing means all defaults) to a settings class. */
    public <T> T section(String path, Class<T> type) {
        JsonNode node = at(path);
        try {
            if (node == null || node.isMissingNode() || node.isNull()) return YAML.readValue("{}", type);
            return YAML.treeToValue(node, type);
        } catch (IOException e) {
            throw new ConfigException("configuration '" + path + "': " + e.getMessage().split("\n")[0]);
        }
    }

    /** The raw value at a dotted path, or null. */
    public String get(String path) {
        JsonNode n = at(path);
        return n == null || n.isMissingNode() || n.isNull() ? null : n.asText();
    }

    /** The whole tree as YAML. */
    public String toYaml() {
        return yaml;
    }

    private JsonNode at(String path) {
        JsonNode n = tree();
        for (String part : path.split("\\.")) {
            if (n == null) return null;
            n = n.get(part);
        }
        return n;
    }

    private ObjectNode tree() {
        if (tree == null) tree = parse(yaml, "<serialized>");
        return tree;
    }

    private static ObjectNode parse(String text, String origin) {
        try {
            JsonNode n = YAML.readTree(text);
            if (n == null || n.isMissingNode() || n.isNull()) return JsonNodeFactory.instance.objectNode();
            if (!n.isObject()) throw new ConfigException(origin + ": configuration must be a mapping");
            return (ObjectNode) n;
        } catch (IOException e) {
            throw new ConfigException(origin + ": " + e.getMessage().split("\n")[0]);
        }
    }

    private static void merge(ObjectNode into, ObjectNode from) {
        Iterator<Map.Entry<String, JsonNode>> it = from.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode existing = into.get(e.getKey());
            if (existing instanceof ObjectNode eo && e.getValue() instanceof ObjectNode vo) merge(eo, vo);
            else into.set(e.getKey(), e.getValue().deepCopy());
        }
    }

    private static void set(ObjectNode root, String key, String value) {
        if (key == null || key.isBlank() || key.startsWith(".") || key.endsWith(".")) {
            throw new ConfigException("bad configuration key '" + key + "'");
        }
        String[] parts = key.split("\\.");
        ObjectNode n = root;
        for (int i = 0; i < parts.length - 1; i++) {
            JsonNode child = n.get(parts[i]);
            if (!(child instanceof ObjectNode)) {
                child = JsonNodeFactory.instance.objectNode();
                n.set(parts[i], child);
            }
            n = (ObjectNode) child;
        }
        JsonNode parsed;
        try {
            parsed = YAML.readTree(value == null ? "" : value);
        } catch (IOException e) {
            parsed = null;
        }
        if (parsed == null || parsed.isMissingNode() || parsed.isContainerNode() && !value.trim().matches("^[\\[{].*")) {
            n.put(parts[parts.length - 1], value);
        } else {
            n.set(parts[parts.length - 1], parsed);
        }
    }

    /** A configuration error with a message meant for the user. */
    public static final class ConfigException extends RuntimeException {
        public ConfigException(String message) {
            super(message);
        }
    }
}
