package org.fengxiang.analytics.sentiment;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.analytics.text.LexiconFiles;
import org.fengxiang.analytics.text.Token;

/**
 * A rule-based sentiment lexicon scorer. File lines: {@code WORD<TAB>KIND[<TAB>VALUE]} where KIND is
 * {@code pol} (polar word or emoticon, VALUE in about [-3, 3]), {@code neg} (negator), {@code deg}
 * (degree adverb, VALUE a multiplier), {@code degpol} (a degree adverb of 1.5 before a polar word,
 * else a polar word of VALUE), {@code but} (adversative: what follows weighs more),
 * {@code rhet} (rhetorical-question marker) or {@code end} (question particle). Rules: negators and
 * degree adverbs apply to the next polar word within three tokens; an adversative halves what came
 * before it in the sentence and weighs what follows 1.5x; a rhetorical question flips its sentence
 * (or counts mildly negative when it holds no polar word); a final '!' amplifies. Immutable, thread-safe.
 */
public final class SentimentLexicon {
    private static final byte POL = 1;
    private static final byte NEG = 2;
    private static final byte DEG = 3;
    private static final byte BUT = 4;
    private static final byte RHET = 5;
    private static final byte END = 6;
    private static final byte DEG_OR_POL = 7;
    private static final int SCOPE = 3;
    private static final double DEG_OR_POL_DEGREE = 1.5;
    private static final String SENTENCE_ENDS = "!?;~\u3002\u2026";

    private final Map<String, Entry> entries;

    private record Entry(byte kind, double value) {}

    /** The scorer's result: a score in (-1, 1) and the number of polar words and emoticons found. */
    public record Score(double score, int hits) {}

    private SentimentLexicon(Map<String, Entry> entries) {
        this.entries = entries;
    }

    /** Loads a lexicon file (see the class comment for the format). */
    public static SentimentLexicon load(String path) {
        Map<String, Entry> map = new HashMap<>();
        for (String line : LexiconFiles.lines(path)) {
            String[] p = line.split("\t");
            if (p.length < 2) throw new IllegalArgumentException("sentiment lexicon " + path + ": bad line '" + line + "'");
            byte kind = switch (p[1].strip()) {
                case "pol" -> POL;
                case "neg" -> NEG;
                case "deg" -> DEG;
                case "but" -> BUT;
                case "rhet" -> RHET;
                case "end" -> END;
                case "degpol" -> DEG_OR_POL;
                default -> throw new IllegalArgumentException("sentiment lexicon " + path + ": unknown kind in '" + line + "'");
            };
            double value = p.length > 2 ? Double.parseDouble(p[2].strip()) : 0;
            map.put(p[0].strip(), new Entry(kind, value));
        }
        return new SentimentLexicon(Map.copyOf(map));
    }

    private boolean isPolar(String word) {
        Entry e = entries.get(word);
        return e != null && e.kind == POL;
    }

    /** The polarity of one word or emoticon (0 when not a polar entry). */
    public double polarity(String word) {
        Entry e = entries.get(word);
        return e != null && e.kind == POL ? e.value : 0;
    }

    /** Scores a token sequence plus the emoticons/emoji found in the text. */
    public Score score(List<Token> tokens, List<String> emoticons) {
        double total = 0;
        int hits = 0;
        int start = 0;
        for (int i = 0; i <= tokens.size(); i++) {
            if (i == tokens.size() || isSentenceEnd(tokens.get(i).word())) {
                int end = Math.min(i + 1, tokens.size());
                if (end > start) {
                    double[] s = sentence(tokens, start, end);
                    total += s[0];
                    hits += (int) s[1];
                }
                start = i + 1;
            }
        }
        int counted = 0;
        for (String e : emoticons) {
            double v = polarity(e);
            if (v != 0 && counted < 4) {
                total += v;
                hits++;
                counted++;
            }
        }
        return new Score(Math.tanh(total / 2.0), hits);
    }

    private double[] sentence(List<Token> tokens, int from, int to) {
        double score = 0;
        double clauseWeight = 1;
        int negations = 0;
        double degree = 1;
        int sinceModifier = SCOPE + 1;
        int hits = 0;
        boolean rhetorical = false;
        boolean question = false;
        for (int i = from; i < to; i++) {
            String w = tokens.get(i).word();
            if (w.indexOf('?') >= 0) question = true;
            if (w.equals(",")) sinceModifier = SCOPE + 1;
            Entry e = entries.get(w);
            if (sinceModifier > SCOPE) {
                negations = 0;
                degree = 1;
            }
            sinceModifier++;
            if (e == null) continue;
            byte kind = e.kind;
            if (kind == DEG_OR_POL) kind = i + 1 < to && isPolar(tokens.get(i + 1).word()) ? DEG : POL;
            switch (kind) {
                case NEG -> {
                    negations++;
                    sinceModifier = 0;
                }
                case DEG -> {
                    degree *= e.kind == DEG_OR_POL ? DEG_OR_POL_DEGREE : e.value;
                    sinceModifier = 0;
                }
                case BUT -> {
                    score *= 0.5;
                    clauseWeight = 1.5;
                    sinceModifier = SCOPE + 1;
                }
                case RHET -> rhetorical = true;
                case END -> question = true;
                case POL -> {
                    double v = e.value * degree;
                    if (negations % 2 == 1) v = -0.8 * v;
                    score += v * clauseWeight;
                    hits++;
                    negations = 0;
                    degree = 1;
                    sinceModifier = SCOPE + 1;
                }
                default -> { }
            }
        }
        if (rhetorical && question) score = score != 0 ? -score : -0.8;
        if (to > from && tokens.get(to - 1).word().indexOf('!') >= 0) score *= 1.3;
        return new double[] {score, hits};
    }

    private static boolean isSentenceEnd(String w) {
        for (int i = 0; i < w.length(); i++) if (SENTENCE_ENDS.indexOf(w.charAt(i)) < 0) return false;
        return !w.isEmpty();
    }
}
