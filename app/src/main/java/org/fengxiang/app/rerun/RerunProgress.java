package org.fengxiang.app.rerun;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * A progress bar for a rerun: counts the posts the job has written so far (lines of its part files)
 * against the expected number of input records when known.
 */
public final class RerunProgress implements AutoCloseable {
    private final Path parts;
    private final ProgressBar bar;
    private final Thread poller;
    private final Map<Path, long[]> seen = new HashMap<>();
    private volatile boolean running = true;

    /** Starts polling {@code outDir/.parts}; {@code expected} ≤ 0 means unknown. */
    public RerunProgress(Path outDir, long expected) {
        this.parts = outDir.resolve(".parts");
        this.bar = new ProgressBarBuilder().setTaskName("rerun").setInitialMax(expected > 0 ? expected : -1)
                .setStyle(ProgressBarStyle.ASCII).setUnit(" posts", 1).continuousUpdate().build();
        this.poller = new Thread(this::poll, "rerun-progress");
        poller.setDaemon(true);
        poller.start();
    }

    private void poll() {
        while (running) {
            bar.stepTo(count());
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private long count() {
        if (!Files.isDirectory(parts)) return 0;
        long total = 0;
        try (Stream<Path> s = Files.list(parts)) {
            for (Path f : s.filter(p -> p.getFileName().toString().startsWith("posts-")).toList()) {
                long[] st = seen.computeIfAbsent(f, k -> new long[2]); // {bytes read, lines}
                try (InputStream in = Files.newInputStream(f)) {
                    in.skipNBytes(st[0]);
                    byte[] buf = new byte[64 * 1024];
                    for (int n; (n = in.read(buf)) > 0; ) {
                        st[0] += n;
                        for (int i = 0; i < n; i++) if (buf[i] == '\n') st[1]++;
                    }
                }
                total += st[1];
            }
        } catch (IOException e) {
            return bar.getCurrent();
        }
        return total;
    }

    /** Stops the bar at the final count. */
    @Override
    public void close() {
        running = false;
        poller.interrupt();
        bar.close();
    }
}
