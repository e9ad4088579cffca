package org.fengxiang.alerting.rules;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.fengxiang.core.Json;

/**
 * The versions of the alert rules in force over event time, in an append-only JSON-lines file:
 * version {@code i} applies to event times in {@code [effectiveFrom_i, effectiveFrom_i+1)}. Written
 * by {@link #adopt} (one writer at a time under a file lock), read by the job ({@link HistoryRules})
 * and by reruns, which therefore apply exactly the rules the live job applied.
 */
public final class RuleHistory {
    private final Path file;

    public RuleHistory(Path file) {
        this.file = file.toAbsolutePath().normalize();
    }

    public Path file() {
        return file;
    }

    /** Every version, in order (a torn last line from a crash mid-append is ignored). */
    public List<RuleVersion> read() throws IOException {
        List<RuleVersion> out = new ArrayList<>();
        if (!Files.exists(file)) return out;
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String l = lines.get(i).strip();
            if (l.isEmpty()) continue;
            try {
                out.add(Json.read(l, RuleVersion.class));
            } catch (RuntimeException e) {
                if (i < lines.size() - 1) throw new IOException(file + ":" + (i + 1) + ": corrupt rule version", e);
            }
        }
        return out;
    }

    /** The latest version, if any. */
    public Optional<RuleVersion> latest() throws IOException {
        List<RuleVersion> all = read();
        return all.isEmpty() ? Optional.empty() : Optional.of(all.get(all.size() - 1));
    }

    /**
     * Adopts validated rules: when they differ from the latest version, appends them effective from
     * {@code now + leadMillis} (the first version: from the beginning of time). Returns the new
     * version, or empty when the rules are unchanged.
     */
    public Optional<RuleVersion> adopt(AlertRulesSettings rules, Instant now, long leadMillis) throws IOException {
        rules.validate();
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
             FileLock lock = ch.lock()) {
            List<RuleVersion> all = read();
            RuleVersion last = all.isEmpty() ? null : all.get(all.size() - 1);
            if (last != null && last.version.equals(rules.version())) return Optional.empty();
            RuleVersion v = new RuleVersion();
            v.version = rules.version();
            v.effectiveFrom = last == null ? Long.MIN_VALUE : Math.max(last.effectiveFrom + 1, now.toEpochMilli() + leadMillis);
            v.adoptedAt = now.toString();
            v.rules = rules;
            v.watchedTerms = new ArrayList<>(rules.watchedTerms());
            ByteBuffer buf = ByteBuffer.wrap((Json.write(v) + "\n").getBytes(StandardCharsets.UTF_8));
            while (buf.hasRemaining()) ch.write(buf);
            ch.force(false);
            return Optional.of(v);
        }
    }
}
