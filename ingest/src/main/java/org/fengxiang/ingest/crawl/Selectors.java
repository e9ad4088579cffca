package org.fengxiang.ingest.crawl;

import org.jsoup.nodes.Element;

/** Evaluates selector specs: {@code css}, {@code css@attr} or {@code @attr} (attribute of the context element). */
final class Selectors {
    private Selectors() {}

    /** The CSS part of a spec (empty for {@code @attr}). */
    static String css(String spec) {
        int at = attrAt(spec);
        return (at < 0 ? spec : spec.substring(0, at)).trim();
    }

    /** The first value the spec yields in the context element, trimmed; null when nothing matches. */
    static String value(Element context, String spec) {
        if (spec == null || context == null) return null;
        int at = attrAt(spec);
        String css = css(spec);
        Element e = css.isEmpty() ? context : context.selectFirst(css);
        if (e == null) return null;
        if (at < 0) {
            String t = e.text().trim();
            return t.isEmpty() ? null : t;
        }
        String attr = spec.substring(at + 1).trim();
        String v = attr.equals("href") || attr.equals("src") ? e.absUrl(attr) : e.attr(attr);
        if (v.isEmpty()) v = e.attr(attr);
        v = v.trim();
        return v.isEmpty() ? null : v;
    }

    /** Index of the '@' that starts an attribute name (not inside brackets), or -1. */
    private static int attrAt(String spec) {
        int depth = 0;
        for (int i = spec.length() - 1; i >= 0; i--) {
            char c = spec.charAt(i);
            if (c == ']') depth++;
            else if (c == '[') depth--;
            else if (c == '@' && depth == 0) return i;
        }
        return -1;
    }
}
