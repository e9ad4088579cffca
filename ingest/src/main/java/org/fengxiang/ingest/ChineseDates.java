package org.fengxiang.ingest;

import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the date forms Chinese sites show ({@code 2024年3月5日 14:20}, {@code 2024-03-05},
 * {@code 03-05 14:20}, {@code 昨天 08:10}, {@code 3小时前}, {@code 半小时前}, {@code 刚刚}, ISO-8601,
 * epoch seconds/milliseconds...) against a reference time (the crawl time) in the source's zone. Pure:
 * the reference time is always passed in. The text may surround the date ("发布时间：… 来源：…").
 */
public final class ChineseDates {
    /** The default zone of Chinese sources. */
    public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    private static final Pattern ISO = Pattern.compile(
            "(\\d{4}-\\d{2}-\\d{2})[T ](\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d{1,9})?)?)\\s*(Z|[+-]\\d{2}:?\\d{2})(?![\\d:])");
    private static final String TIME = "(?:\\s*(?:[TＴ]|\\s)?\\s*(凌晨|早上|上午|中午|下午|晚上|傍晚)?\\s*(\\d{1,2})\\s*[:时点]\\s*(\\d{1,2})\\s*分?(?:\\s*:\\s*(\\d{1,2})(?:\\.\\d+)?)?)?";
    private static final Pattern FULL = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*[年/\\-.]\\s*(\\d{1,2})\\s*[月/\\-.]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?" + TIME);
    private static final Pattern DAY_WORD = Pattern.compile("(今天|昨天|前天)" + TIME);
    private static final Pattern MONTH_DAY_CN = Pattern.compile("(?<![\\d年])(\\d{1,2})\\s*月\\s*(\\d{1,2})\\s*[日号]" + TIME);
    private static final Pattern MONTH_DAY_DASH = Pattern.compile(
            "(?<![\\d\\-/.])(\\d{1,2})[\\-/](\\d{1,2})\\s+(\\d{1,2}):(\\d{2})(?::(\\d{2}))?(?![\\d\\-/])");
    private static final Pattern RELATIVE = Pattern.compile(
            "([0-9]+|[一二两三四五六七八九十]+|半)\\s*(秒钟?|分钟|分|个?小时|天|周|星期|个月)\\s*[之以]?前");
    private static final Pattern TIME_ONLY = Pattern.compile("^\\s*(\\d{1,2}):(\\d{2})(?::(\\d{2}))?\\s*$");
    private static final Pattern EPOCH = Pattern.compile("^\\s*(\\d{10}|\\d{13})\\s*$");

    private ChineseDates() {}

    /** Parses {@code text} relative to {@code now} in {@code zone}. */
    public static Optional<OffsetDateTime> parse(String text, Instant now, ZoneId zone) {
        return parse(text, now.atZone(zone));
    }

