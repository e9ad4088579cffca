package org.fengxiang.analytics.dedup;

import java.util.HexFormat;

/**
 * The exact-duplicate key of a text: 128 bits (two independent 64-bit hashes) of the analysis text
 * lower-cased with whitespace and punctuation removed, as 32 hex digits; null for a text without
 * letters or digits.
 */
public final class TextHash {
    private TextHash() {}

    /** The hash, or null when nothing is left after stripping. */
    public static String of(String analysisText) {
        if (analysisText == null) return null;
        long h1 = 0xcbf29ce484222325L;
        long h2 = 0x84222325cbf29ce4L;
        int n = 0;
        for (int i = 0; i < analysisText.length(); i++) {
            char c = analysisText.charAt(i);
            if (!Character.isLetterOrDigit(c)) continue;
            c = Character.toLowerCase(c);
            h1 = (h1 ^ c) * 0x100000001b3L;
            h2 = (h2 ^ c) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
            n++;
        }
        if (n == 0) return null;
        return HexFormat.of().toHexDigits(SimHash.mix(h1)) + HexFormat.of().toHexDigits(SimHash.mix(h2));
    }
}
