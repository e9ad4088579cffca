package org.fengxiang.analytics.bench;

import java.util.Arrays;
import org.openjdk.jmh.infra.Blackhole;

/**
 * Interleaved measurement of the whole enrichment chain against the StandardTokenizer floor on a
 * shared, noisy machine: each round times one batch of each, alternating, and the median of the
 * per-round ratios is reported (both see the same load). Run after the JMH benchmarks or alone:
 * {@code java -cp <test classpath> org.fengxiang.analytics.bench.FloorRatio [rounds]}.
 */
public final class FloorRatio {
    private FloorRatio() {}

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        EnrichBench b = new EnrichBench();
        b.setUp();
        Blackhole bh = new Blackhole("Today's password is swordfish. I understand instantiating Blackholes directly is dangerous.");
        for (int i = 0; i < 10; i++) {
            b.floorStandardTokenizer(bh);
            b.enrichWholeChain(bh);
        }
        String[] names = {"floor", "chain", "normalise", "segment", "keywords", "sentiment", "simhash"};
        double[][] ms = new double[names.length][rounds];
        double[] ratio = new double[rounds];
        for (int r = 0; r < rounds; r++) {
            for (int s = 0; s < names.length; s++) {
                long t0 = System.nanoTime();
                switch (s) {
                    case 0 -> b.floorStandardTokenizer(bh);
                    case 1 -> b.enrichWholeChain(bh);
                    case 2 -> b.normaliseAndMask(bh);
                    case 3 -> b.segment(bh);
                    case 4 -> b.keywords(bh);
                    case 5 -> b.sentiment(bh);
                    default -> b.simhash(bh);
                }
                ms[s][r] = (System.nanoTime() - t0) / 1e6;
            }
            ratio[r] = ms[0][r] / ms[1][r];
        }
        for (int s = 0; s < names.length; s++) System.out.printf("%-10s median %8.2f ms per batch%n", names[s], median(ms[s]));
        System.out.printf("chain throughput / floor throughput: median %.3f (min %.3f, max %.3f) over %d rounds%n",
                median(ratio), Arrays.stream(ratio).min().orElse(0), Arrays.stream(ratio).max().orElse(0), rounds);
    }

    private static double median(double[] a) {
        double[] c = a.clone();
        Arrays.sort(c);
        return c[c.length / 2];
    }
}
