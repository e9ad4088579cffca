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
        StringBuilder b = new StringBuilder(analysisText.length());
        for (int i = 0; i < analysisText.length(); i++) {
            char c = analysisText.charAt(i);
            if (Character.isLetterOrDigit(c)) b.append(Character.toLowerCase(c));
        }
        if (b.isEmpty()) return null;
        long h1 = SimHash.hash64(b);
        long h2 = 0x84222325cbf29ce4L;
        for (int i = 0; i < b.length(); i++) h2 = (h2 ^ b.charAt(i)) * 0x9E3779B97F4A7C15L + 0x632BE59BD9B4E019L;
        h2 = SimHash.mix(h2);
        return HexFormat.of().toHexDigits(h1) + HexFormat.of().toHexDigits(h2);
    }
}
