package org.fengxiang.alerting.ack;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.fengxiang.core.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An {@link AckStore} in an append-only JSON-lines file, each append forced to disk under an
 * exclusive file lock. Lines appended by other processes (a separate {@code ack-server}) are picked
 * up on every lookup, so the mail sink's escalation sees acknowledgements made elsewhere on the host.
 */
public final class FileAckStore implements AckStore {
    private static final Logger LOG = LoggerFactory.getLogger(FileAckStore.class);
    private final Path file;
    private final FileChannel channel;
    /** Highest acknowledged sequence per alert (the first acknowledgement of that sequence). */
    private final Map<String, Acknowledgement> latest = new HashMap<>();
    private long readOffset;

    public FileAckStore(Path file) throws IOException {
        this.file = file.toAbsolutePath().normalize();
        if (this.file.getParent() != null) Files.createDirectories(this.file.getParent());
        this.channel = FileChannel.open(this.file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
        refresh();
    }

    @Override
    public synchronized Optional<Acknowledgement> covering(String alertId, int sequence) throws IOException {
        refresh();
        Acknowledgement a = latest.get(alertId);
        return a != null && a.covers(alertId, sequence) ? Optional.of(a) : Optional.empty();
    }

    @Override
    public synchronized Acknowledgement acknowledge(String alertId, int sequence, String by, Instant at) throws IOException {
        try (FileLock lock = channel.lock()) {
            refresh();
            Acknowledgement a = latest.get(alertId);
            if (a != null && a.covers(alertId, sequence)) return a;
            Acknowledgement ack = new Acknowledgement(alertId, sequence, at.toString(), by);
            ByteBuffer buf = ByteBuffer.wrap((Json.write(ack) + "\n").getBytes(StandardCharsets.UTF_8));
            long pos = channel.size();
            while (buf.hasRemaining()) pos += channel.write(buf, pos);
            channel.force(false);
            refresh();
            return latest.get(alertId);
        }
    }

    /** Reads the complete lines appended since the last read (a torn last line is left for later). */
    private void refresh() throws IOException {
        long size = channel.size();
        if (size <= readOffset) return;
        ByteBuffer buf = ByteBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 8, size - readOffset));
        channel.read(buf, readOffset);
        byte[] bytes = buf.array();
        int start = 0;
        for (int i = 0; i < buf.position(); i++) {
            if (bytes[i] != '\n') continue;
            String line = new String(bytes, start, i - start, StandardCharsets.UTF_8).strip();
            start = i + 1;
            if (line.isEmpty()) continue;
            try {
                apply(Json.read(line, Acknowledgement.class));
            } catch (RuntimeException e) {
                LOG.warn("{}: skipping a corrupt acknowledgement line: {}", file, e.getMessage());
            }
        }
        readOffset += start;
    }

    private void apply(Acknowledgement a) {
        if (a.alertId == null) return;
        Acknowledgement cur = latest.get(a.alertId);
        if (cur == null || a.sequence > cur.sequence) latest.put(a.alertId, a);
    }

    @Override
    public synchronized void close() throws IOException {
        channel.close();
    }
}
