package org.fengxiang.analytics.text;

import com.hankcs.hanlp.HanLP;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Normalises social-media text: strips markup and entities, converts traditional to simplified
 * Chinese, full-width to half-width, removes zero-width and control characters, collapses
 * whitespace; then extracts URLs, @mentions, #hashtags#, Weibo emoticons and emoji. Thread-safe.
 */
public final class Normaliser {
    private static final Pattern URL = Pattern.compile(
            "(?i)(?<![A-Za-z0-9@.])(?:https?://|www\\.)[A-Za-z0-9\\-._~:/?#@!$&'()*+,;=%]+");
    private static final Pattern MENTION = Pattern.compile(
            "(?<![A-Za-z0-9._%+*\\-])@([\\p{IsHan}A-Za-z0-9_\\-]{1,30})");
    private static final Pattern HASHTAG = Pattern.compile("#([^#\\s][^#\\n]{0,48}?)#");
    private static final Pattern EMOTICON = Pattern.compile("\\[([\\p{IsHan}A-Za-z]{1,8})\\]");

    private final boolean toSimplified;

    /** A normaliser; {@code toSimplified} turns traditional to simplified conversion on. */
    public Normaliser(boolean toSimplified) {
        this.toSimplified = toSimplified;
    }

    /** Cleans then extracts (no personal-data masking in between). */
    public NormalisedText normalise(String raw) {
        return extract(clean(raw));
    }

    /** Character-level cleaning: markup, entities, width, invisible characters, whitespace, script. */
    public String clean(String raw) {
        if (raw == null || raw.isEmpty()) return "";
        String s = Markup.strip(raw);
        s = cleanChars(s);
        if (toSimplified && hasHan(s)) s = HanLP.convertToSimplifiedChinese(s);
        return s;
    }

    /** Extracts URLs, mentions, hashtags and emoticons from cleaned (and possibly masked) text. */
    public NormalisedText extract(String text) {
        if (text == null || text.isEmpty()) return NormalisedText.EMPTY;
        List<String> urls = new ArrayList<>();
        List<String> mentions = new ArrayList<>();
        List<String> hashtags = new ArrayList<>();
        List<String> emoticons = new ArrayList<>();
        String a = text;
        if (a.indexOf("://") >= 0 || a.indexOf("www.") >= 0) a = collectUrls(a, urls);
        if (a.indexOf('@') >= 0) a = replace(MENTION, a, mentions, " ");
        if (a.indexOf('#') >= 0) a = collectHashtags(a, hashtags);
        a = collectEmoticons(a, emoticons);
        String analysis = a == text ? text : collapse(a);
        return new NormalisedText(text, analysis, List.copyOf(hashtags), List.copyOf(mentions),
                List.copyOf(urls), List.copyOf(emoticons));
    }

    private static String collectUrls(String s, List<String> out) {
        Matcher m = URL.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            String u = trimUrl(m.group());
            b.append(s, last, m.start()).append(' ');
            out.add(u);
            last = m.start() + u.length();
        }
        return b.append(s, last, s.length()).toString();
    }

    private static String trimUrl(String u) {
        int end = u.length();
        while (end > 0 && ".,;:!?)'\"".indexOf(u.charAt(end - 1)) >= 0) end--;
        return u.substring(0, end);
    }

    private static String replace(Pattern p, String s, List<String> out, String with) {
        Matcher m = p.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            out.add(m.group(1));
            b.append(s, last, m.start()).append(with);
            last = m.end();
        }
        return last == 0 ? s : b.append(s, last, s.length()).toString();
    }

    private static String collectHashtags(String s, List<String> out) {
        Matcher m = HASHTAG.matcher(s);
        StringBuilder b = new StringBuilder(s.length());
        int last = 0;
        while (m.find()) {
            String tag = m.group(1).trim();
            if (!tag.isEmpty() && !out.contains(tag)) out.add(tag);
            b.append(s, last, m.start()).append(' ').append(tag).append(' ');
            last = m.end();
        }
        return last == 0 ? s : b.append(s, last, s.length()).toString();
    }

    private static String collectEmoticons(String s, List<String> out) {
        StringBuilder b = null;
        int i = 0;
        int n = s.length();
        while (i < n) {
            char c = s.charAt(i);
            if (c == '[') {
                Matcher m = EMOTICON.matcher(s).region(i, n);
                if (m.lookingAt()) {
                    out.add(m.group());
                    if (b == null) b = new StringBuilder(n).append(s, 0, i);
                    b.append(' ');
                    i = m.end();
                    continue;
                }
            }
            int cp = s.codePointAt(i);
            int len = Character.charCount(cp);
            if (Emoji.isEmoji(cp)) {
                out.add(new String(Character.toChars(cp)));
                if (b == null) b = new StringBuilder(n).append(s, 0, i);
                b.append(' ');
            } else if (Emoji.isModifier(cp)) {
                if (b == null) b = new StringBuilder(n).append(s, 0, i);
            } else if (b != null) {
                b.appendCodePoint(cp);
            }
            i += len;
        }
        return b == null ? s : b.toString();
    }

    static String cleanChars(String s) {
        StringBuilder b = new StringBuilder(s.length());
        boolean space = true;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\uff01' && c <= '\uff5e') c = (char) (c - 0xfee0);
            else if (c == '\u3000' || c == '\u00a0') c = ' ';
            if (c == '\u200d') {
                if (i > 0 && Character.isSurrogate(s.charAt(i - 1))) b.append(c);
                continue;
            }
            int type = Character.getType(c);
            if (type == Character.FORMAT || (type == Character.CONTROL && !Character.isWhitespace(c))) continue;
            if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                if (!space) b.append(' ');
                space = true;
                continue;
            }
            b.append(c);
            space = false;
        }
        int len = b.length();
        if (len > 0 && b.charAt(len - 1) == ' ') b.setLength(len - 1);
        return b.toString();
    }

    static String collapse(String s) {
        return cleanChars(s);
    }

    private static boolean hasHan(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '\u3400' && c <= '\u9fff') return true;
        }
        return false;
    }
}
