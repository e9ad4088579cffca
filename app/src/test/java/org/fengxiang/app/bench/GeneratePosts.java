package org.fengxiang.app.bench;

import java.io.BufferedWriter;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the bench's generated traffic to a JSONL file for offline A/B runs of the job graph
 * ({@code fengxiang analyze}): N posts at R posts/s of event time, with one incident burst (25 reposts/s
 * for 40 s) from post 30,000 on. Usage: {@code GeneratePosts N R FILE [seed]}.
 */
public final class GeneratePosts {
    private GeneratePosts() {}

    public static void main(String[] args) throws Exception {
        int n = Integer.parseInt(args[0]);
        int rate = Integer.parseInt(args[1]);
        PostGenerator gen = new PostGenerator(args.length > 3 ? Long.parseLong(args[3]) : 11, "ab");
        long t0 = 1_790_000_000_000L;
        int burstStart = Math.min(30_000, n / 10);
        try (BufferedWriter w = Files.newBufferedWriter(Path.of(args[2]))) {
            for (int i = 0; i < n; i++) {
                long t = t0 + (long) i * 1000 / rate;
                if (i == burstStart) line(w, gen.burstRoot(t).json());
                if (i > burstStart && i < burstStart + 40 * rate && i % Math.max(1, rate / 25) == 0) line(w, gen.burstRepost(t).json());
                line(w, gen.next(t).json());
            }
        }
    }

    private static void line(BufferedWriter w, String json) throws java.io.IOException {
        w.write(json);
        w.newLine();
    }
}
