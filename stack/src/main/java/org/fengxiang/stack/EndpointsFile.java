package org.fengxiang.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.fengxiang.core.Json;

/** Reads and writes {@code endpoints.json} (plain strings and numbers, readable by scripts). */
final class EndpointsFile {
    private EndpointsFile() {}

    static void write(Path file, Endpoints e) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kafkaBootstrap", e.kafkaBootstrap());
        m.put("elasticsearchUrl", e.elasticsearchUrl());
        m.put("smtpHost", e.smtpHost());
        m.put("smtpPort", e.smtpPort());
        m.put("imapPort", e.imapPort());
        m.put("mailDir", e.mailDir() == null ? null : e.mailDir().toString());
        m.put("dataDir", e.dataDir().toString());
        try {
            Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(tmp, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(m) + "\n");
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }

    static Optional<Endpoints> read(Path file) {
        if (!Files.isRegularFile(file)) return Optional.empty();
        try {
            JsonNode n = Json.mapper().readTree(Files.readString(file));
            return Optional.of(new Endpoints(text(n, "kafkaBootstrap"), text(n, "elasticsearchUrl"), text(n, "smtpHost"),
                    n.path("smtpPort").asInt(0), n.path("imapPort").asInt(0),
                    text(n, "mailDir") == null ? null : Path.of(text(n, "mailDir")), Path.of(text(n, "dataDir"))));
        } catch (IOException | RuntimeException ex) {
            throw new StackException("cannot read " + file + ": " + ex.getMessage(), ex);
        }
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.get(field);
        return v == null || v.isNull() ? null : v.asText();
    }
}
