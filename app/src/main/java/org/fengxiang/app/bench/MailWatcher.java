package org.fengxiang.app.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * Finds the alert e-mails the embedded SMTP server received: it writes each message as an {@code .eml} file on
 * receipt, so the file's modification time is the time of receipt; the {@code X-Fengxiang-Alert} and
 * {@code X-Fengxiang-Sequence} headers name the alert transition.
 */
final class MailWatcher {
    private final Path dir;
    private final Map<Path, Boolean> scanned = new ConcurrentHashMap<>();
    private final Map<String, Long> receivedByTransition = new ConcurrentHashMap<>();

    MailWatcher(Path dir) {
        this.dir = dir;
    }

    /** Reads new .eml files; returns the receipt time (epoch ms) by {@code alertId#sequence}. */
    Map<String, Long> scan() throws IOException {
        if (dir == null || !Files.isDirectory(dir)) return Map.of();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".eml")).toList()) {
                if (scanned.putIfAbsent(f, Boolean.TRUE) != null) continue;
                String[] h = headers(f);
                if (h[0] != null) receivedByTransition.merge(h[0] + "#" + (h[1] == null ? "0" : h[1]),
                        Files.getLastModifiedTime(f).toMillis(), Math::min);
            }
        }
        return Map.copyOf(receivedByTransition);
    }

    /** {alert id, sequence} from the message headers. */
    private static String[] headers(Path eml) throws IOException {
        String[] out = new String[2];
        try (BufferedReader r = Files.newBufferedReader(eml, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null && !line.isEmpty(); ) {
                if (line.regionMatches(true, 0, "X-Fengxiang-Alert:", 0, 18)) out[0] = line.substring(18).trim();
                else if (line.regionMatches(true, 0, "X-Fengxiang-Sequence:", 0, 21)) out[1] = line.substring(21).trim();
            }
        }
        return out;
    }
}
