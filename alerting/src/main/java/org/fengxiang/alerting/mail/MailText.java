package org.fengxiang.alerting.mail;

import java.util.Locale;
import org.fengxiang.core.Alert;

/** Text helpers for e-mails: escaping untrusted text, header safety, labels. */
public final class MailText {
    private MailText() {}

    /** Escapes text for HTML element content and attribute values. */
    public static String html(String s) {
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

    /** Removes CR, LF and every other control character (no header injection), collapsing whitespace. */
    public static String headerSafe(String s) {
        if (s == null) return "";
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            b.append(Character.isISOControl(c) || c == '\u2028' || c == '\u2029' ? ' ' : c);
        }
        return b.toString().replaceAll("\\s+", " ").trim();
    }

    /** Plain-text form of untrusted text: control characters (except newlines) removed. */
    public static String plain(String s) {
        if (s == null) return "";
        return s.replaceAll("[\\p{Cntrl}&&[^\n\t]]", " ");
    }

    /** The URL if it is an http(s) URL without whitespace or quotes, else null (no javascript: links). */
    public static String safeUrl(String url) {
        if (url == null) return null;
        String u = url.trim();
        String lower = u.toLowerCase(Locale.ROOT);
        if (!(lower.startsWith("http://") || lower.startsWith("https://"))) return null;
        for (int i = 0; i < u.length(); i++) {
            char c = u.charAt(i);
            if (Character.isWhitespace(c) || Character.isISOControl(c) || c == '"' || c == '<' || c == '>') return null;
        }
        return u;
    }

    /** At most {@code max} code points, with an ellipsis when cut. */
    public static String shorten(String s, int max) {
        if (s == null) return "";
        if (s.codePointCount(0, s.length()) <= max) return s;
        return s.substring(0, s.offsetByCodePoints(0, max)) + "…";
    }

    /** 红色 Ⅰ级 … 蓝色 Ⅳ级. */
    public static String levelLabel(String level) {
        if (level == null) return "未分级";
        return switch (level) {
            case Alert.RED -> "红色 Ⅰ级";
            case Alert.ORANGE -> "橙色 Ⅱ级";
            case Alert.YELLOW -> "黄色 Ⅲ级";
            case Alert.BLUE -> "蓝色 Ⅳ级";
            default -> "未分级";
        };
    }

    /** Colour of a level for the HTML banner. */
    static String levelColour(String level) {
        if (level == null) return "#666666";
        return switch (level) {
            case Alert.RED -> "#c0392b";
            case Alert.ORANGE -> "#e67e22";
            case Alert.YELLOW -> "#d4ac0d";
            case Alert.BLUE -> "#2e86c1";
            default -> "#666666";
        };
    }

    /** 新预警 / 升级 / 降级 / 解除. */
    public static String statusLabel(String status) {
        if (status == null) return "新预警";
        return switch (status) {
            case "open" -> "新预警";
            case org.fengxiang.core.Alert.EARLY_WARNING -> "初判·待确认";
            case "escalated" -> "升级";
            case "deescalated" -> "降级";
            case "closed" -> "解除";
            default -> headerSafe(status);
        };
    }
}
