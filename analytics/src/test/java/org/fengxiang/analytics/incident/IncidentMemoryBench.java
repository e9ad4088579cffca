package org.fengxiang.analytics.incident;

import java.util.Arrays;
import java.util.Random;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;

/**
 * Memory figure: replays a synthetic day of N posts (default 1,000,000) through {@link IncidentReplay}
 * and reports, every simulated hour, the live incidents and the size of their serialised state
 * (what a Flink state backend stores). Cascade sizes are Pareto-distributed (alpha 1.5, a few
 * cascades of tens of thousands), repost delays log-normal (median 20 min).
 * Usage: {@code IncidentMemoryBench [N] [seed]}.
 */
public final class IncidentMemoryBench {
    private IncidentMemoryBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 1;
        Random rnd = new Random(seed);
        long day = 86_400_000L;
        long[] time = new long[n];
        int[] root = new int[n];
        int[] parent = new int[n];
        int i = 0;
        int cascades = 0;
        int largest = 0;
        while (i < n) {
            int r = i;
            long t0 = TestPosts.T0 + (long) (rnd.nextDouble() * day);
            time[i] = t0;
            root[i] = r;
            parent[i] = -1;
            i++;
            int size = (int) Math.min(50_000, Math.floor(Math.pow(1 - rnd.nextDouble(), -1 / 1.5)) - 1);
            largest = Math.max(largest, size);
            for (int k = 0; k < size && i < n; k++, i++) {
                time[i] = t0 + (long) (Math.exp(Math.log(20 * 60_000.0) + 1.2 * rnd.nextGaussian()));
                root[i] = r;
                parent[i] = k == 0 || rnd.nextInt(4) != 0 ? r : r + 1 + rnd.nextInt(k);
            }
            cascades++;
        }
        Integer[] order = new Integer[n];
        for (int k = 0; k < n; k++) order[k] = k;
        Arrays.sort(order, (a, b) -> Long.compare(time[a], time[b]));

        IncidentSettings s = new IncidentSettings().validate();
        long[] snapshots = {0};
        IncidentReplay replay = new IncidentReplay(s, 60_000, x -> snapshots[0]++);
        long nextReport = TestPosts.T0 + 3_600_000;
        long peakBytes = 0;
        long peakKeys = 0;
        long maxOne = 0;
        long started = System.nanoTime();
        System.out.printf("posts=%d cascades=%d largest=%d%n", n, cascades, largest + 1);
        for (int k = 0; k < n; k++) {
            int x = order[k];
            if (time[x] >= nextReport) {
                long[] m = measure(replay);
                peakBytes = Math.max(peakBytes, m[0]);
                peakKeys = Math.max(peakKeys, m[1]);
                maxOne = Math.max(maxOne, m[2]);
                System.out.printf("hour %2d: live incidents %,d, state %,d bytes (%.0f B/incident, largest %,d B)%n",
                        (nextReport - TestPosts.T0) / 3_600_000, m[1], m[0], m[1] == 0 ? 0.0 : (double) m[0] / m[1], m[2]);
                if ((nextReport - TestPosts.T0) / 3_600_000 == 12) estimateAgainstHeap(replay);
                nextReport += 3_600_000;
            }
            int r = root[x];
            Post p = TestPosts.post("weibo:p" + x, x == r ? null : "weibo:p" + r,
                    parent[x] < 0 ? null : "weibo:p" + parent[x], time[x], "a" + rnd.nextInt(2_000_000), rnd.nextInt(5000));
            p.text = x == r ? "一条普通的微博正文，用来模拟原帖的长度。" : "";
            replay.onPost(p);
        }
        replay.finish();
        System.out.printf("PEAK live incidents %,d, serialised state %,.1f MiB, largest incident %,.1f KiB; "
                        + "snapshots %,d; replay %.1f s; after the final watermark %d incidents remain%n",
                peakKeys, peakBytes / 1048576.0, maxOne / 1024.0, snapshots[0], (System.nanoTime() - started) / 1e9,
                replay.processors().size());
    }

    /**
     * Compares {@link IncidentProcessor#approximateBytes} (what bounds the write-back caches under RocksDB) with the
     * heap that JSON copies of the live states take, as the caches hold them.
     */
    private static void estimateAgainstHeap(IncidentReplay replay) {
        java.util.List<String> json = new java.util.ArrayList<>();
        for (IncidentProcessor p : replay.processors().values()) json.add(Json.write(p));
        long before = usedAfterGc();
        java.util.List<IncidentProcessor> copies = new java.util.ArrayList<>(json.size());
        for (String j : json) copies.add(Json.read(j, IncidentProcessor.class));
        long after = usedAfterGc();
        long estimated = 0;
        for (IncidentProcessor c : copies) estimated += c.approximateBytes();
        System.out.printf("  %,d deserialised states: heap %,.1f MiB, approximateBytes %,.1f MiB (%.2f of the heap)%n",
                copies.size(), (after - before) / 1048576.0, estimated / 1048576.0, estimated / (double) (after - before));
    }

    private static long usedAfterGc() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }

    /** {total serialised bytes, live keys, largest single state}. */
    private static long[] measure(IncidentReplay replay) {
        long total = 0;
        long max = 0;
        for (IncidentProcessor p : replay.processors().values()) {
            long b = Json.write(p).getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
            total += b;
            max = Math.max(max, b);
        }
        return new long[] {total, replay.processors().size(), max};
    }
}
