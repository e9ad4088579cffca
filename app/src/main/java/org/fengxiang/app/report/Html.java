package org.fengxiang.app.report;

import org.fengxiang.core.Alert;

/** HTML escaping and small labels. */
final class Html {
    private Html() {}

    /** Escapes text for HTML element content and attribute values. */
    static String esc(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                case '"' -> b.append("&quot;");
                case '\'' -> b.append("&#39;");
                default -> {
                    if (c < 0x20 && c != '\n' && c != '\t') b.append(' ');
                    else b.append(c);
                }
            }
        }
        return b.toString();
    }

    /** The Chinese name of a grade: 红色(Ⅰ级) … 蓝色(Ⅳ级). */
    static String levelName(String level) {
        if (level == null) return "无";
        return switch (level) {
            case Alert.RED -> "红色 Ⅰ级";
            case Alert.ORANGE -> "橙色 Ⅱ级";
            case Alert.YELLOW -> "黄色 Ⅲ级";
            case Alert.BLUE -> "蓝色 Ⅳ级";
            default -> level;
        };
    }
}
