package org.fengxiang.alerting.es;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.fengxiang.core.Json;
import org.fengxiang.core.Rejected;

/** Appends each rejected document as a {@link Rejected} JSON line (stage {@code elasticsearch}) to a file. */
public final class JsonLinesRejectHandler implements RejectHandler {
    private final String file;
    private transient BufferedWriter out;

    public JsonLinesRejectHandler(Path file) {
        this.file = file.toString();
    }

    @Override
    public void open() throws IOException {
        Path p = Path.of(file);
        if (p.getParent() != null) Files.createDirectories(p.getParent());
        out = Files.newBufferedWriter(p, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    @Override
    public synchronized void rejected(String index, String id, String source, int status, String reason)
            throws IOException {
        if (out == null) open();
        Rejected r = new Rejected(null, "elasticsearch", index + " status " + status + ": " + reason, id, source);
        out.write(Json.write(r));
        out.write('\n');
        out.flush();
    }

    @Override
    public synchronized void close() throws IOException {
        if (out != null) out.close();
        out = null;
    }
}