    /** Parses {@code text} relative to {@code now} (whose zone is the source's zone). */
    public static Optional<OffsetDateTime> parse(String text, ZonedDateTime now) {
        if (text == null || text.isBlank()) return Optional.empty();
        String s = normalize(text);
        try {
            return Optional.ofNullable(resolve(s, now)).map(t -> t.truncatedTo(ChronoUnit.SECONDS));
        } catch (DateTimeException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** Like {@link #parse(String, ZonedDateTime)}, formatted as ISO-8601 with offset, or null. */
    public static String iso(String text, ZonedDateTime now) {
        return parse(text, now).map(OffsetDateTime::toString).orElse(null);
    }

    private static OffsetDateTime resolve(String s, ZonedDateTime now) {
        ZoneId zone = now.getZone();
        Matcher m = EPOCH.matcher(s);
        if (m.find()) {
            long v = Long.parseLong(m.group(1));
            return Instant.ofEpochMilli(v < 100_000_000_000L ? v * 1000 : v).atZone(zone).toOffsetDateTime();
        }
        m = ISO.matcher(s);
        if (m.find()) return iso(m, zone);
        m = FULL.matcher(s);
        if (m.find()) {
            LocalDate d = LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
            return at(d, m, 4, zone);
        }
        m = DAY_WORD.matcher(s);
        if (m.find()) {
            int back = switch (m.group(1)) { case "昨天" -> 1; case "前天" -> 2; default -> 0; };
            return at(now.toLocalDate().minusDays(back), m, 2, zone);
        }
        m = MONTH_DAY_CN.matcher(s);
        if (m.find()) return guessYear(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m, 3, now);
        m = MONTH_DAY_DASH.matcher(s);
        if (m.find()) {
            LocalDate d = LocalDate.of(now.getYear(), Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
            LocalTime t = LocalTime.of(Integer.parseInt(m.group(3)), Integer.parseInt(m.group(4)),
                    m.group(5) == null ? 0 : Integer.parseInt(m.group(5)));
            return pastYear(LocalDateTime.of(d, t), now);
        }
        m = RELATIVE.matcher(s);
        if (m.find()) return now.minus(relative(m.group(1), m.group(2))).toOffsetDateTime();
        if (s.contains("刚刚") || s.contains("刚才")) return now.toOffsetDateTime();
        m = TIME_ONLY.matcher(s);
        if (m.find()) {
            LocalTime t = LocalTime.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
                    m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
            return ZonedDateTime.of(now.toLocalDate(), t, zone).toOffsetDateTime();
        }
        return null;
    }

    private static OffsetDateTime iso(Matcher m, ZoneId zone) {
        String off = m.group(3);
        if (off.length() == 5) off = off.substring(0, 3) + ":" + off.substring(3);
        String time = m.group(2).length() == 5 ? m.group(2) + ":00" : m.group(2);
        try {
            return OffsetDateTime.parse(m.group(1) + "T" + time + off);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    /** Date plus the optional time groups starting at {@code g} (period word, hour, minute, second). */
    private static OffsetDateTime at(LocalDate d, Matcher m, int g, ZoneId zone) {
        return ZonedDateTime.of(d, time(m, g), zone).toOffsetDateTime();
    }

    private static LocalTime time(Matcher m, int g) {
        if (m.group(g + 1) == null) return LocalTime.MIDNIGHT;
        int h = Integer.parseInt(m.group(g + 1));
        String period = m.group(g);
        if (period != null && h < 12 && (period.equals("下午") || period.equals("晚上") || period.equals("傍晚")
                || period.equals("中午") && h < 11)) h += 12;
        int sec = m.group(g + 3) == null ? 0 : Integer.parseInt(m.group(g + 3));
        return LocalTime.of(h, Integer.parseInt(m.group(g + 2)), sec);
    }

    private static OffsetDateTime guessYear(int month, int day, Matcher m, int g, ZonedDateTime now) {
        return pastYear(LocalDateTime.of(LocalDate.of(now.getYear(), month, day), time(m, g)), now);
    }

    /** A date shown without a year is in the past: the previous year when it would be more than a day ahead. */
    private static OffsetDateTime pastYear(LocalDateTime t, ZonedDateTime now) {
        ZonedDateTime z = t.atZone(now.getZone());
        if (z.isAfter(now.plusDays(1))) z = t.minusYears(1).atZone(now.getZone());
        return z.toOffsetDateTime();
    }

    private static Duration relative(String amount, String unit) {
        if (amount.equals("半")) return unit.contains("小时") ? Duration.ofMinutes(30) : unit.equals("天") ? Duration.ofHours(12) : Duration.ZERO;
        long n = amount.matches("\\d+") ? Long.parseLong(amount) : chineseNumber(amount);
        if (unit.startsWith("秒")) return Duration.ofSeconds(n);
        if (unit.startsWith("分")) return Duration.ofMinutes(n);
        if (unit.endsWith("小时")) return Duration.ofHours(n);
        if (unit.equals("天")) return Duration.ofDays(n);
        if (unit.equals("周") || unit.equals("星期")) return Duration.ofDays(7 * n);
        return Duration.ofDays(30 * n);
    }

    private static long chineseNumber(String s) {
        String digits = "零一二三四五六七八九";
        long result = 0;
        long current = 0;
        for (char c : s.toCharArray()) {
            if (c == '十') {
                result += (current == 0 ? 1 : current) * 10;
                current = 0;
            } else if (c == '两') current = 2;
            else current = Math.max(0, digits.indexOf(c));
        }
        return result + current;
    }

    /** Full-width digits and punctuation to ASCII, non-breaking spaces to spaces. */
    static String normalize(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c >= '\uFF10' && c <= '\uFF19') c = (char) ('0' + (c - '\uFF10'));
            else if (c == '\uFF1A') c = ':';
            else if (c == '\uFF0D' || c == '\u2014' || c == '\u2013') c = '-';
            else if (c == '\uFF0F') c = '/';
            else if (c == '\u00A0' || c == '\u3000') c = ' ';
            b.append(c);
        }
        return b.toString();
    }
}
