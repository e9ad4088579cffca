package org.fengxiang.analytics.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Keywords of one text by TextRank over the content words of its tokens (part-of-speech filtered,
 * stop words and single characters removed, co-occurrence window of 5), boosted by 1 + ln(term
 * frequency). Order is deterministic:
 * score descending, then first occurrence. Thread-safe.
 */
public final class KeywordExtractor {
    private static final int WINDOW = 5;
    private static final int ITERATIONS = 20;
    private static final double DAMPING = 0.85;
    private static final int MAX_VOCABULARY = 256;
    private static final Set<String> EXCLUDED_POS = Set.of("vshi", "vyou", "vf", "vx", "vg", "nx", "vd");

    private final List<String> posPrefixes;
    private final Segmenter segmenter;
    private final int max;

    /** An extractor keeping at most {@code max} keywords whose tags start with one of {@code posPrefixes}. */
    public KeywordExtractor(Segmenter segmenter, List<String> posPrefixes, int max) {
        this.segmenter = segmenter;
        this.posPrefixes = List.copyOf(posPrefixes);
        this.max = max;
    }

    /** The keywords of a token sequence. */
    public List<String> keywords(List<Token> tokens) {
        if (max <= 0) return List.of();
        Map<String, Integer> index = new HashMap<>();
        List<String> words = new ArrayList<>();
        int[] seq = new int[tokens.size()];
        int n = 0;
        for (Token t : tokens) {
            if (!isCandidate(t)) continue;
            Integer id = index.get(t.word());
            if (id == null) {
                if (words.size() >= MAX_VOCABULARY) continue;
                id = words.size();
                index.put(t.word(), id);
                words.add(t.word());
            }
            seq[n++] = id;
        }
        int v = words.size();
        if (v == 0) return List.of();
        double[] tf = frequencies(seq, n, v);
        double[] score = v <= 2 ? tf : textRank(seq, n, v);
        if (v > 2) for (int i = 0; i < v; i++) score[i] *= 1 + Math.log(tf[i]);
        Integer[] order = new Integer[v];
        for (int i = 0; i < v; i++) order[i] = i;
        Arrays.sort(order, (a, b) -> score[a] != score[b] ? Double.compare(score[b], score[a]) : Integer.compare(a, b));
        List<String> out = new ArrayList<>(Math.min(max, v));
        for (int i = 0; i < v && out.size() < max; i++) out.add(words.get(order[i]));
        return out;
    }

    private boolean isCandidate(Token t) {
        String w = t.word();
        if (w.length() < 2 || w.length() > 20 || segmenter.isStopWord(w) || EXCLUDED_POS.contains(t.pos())) return false;
        boolean han = false;
        for (int i = 0; i < w.length(); i++) {
            char c = w.charAt(i);
            if (c >= '\u3400' && c <= '\u9fff') han = true;
            else if (Character.isDigit(c)) return false;
        }
        if (!han && w.length() < 3) return false;
        for (String p : posPrefixes) if (t.pos().startsWith(p)) return true;
        return false;
    }

    private static double[] frequencies(int[] seq, int n, int v) {
        double[] f = new double[v];
        for (int i = 0; i < n; i++) f[seq[i]]++;
        return f;
    }

    private static double[] textRank(int[] seq, int n, int v) {
        boolean[][] edge = new boolean[v][v];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < Math.min(n, i + WINDOW); j++) {
                if (seq[i] != seq[j]) {
                    edge[seq[i]][seq[j]] = true;
                    edge[seq[j]][seq[i]] = true;
                }
            }
        }
        int[][] adj = new int[v][];
        int[] degree = new int[v];
        for (int a = 0; a < v; a++) {
            for (int b = 0; b < v; b++) if (edge[a][b]) degree[a]++;
            adj[a] = new int[degree[a]];
            int k = 0;
            for (int b = 0; b < v; b++) if (edge[a][b]) adj[a][k++] = b;
        }
        double[] s = new double[v];
        Arrays.fill(s, 1.0);
        double[] next = new double[v];
        for (int it = 0; it < ITERATIONS; it++) {
            for (int a = 0; a < v; a++) {
                double sum = 0;
                for (int b : adj[a]) sum += s[b] / degree[b];
                next[a] = (1 - DAMPING) + DAMPING * sum;
            }
            double[] t = s;
            s = next;
            next = t;
        }
        return s;
    }
}
