package org.fengxiang.ingest.extract;

/** Small text helpers shared by the extractor. */
final class TextUtil {
    private TextUtil() {}

    /** True for CJK ideographs and CJK punctuation. */
    static boolean cjk(char c) {
        return c >= '\u4e00' && c <= '\u9fff' || c >= '\u3400' && c <= '\u4dbf' || c >= '\u3000' && c <= '\u303f'
                || c >= '\uff00' && c <= '\uffef';
    }

    /** Length where a CJK character counts double (it carries about a word's worth of text). */
    static int weight(String s) {
        int w = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) continue;
            w += cjk(c) ? 2 : 1;
        }
        return w;
    }

    /** Sentence punctuation count (Latin and Chinese). */
    static int punctuation(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            switch (s.charAt(i)) {
                case ',', '.', ';', '，', '。', '、', '；', '！', '？', '!', '?', '：', '“', '”' -> n++;
                default -> { }
            }
        }
        return n;
    }

    /** Collapses whitespace runs (including NBSP and ideographic spaces) to single spaces, trimmed. */
    static String collapse(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = false;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c) || c == '\u00a0' || c == '\u3000' || c == '\u200b' || c == '\ufeff') {
                space = b.length() > 0;
            } else {
                if (space) b.append(' ');
                space = false;
                b.append(c);
            }
        }
        return b.toString();
    }
}
