package org.fengxiang.analytics.text;

/** Emoji code point classification (package-private). */
final class Emoji {
    private Emoji() {}

    /** True for a pictographic emoji code point (not a modifier, joiner or variation selector). */
    static boolean isEmoji(int cp) {
        if (isModifier(cp)) return false;
        return cp >= 0x1F300 && cp <= 0x1F5FF || cp >= 0x1F600 && cp <= 0x1F64F || cp >= 0x1F680 && cp <= 0x1F6FF
                || cp >= 0x1F900 && cp <= 0x1F9FF || cp >= 0x1FA70 && cp <= 0x1FAFF || cp >= 0x2600 && cp <= 0x27BF
                || cp >= 0x1F000 && cp <= 0x1F0FF || cp >= 0x1F200 && cp <= 0x1F2FF
                || cp == 0x2B50 || cp == 0x2B55 || cp == 0x2764 || cp >= 0x231A && cp <= 0x231B;
    }

    /** True for skin-tone modifiers, variation selectors, regional indicators and the zero-width joiner. */
    static boolean isModifier(int cp) {
        return cp >= 0x1F3FB && cp <= 0x1F3FF || cp == 0xFE0F || cp == 0xFE0E || cp == 0x200D
                || cp >= 0x1F1E6 && cp <= 0x1F1FF || cp == 0x20E3;
    }
}
