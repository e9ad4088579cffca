package org.fengxiang.analytics.dedup;

import java.util.List;
import java.util.function.Predicate;
import org.fengxiang.analytics.text.Token;

/**
 * 64-bit SimHash over the word tokens of the normalised analysis text (punctuation skipped, each word
 * weighted by its length capped at 3, so function characters weigh less than content words), and its 4 banded keys of 16 bits: two hashes within Hamming distance 3
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
        return of(tokens, minTokens, w -> false);
    }

    /** The SimHash of a token list without stop words, or 0 when fewer than {@code minTokens} remain. */
    public static long of(List<Token> tokens, int minTokens, Predicate<String> stopWords) {
        int[] counts = new int[64];
        int n = 0;
        for (Token t : tokens) {
            if (t.isPunctuation() || stopWords.test(t.word())) continue;
            long h = hash64(t.word());
            int weight = Math.min(t.word().length(), 3);
            for (int b = 0; b < 64; b++) counts[b] += ((h >>> b) & 1L) != 0 ? weight : -weight;
            n++;
        }
        if (n < minTokens) return 0L;
        long s = 0;
        for (int b = 0; b < 64; b++) if (counts[b] > 0) s |= 1L << b;
        return s == 0 ? 1L : s;
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
