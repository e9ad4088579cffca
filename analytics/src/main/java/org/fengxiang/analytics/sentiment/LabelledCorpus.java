package org.fengxiang.analytics.sentiment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.fengxiang.core.Json;
import org.fengxiang.core.Sentiment;

/**
 * Reads labelled sentiment data: CSV with a header holding {@code label} and {@code text} or
 * {@code review} (RFC 4180 quoting, other columns ignored) or JSONL objects with the same fields.
 * Labels: 0/1 or negative/neutral/positive (also neg/neu/pos).
 */
public final class LabelledCorpus {
    /** One labelled text. */
    public record Example(String label, String text) {}

    private LabelledCorpus() {}

    /** Reads a CSV or JSONL file (by extension: .jsonl/.json means JSONL, anything else CSV). */
    public static List<Example> read(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.endsWith(".jsonl") || name.endsWith(".json") ? readJsonl(file) : readCsv(file);
    }

    /** Maps a raw label to a sentiment label. */
    public static String label(String raw) {
        String l = raw.strip().toLowerCase(Locale.ROOT);
        return switch (l) {
            case "0", "neg", "negative" -> Sentiment.NEGATIVE;
            case "1", "pos", "positive" -> Sentiment.POSITIVE;
            case "neu", "neutral" -> Sentiment.NEUTRAL;
            default -> throw new IllegalArgumentException("unknown sentiment label '" + raw + "'");
        };
    }

    private static List<Example> readJsonl(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        int line = 0;
        for (String s : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            line++;
            if (s.isBlank()) continue;
            JsonNode n = Json.tree(s);
            JsonNode text = n.hasNonNull("text") ? n.get("text") : n.get("review");
            if (text == null || !n.hasNonNull("label")) throw new IOException(file + ":" + line + ": needs label and text/review");
            out.add(new Example(label(n.get("label").asText()), text.asText()));
        }
        return out;
    }

    private static List<Example> readCsv(Path file) throws IOException {
        List<Example> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<String> header = record(r);
            if (header == null) return out;
            if (!header.isEmpty()) header.set(0, header.get(0).replace("\ufeff", ""));
            int label = header.indexOf("label");
            int text = header.indexOf("text") >= 0 ? header.indexOf("text") : header.indexOf("review");
            if (label < 0 || text < 0) throw new IOException(file + ": CSV header needs 'label' and 'text' or 'review'");
            List<String> rec;
            while ((rec = record(r)) != null) {
                if (rec.size() == 1 && rec.get(0).isBlank()) continue;
                if (rec.size() <= Math.max(label, text)) continue;
                String t = rec.get(text).replace("\ufeff", "");
                if (t.isBlank()) continue;
                out.add(new Example(label(rec.get(label)), t));
            }
        }
        return out;
    }

    /** One CSV record (quoted fields may span lines); null at end of input. */
    static List<String> record(BufferedReader r) throws IOException {
        String line = r.readLine();
        if (line == null) return null;
        List<String> fields = new ArrayList<>();
        StringBuilder f = new StringBuilder();
        boolean quoted = false;
        while (true) {
            for (int i = 0; i < line.length(); i++) {
                char c = line.charAt(i);
                if (quoted) {
                    if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                        f.append('"');
                        i++;
                    } else if (c == '"') {
                        quoted = false;
                    } else {
                        f.append(c);
                    }
                } else if (c == '"') {
                    quoted = true;
                } else if (c == ',') {
                    fields.add(f.toString());
                    f.setLength(0);
                } else {
                    f.append(c);
                }
            }
            if (!quoted) break;
            line = r.readLine();
            if (line == null) break;
            f.append('\n');
        }
        fields.add(f.toString());
        return fields;
    }
}
