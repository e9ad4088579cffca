package org.fengxiang.analytics.text;

/** One segmented word with its HanLP part-of-speech tag. */
public record Token(String word, String pos) {
    /** True for punctuation and symbols. */
    public boolean isPunctuation() {
        return pos.startsWith("w") || pos.equals("x") && !hasLetterOrDigit(word);
    }

    /** True for place names. */
    public boolean isPlace() {
        return pos.equals("ns") || pos.equals("nsf");
    }

    /** True for organisation names. */
    public boolean isOrganization() {
        return pos.startsWith("nt");
    }

    private static boolean hasLetterOrDigit(String w) {
        for (int i = 0; i < w.length(); i++) if (Character.isLetterOrDigit(w.charAt(i))) return true;
        return false;
    }
}
