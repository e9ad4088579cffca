package org.fengxiang.analytics.text;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Strips HTML markup and decodes character entities (package-private helper of {@link Normaliser}). */
final class Markup {
    private static final Pattern BLOCKS = Pattern.compile("(?is)<(script|style|noscript)\\b[^>]*>.*?</\\1\\s*>|<!--.*?-->");
    private static final Pattern BREAKS = Pattern.compile("(?i)<\\s*(br|/p|/div|/li|p|div|li)\\b[^>]*>");
    private static final Pattern TAGS = Pattern.compile("</?[A-Za-z][^<>]{0,2000}>");
    private static final Pattern ENTITY = Pattern.compile("&(#[0-9]{1,7}|#[xX][0-9A-Fa-f]{1,6}|[A-Za-z][A-Za-z0-9]{1,10});");
    private static final Map<String, String> NAMED = Map.ofEntries(
            Map.entry("amp", "&"), Map.entry("lt", "<"), Map.entry("gt", ">"), Map.entry("quot", "\""),
            Map.entry("apos", "'"), Map.entry("nbsp", " "), Map.entry("ensp", " "), Map.entry("emsp", " "),
            Map.entry("thinsp", " "), Map.entry("middot", "\u00b7"), Map.entry("hellip", "\u2026"),
            Map.entry("mdash", "\u2014"), Map.entry("ndash", "\u2013"), Map.entry("ldquo", "\u201c"),
            Map.entry("rdquo", "\u201d"), Map.entry("lsquo", "\u2018"), Map.entry("rsquo", "\u2019"),
            Map.entry("copy", "\u00a9"), Map.entry("reg", "\u00ae"), Map.entry("times", "\u00d7"),
            Map.entry("yen", "\u00a5"), Map.entry("zwj", "\u200d"), Map.entry("zwnj", "\u200c"));

    private Markup() {}

    /** Removes tags (block-level tags become spaces) and decodes entities; cheap when there is no markup. */
    static String strip(String s) {
        if (s.indexOf('<') >= 0) {
            s = BLOCKS.matcher(s).replaceAll(" ");
            s = BREAKS.matcher(s).replaceAll(" ");
            s = TAGS.matcher(s).replaceAll("");
        }
        if (s.indexOf('&') >= 0) s = decodeEntities(s);
        return s;
    }

    static String decodeEntities(String s) {
        Matcher m = ENTITY.matcher(s);
        StringBuilder out = null;
        int last = 0;
        while (m.find()) {
            String rep = entity(m.group(1));
            if (rep == null) continue;
            if (out == null) out = new StringBuilder(s.length());
            out.append(s, last, m.start()).append(rep);
            last = m.end();
        }
        if (out == null) return s;
        return out.append(s, last, s.length()).toString();
    }

    private static String entity(String name) {
        if (name.charAt(0) != '#') return NAMED.get(name.toLowerCase());
        try {
            int cp = name.length() > 1 && (name.charAt(1) == 'x' || name.charAt(1) == 'X')
                    ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
            return Character.isValidCodePoint(cp) && cp != 0 ? new String(Character.toChars(cp)) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
