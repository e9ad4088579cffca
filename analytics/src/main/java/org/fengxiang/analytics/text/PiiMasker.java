package org.fengxiang.analytics.text;

import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in cleaned text: e-mail addresses, 18-digit resident ID numbers (checksum and
 * birth date verified), bank card numbers (16-19 digits, Luhn verified), mainland mobile numbers
 * (also with +86, spaces or dashes) and landlines with an area code. Digits are replaced by
 * {@code *} keeping a few at each end and any separators, e.g. {@code 138****5678}. Thread-safe.
 */
public final class PiiMasker {
    private static final String NB = "(?<![0-9A-Za-z])";
    private static final String NA = "(?![0-9A-Za-z])";
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+\\-])([A-Za-z0-9._%+\\-]{1,64})@([A-Za-z0-9\\-]+(?:\\.[A-Za-z0-9\\-]+)*\\.[A-Za-z]{2,12})");
    private static final Pattern ID = Pattern.compile(NB + "\\d{6}[ \\-]?\\d{8}[ \\-]?\\d{3}[0-9Xx]" + NA);
    private static final Pattern CARD = Pattern.compile(NB + "\\d{4}(?:[ \\-]?\\d{4}){2,3}(?:[ \\-]?\\d{1,3})?" + NA);
    private static final Pattern MOBILE = Pattern.compile(
            NB + "((?:\\+|00)?86[ \\-]?)?(1[3-9]\\d[ \\-]?\\d{4}[ \\-]?\\d{4})" + NA);
    private static final Pattern LANDLINE = Pattern.compile(
            NB + "(\\(0\\d{2,3}\\) ?|0\\d{2,3}[ \\-])(\\d{7,8})((?:-\\d{1,5})?)" + NA);
    private static final int[] ID_WEIGHTS = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    private static final String ID_CHECK = "10X98765432";

    /** Masks all personal data found; returns the input itself when nothing was found. */
    public String mask(String text) {
        if (text == null || text.isEmpty()) return text;
        String s = text;
        if (s.indexOf('@') >= 0) s = apply(EMAIL, s, m -> maskEmail(m.group(1), m.group(2)));
        if (countDigits(s) < 7) return s;
        s = apply(ID, s, m -> isValidId(digitsOf(m.group())) ? maskDigits(m.group(), 3, 4) : null);
        s = apply(CARD, s, m -> {
            String d = digitsOf(m.group());
            return d.length() >= 16 && d.length() <= 19 && luhn(d) ? maskDigits(m.group(), 4, 4) : null;
        });
        s = apply(MOBILE, s, m -> (m.group(1) == null ? "" : m.group(1)) + maskDigits(m.group(2), 3, 4));
        s = apply(LANDLINE, s, m -> m.group(1) + maskDigits(m.group(2), 0, 4) + m.group(3));
        return s;
    }

    /** True when the 18-character resident ID number has a valid birth date and check digit. */
    public static boolean isValidId(String id) {
        if (id.length() != 18) return false;
        int sum = 0;
        for (int i = 0; i < 17; i++) {
            char c = id.charAt(i);
            if (c < '0' || c > '9') return false;
            sum += (c - '0') * ID_WEIGHTS[i];
        }
        char check = Character.toUpperCase(id.charAt(17));
        if (ID_CHECK.charAt(sum % 11) != check) return false;
        int year = Integer.parseInt(id.substring(6, 10));
        int month = Integer.parseInt(id.substring(10, 12));
        int day = Integer.parseInt(id.substring(12, 14));
        return year >= 1900 && year <= 2099 && month >= 1 && month <= 12 && day >= 1 && day <= 31;
    }

    /** The Luhn check over a string of digits. */
    public static boolean luhn(String digits) {
        int sum = 0;
        boolean dbl = false;
        for (int i = digits.length() - 1; i >= 0; i--) {
            int d = digits.charAt(i) - '0';
            if (d < 0 || d > 9) return false;
            if (dbl) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
            dbl = !dbl;
        }
        return sum % 10 == 0;
    }

    private static String apply(Pattern p, String s, Function<Matcher, String> replacement) {
        Matcher m = p.matcher(s);
        StringBuilder b = null;
        int last = 0;
        while (m.find()) {
            String rep = replacement.apply(m);
            if (rep == null) continue;
            if (b == null) b = new StringBuilder(s.length());
            b.append(s, last, m.start()).append(rep);
            last = m.end();
        }
        return b == null ? s : b.append(s, last, s.length()).toString();
    }

    private static String maskEmail(String local, String domain) {
        return local.charAt(0) + "***@" + domain;
    }

    /** Replaces every digit except the first {@code keepFirst} and last {@code keepLast} by '*'. */
    static String maskDigits(String s, int keepFirst, int keepLast) {
        int total = 0;
        for (int i = 0; i < s.length(); i++) if (isDigitOrX(s.charAt(i))) total++;
        StringBuilder b = new StringBuilder(s.length());
        int seen = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigitOrX(c)) {
                b.append(seen < keepFirst || seen >= total - keepLast ? c : '*');
                seen++;
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean isDigitOrX(char c) {
        return c >= '0' && c <= '9' || c == 'X' || c == 'x';
    }

    private static String digitsOf(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (isDigitOrX(c)) b.append(c);
        }
        return b.toString();
    }

    private static int countDigits(String s) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') n++;
        }
        return n;
    }
}
