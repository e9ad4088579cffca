package org.fengxiang.ingest.extract;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * The Chinese gold set's reference body (visible text from {@code body_first} to {@code body_last})
 * and its time comparison, following {@code zh/check.py} (an approximation of its visible-text rules).
 */
final class GoldSpan {
    private static final Pattern TIME = Pattern.compile(
            "(\\d{4})\\D{1,3}(\\d{1,2})\\D{1,3}(\\d{1,2})(?:\\D{1,3}(\\d{1,2})[:：时](\\d{1,2}))?");

    private GoldSpan() {}

    static String reference(Document doc, JsonNode g) {
        StringBuilder b = new StringBuilder();
        visible(doc, b);
        String t = TextUtil.collapse(b.toString().replace('\n', ' '));
        String first = TextUtil.collapse(g.path("body_first").asText());
        String last = TextUtil.collapse(g.path("body_last").asText());
        int i = -1;
        for (int k = 0; k < g.path("body_first_occurrence").asInt(1); k++) {
            i = t.indexOf(first, i + 1);
            if (i < 0) return null;
        }
        int j = t.indexOf(last, i);
        return j < 0 ? null : t.substring(i, j + last.length());
    }

    private static void visible(Node n, StringBuilder b) {
        for (Node c : n.childNodes()) {
            if (c instanceof TextNode t) b.append(t.getWholeText());
            else if (c instanceof Element e) {
                String tag = e.normalName();
                if (tag.matches("script|style|noscript|template|head|title|svg|iframe|object|select|option|textarea")) continue;
                String st = e.attr("style").replace(" ", "").toLowerCase();
                if (e.hasAttr("hidden") || st.contains("display:none") || st.contains("visibility:hidden")) continue;
                boolean block = NodeStats.BLOCK.contains(tag) || tag.equals("br");
                if (block) b.append('\n');
                visible(e, b);
                if (block) b.append('\n');
            }
        }
    }

    static boolean timeMatch(String gold, String pred) {
        LocalDateTime[] g = parse(gold), p = parse(pred);
        if (g == null) return pred == null || pred.isBlank();
        if (p == null) return false;
        boolean gHasTime = g[1] != null;
        if (!gHasTime) return g[0].toLocalDate().equals(p[0].toLocalDate());
        return p[1] != null && g[0].equals(p[0]);
    }

    /** [time at +08:00, non-null when a time of day is present]. */
    private static LocalDateTime[] parse(String s) {
        if (s == null) return null;
        Matcher m = TIME.matcher(s);
        if (!m.find()) return null;
        try {
            LocalDateTime t = LocalDateTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    m.group(4) == null ? 0 : Integer.parseInt(m.group(4)), m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            if (m.group(4) != null) {
                try {
                    t = OffsetDateTime.parse(s.trim()).atZoneSameInstant(ZoneOffset.ofHours(8)).toLocalDateTime();
                } catch (RuntimeException ignored) {
                    // no offset: already +08:00
                }
            }
            return new LocalDateTime[] {t.withSecond(0).withNano(0), m.group(4) == null ? null : t};
        } catch (RuntimeException e) {
            return null;
        }
    }
}
