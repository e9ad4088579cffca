package org.fengxiang.analytics.sentiment;

import java.util.Arrays;
import java.util.List;
import org.fengxiang.analytics.text.Token;

/**
 * Hashed sparse features of one text for the linear model: character 1-3-grams of the analysis text
 * (whitespace skipped), word unigrams and bigrams (punctuation breaks bigrams) and emoticons. Binary
 * values, L2-normalised. Deterministic (no dependence on JVM hash seeds).
 */
final class Features {
    private static final int SEED_CHAR = 0x2c1b3c6d;
    private static final int SEED_WORD = 0x297a2d39;
    private static final int SEED_BIGRAM = 0x1f123bb5;
    private static final int SEED_EMOTICON = 0x5bd1e995;
    private static final int MAX_CHARS = 4000;

    /** Sorted distinct feature indices and the (shared) feature value. */
    record Vector(int[] index, float value) {}

    private Features() {}

    static Vector extract(String text, List<Token> tokens, List<String> emoticons, int bits) {
        int mask = (1 << bits) - 1;
        int n = Math.min(text.length(), MAX_CHARS);
        int[] buf = new int[n * 3 + tokens.size() * 2 + emoticons.size() + 1];
        int k = 0;
        char[] window = new char[3];
        int filled = 0;
        for (int i = 0; i < n; i++) {
            char c = text.charAt(i);
            if (c == ' ') {
                filled = 0;
                continue;
            }
            window[0] = window[1];
            window[1] = window[2];
            window[2] = Character.toLowerCase(c);
            filled = Math.min(filled + 1, 3);
            for (int len = 1; len <= filled; len++) {
                int h = SEED_CHAR + len;
                for (int j = 3 - len; j < 3; j++) h = (h ^ window[j]) * 0x01000193;
                buf[k++] = fmix(h) & mask;
            }
        }
        int prev = 0;
        boolean hasPrev = false;
        for (Token t : tokens) {
            if (t.isPunctuation()) {
                hasPrev = false;
                continue;
            }
            int w = hash(t.word(), SEED_WORD);
            buf[k++] = fmix(w) & mask;
            if (hasPrev) buf[k++] = fmix(prev * 31 + w + SEED_BIGRAM) & mask;
            prev = w;
            hasPrev = true;
            if (k > buf.length - 3) break;
        }
        for (String e : emoticons) {
            if (k >= buf.length) break;
            buf[k++] = fmix(hash(e, SEED_EMOTICON)) & mask;
        }
        int[] idx = distinct(buf, k);
        float value = idx.length == 0 ? 0f : (float) (1.0 / Math.sqrt(idx.length));
        return new Vector(idx, value);
    }

    private static int[] distinct(int[] a, int n) {
        Arrays.sort(a, 0, n);
        int m = 0;
        for (int i = 0; i < n; i++) if (m == 0 || a[m - 1] != a[i]) a[m++] = a[i];
        return Arrays.copyOf(a, m);
    }

    static int hash(String s, int seed) {
        int h = seed;
        for (int i = 0; i < s.length(); i++) h = (h ^ s.charAt(i)) * 0x01000193;
        return h;
    }

    static int fmix(int h) {
        h ^= h >>> 16;
        h *= 0x85ebca6b;
        h ^= h >>> 13;
        h *= 0xc2b2ae35;
        h ^= h >>> 16;
        return h;
    }
}
