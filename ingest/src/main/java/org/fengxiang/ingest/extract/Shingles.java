package org.fengxiang.ingest.extract;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Body-text comparison metrics: ScrapingHub's article-extraction-benchmark token-shingle matching
 * ({@code \w+} tokens, 4-gram shingles, per-item TP/FP/FN normalised to sum 1, precision and recall
 * averaged over items, F1 of the averages) and the character-4-gram multiset P/R/F1 (whitespace removed)
 * of the Chinese gold set.
 */
public final class Shingles {
    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);

    /** Normalised true positives, false positives and false negatives of one item. */
    public record TpFpFn(double tp, double fp, double fn) {}

    /** Precision, recall, F1. */
    public record Prf(double precision, double recall, double f1) {}

    private Shingles() {}

    /** ScrapingHub's string_shingle_matching (n = 4). */
    public static TpFpFn tokenShingles(String truth, String pred) {
        Map<List<String>, Integer> t = counts(tokens(truth));
        Map<List<String>, Integer> p = counts(tokens(pred));
        double tp = 0, fp = 0, fn = 0;
        Set<List<String>> keys = new HashSet<>(t.keySet());
        keys.addAll(p.keySet());
        for (List<String> k : keys) {
            int tc = t.getOrDefault(k, 0), pc = p.getOrDefault(k, 0);
            tp += Math.min(tc, pc);
            fp += Math.max(0, pc - tc);
            fn += Math.max(0, tc - pc);
        }
        double s = tp + fp + fn;
        return s > 0 ? new TpFpFn(tp / s, fp / s, fn / s) : new TpFpFn(0, 0, 0);
    }

    /** ScrapingHub's metrics_from_tp_fp_fns. */
    public static Prf aggregate(List<TpFpFn> items) {
        double ps = 0, rs = 0;
        int pn = 0, rn = 0;
        for (TpFpFn i : items) {
            if (i.tp + i.fp > 0) {
                ps += precision(i);
                pn++;
            }
            if (i.tp + i.fn > 0) {
                rs += recall(i);
                rn++;
            }
        }
        double p = pn == 0 ? 0 : ps / pn, r = rn == 0 ? 0 : rs / rn;
        return new Prf(p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }

    private static double precision(TpFpFn i) {
        if (i.fp == 0 && i.fn == 0) return 1;
        if (i.tp == 0 && i.fp == 0) return 0;
        return i.tp / (i.tp + i.fp);
    }

    private static double recall(TpFpFn i) {
        if (i.fp == 0 && i.fn == 0) return 1;
        if (i.tp == 0 && i.fn == 0) return 0;
        return i.tp / (i.tp + i.fn);
    }

    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        if (text == null) return out;
        Matcher m = TOKEN.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    private static Map<List<String>, Integer> counts(List<String> tokens) {
        Map<List<String>, Integer> m = new HashMap<>();
        int n = 4;
        for (int i = 0; i < Math.max(1, tokens.size() - n + 1); i++) {
            List<String> sh = tokens.subList(i, Math.min(tokens.size(), i + n));
            if (!sh.isEmpty()) m.merge(List.copyOf(sh), 1, Integer::sum);
        }
        return m;
    }

    /** Character 4-gram multiset precision/recall/F1 with all whitespace removed. */
    public static Prf charShingles(String pred, String ref) {
        Map<String, Integer> p = charCounts(pred), r = charCounts(ref);
        int inter = 0, ps = 0, rs = 0;
        for (int v : p.values()) ps += v;
        for (int v : r.values()) rs += v;
        for (Map.Entry<String, Integer> e : p.entrySet()) inter += Math.min(e.getValue(), r.getOrDefault(e.getKey(), 0));
        double P = ps == 0 ? 0 : (double) inter / ps, R = rs == 0 ? 0 : (double) inter / rs;
        return new Prf(P, R, P + R == 0 ? 0 : 2 * P * R / (P + R));
    }

    /** The text with all whitespace (and zero-width characters) removed. */
    public static String squash(String s) {
        return s == null ? "" : s.replaceAll("[\\s\\u200b-\\u200d\\u2060\\ufeff\\u00a0\\u3000]+", "");
    }

    private static Map<String, Integer> charCounts(String s) {
        String q = squash(s);
        Map<String, Integer> m = new HashMap<>();
        for (int i = 0; i + 4 <= q.length(); i++) m.merge(q.substring(i, i + 4), 1, Integer::sum);
        return m;
    }
}
