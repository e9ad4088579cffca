package org.fengxiang.alerting.mail;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.fengxiang.core.Json;

/**
 * A {@link MailLedger} in an append-only JSON-lines file (the last line of a key wins), each append
 * forced to disk before it returns. One instance per file and JVM is shared by all writers
 * ({@link #open}); it is for single-host runs where Elasticsearch is absent.
 */
public final class FileMailLedger implements MailLedger {
    private static final Map<Path, FileMailLedger> OPEN = new HashMap<>();
    private final Path file;
    private final Map<String, LedgerEntry> entries = new HashMap<>();
    private FileChannel channel;
    private int users;

    private FileMailLedger(Path file) throws IOException {
        this.file = file;
        if (file.getParent() != null) Files.createDirectories(file.getParent());
        if (Files.exists(file)) {
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                String l = lines.get(i).trim();
                if (l.isEmpty()) continue;
                try {
                    LedgerEntry e = Json.read(l, LedgerEntry.class);
                    if (e.key != null) entries.put(e.key, e);
                } catch (RuntimeException ex) {
                    if (i < lines.size() - 1) throw new IOException(file + ":" + (i + 1) + ": corrupt ledger line", ex);
                    // a torn last line from a crash mid-append: that append never completed
                }
            }
        }
        channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
    }

    /** Opens (or shares) the ledger of a file. */
    public static FileMailLedger open(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        synchronized (OPEN) {
            FileMailLedger l = OPEN.get(key);
            if (l == null) {
                l = new FileMailLedger(key);
                OPEN.put(key, l);
            }
            l.users++;
            return l;
        }
    }

    @Override
    public synchronized Optional<LedgerEntry> get(String key) {
        return Optional.ofNullable(entries.get(key));
    }

    @Override
    public synchronized List<LedgerEntry> withStatus(String status) {
        return entries.values().stream().filter(e -> status.equals(e.status))
                .sorted(java.util.Comparator.comparing(e -> e.key)).toList();
    }

    @Override
    public synchronized boolean claim(LedgerEntry entry) throws IOException {
        if (entries.containsKey(entry.key)) return false;
        append(entry);
        return true;
    }

    @Override
    public synchronized void record(LedgerEntry entry) throws IOException {
        append(entry);
    }

    private void append(LedgerEntry e) throws IOException {
        byte[] line = (Json.write(e) + "\n").getBytes(StandardCharsets.UTF_8);
        ByteBuffer buf = ByteBuffer.wrap(line);
        while (buf.hasRemaining()) channel.write(buf);
        channel.force(false);
        entries.put(e.key, e);
    }

    @Override
    public void close() throws IOException {
        synchronized (OPEN) {
            if (--users > 0) return;
            OPEN.remove(file);
            synchronized (this) {
                channel.close();
            }
        }
    }
}
