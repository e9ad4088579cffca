package org.fengxiang.ingest.crawl;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses displayed counters: {@code 1,234}, {@code 1.2万}, {@code 3亿}, {@code 2.5k}, {@code 评论(35)}. */
final class Counts {
    private static final Pattern NUM = Pattern.compile("(\\d+(?:[.,]\\d+)*)\\s*([万亿wWkK千]?)");

    private Counts() {}

    /** The first count in the text, or null. */
    static Long parse(String text) {
        if (text == null) return null;
        Matcher m = NUM.matcher(text);
        if (!m.find()) return null;
        String n = m.group(1);
        double v;
        if (n.contains(".") && !n.matches("\\d{1,3}(\\.\\d{3})+")) v = Double.parseDouble(n.replace(",", ""));
        else v = Double.parseDouble(n.replace(",", "").replace(".", ""));
        v *= switch (m.group(2)) {
            case "万", "w", "W" -> 10_000;
            case "亿" -> 100_000_000;
            case "k", "K", "千" -> 1000;
            default -> 1;
        };
        return Math.round(v);
    }
}
