package org.fengxiang.analytics.dedup;

import java.util.List;
import org.fengxiang.analytics.text.Token;

/**
 * 64-bit SimHash over the word tokens (unigrams weight 1, adjacent bigrams weight 1) of the
 * normalised analysis text, and its 4 banded keys of 16 bits: two hashes within Hamming distance 3
 * share at least one band exactly (pigeonhole), so near duplicates are found by exact band lookups.
 */
public final class SimHash {
    /** Number of bands. */
    public static final int BANDS = 4;
    /** Bits per band. */
    public static final int BAND_BITS = 16;

    private SimHash() {}

    /** The SimHash of a token list, or 0 when fewer than {@code minTokens} content tokens remain. */
    public static long of(List<Token> tokens, int minTokens) {
        int[] counts = new int[64];
        int n = 0;
        long prev = 0;
        boolean hasPrev = false;
        for (Token t : tokens) {
            if (t.isPunctuation()) {
                hasPrev = false;
                continue;
            }
            long h = hash64(t.word());
            add(counts, h);
            if (hasPrev) add(counts, mix(prev * 0x9E3779B97F4A7C15L + h));
            prev = h;
            hasPrev = true;
            n++;
        }
        if (n < minTokens) return 0L;
        long s = 0;
        for (int b = 0; b < 64; b++) if (counts[b] > 0) s |= 1L << b;
        return s == 0 ? 1L : s;
    }

    private static void add(int[] counts, long h) {
        for (int b = 0; b < 64; b++) counts[b] += ((h >>> b) & 1L) != 0 ? 1 : -1;
    }

    /** The Hamming distance of two hashes. */
    public static int distance(long a, long b) {
        return Long.bitCount(a ^ b);
    }

    /** The banded keys: {@code band << 16 | bits of that band}, one per band. */
    public static int[] bandKeys(long simhash) {
        int[] keys = new int[BANDS];
        for (int b = 0; b < BANDS; b++) keys[b] = b << BAND_BITS | (int) ((simhash >>> (b * BAND_BITS)) & 0xFFFF);
        return keys;
    }

    /** A 64-bit string hash (FNV-1a then a SplitMix64 finaliser); stable across JVMs. */
    public static long hash64(CharSequence s) {
        long h = 0xcbf29ce484222325L;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x100000001b3L;
        return mix(h);
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
