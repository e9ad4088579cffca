package org.fengxiang.app.job;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.fengxiang.core.Json;

/** Merges the per-subtask part files of an offline run into one deterministic, sorted file each. */
public final class OutputFiles {
    static final String PARTS = ".parts";

    private OutputFiles() {}

    /**
     * Merges {@code DIR/.parts/NAME-*.jsonl} into {@code DIR/NAME.jsonl}, sorted by the given JSON
     * fields (then by the whole line), so the file is the same whatever the parallelism.
     */
    public static long merge(Path dir, String name, String... sortFields) throws IOException {
        List<String[]> rows = new ArrayList<>();
        Path parts = dir.resolve(PARTS);
        if (Files.isDirectory(parts)) {
            try (Stream<Path> files = Files.list(parts)) {
                for (Path f : files.filter(p -> p.getFileName().toString().startsWith(name + "-")).sorted().toList()) {
                    try (BufferedReader r = Files.newBufferedReader(f, StandardCharsets.UTF_8)) {
                        for (String line; (line = r.readLine()) != null; ) {
                            if (!line.isEmpty()) rows.add(sortKey(line, sortFields));
                        }
                    }
                }
            }
        }
        rows.sort(Comparator.comparing((String[] a) -> a[0]).thenComparing(a -> a[1]));
        try (BufferedWriter w = Files.newBufferedWriter(dir.resolve(name + ".jsonl"), StandardCharsets.UTF_8)) {
            for (String[] row : rows) {
                w.write(row[1]);
                w.write('\n');
            }
        }
        return rows.size();
    }

    /**
     * Like {@link #merge} but keeps, per value of {@code idField}, only the row with the largest
     * {@code versionField} (the latest snapshot of an incident).
     */
    public static long mergeLatest(Path dir, String name, String idField, String versionField) throws IOException {
        long n = merge(dir, name, idField, versionField);
        Path file = dir.resolve(name + ".jsonl");
        java.util.LinkedHashMap<String, String> latest = new java.util.LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            if (!line.isEmpty()) latest.put(Json.tree(line).path(idField).asText(), line);
        }
        Files.write(file, latest.values(), StandardCharsets.UTF_8);
        return latest.size();
    }

    /** Deletes the part files once every output has been merged. */
    public static void cleanParts(Path dir) throws IOException {
        Path parts = dir.resolve(PARTS);
        if (!Files.isDirectory(parts)) return;
        try (Stream<Path> files = Files.list(parts)) {
            for (Path f : files.toList()) Files.delete(f);
        }
        Files.delete(parts);
    }

    private static String[] sortKey(String line, String[] fields) {
        JsonNode n = Json.tree(line);
        StringBuilder key = new StringBuilder();
        for (String f : fields) {
            JsonNode v = n.get(f);
            String s = v == null || v.isNull() ? "" : v.asText();
            if (v != null && v.isNumber()) s = String.format("%020d", v.asLong());
            key.append(s).append('\u0000');
        }
        return new String[] {key.toString(), line};
    }
}
