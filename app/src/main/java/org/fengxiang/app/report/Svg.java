package org.fengxiang.app.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.fengxiang.core.Alert;

/** Server-side SVG charts for the report: no script, no network. */
final class Svg {
    static final int W = 860;
    static final int H = 240;
    private static final int LEFT = 48;
    private static final int BOTTOM = 36;
    private static final int TOP = 16;

    private Svg() {}

    /** Bars of posts per window with each alert transition marked by a line in its grade's colour. */
    static String timeline(List<IncidentFigures.Bucket> buckets, long window, List<Alert> alerts, ZoneId zone) {
        StringBuilder s = open("timeline", "每个时间窗口的帖子数与预警");
        if (buckets.isEmpty()) return s.append("</svg>").toString();
        long max = Math.max(1, buckets.stream().mapToLong(IncidentFigures.Bucket::posts).max().orElse(1));
        double bw = (double) (W - LEFT - 10) / buckets.size();
        axes(s, max);
        for (int i = 0; i < buckets.size(); i++) {
            IncidentFigures.Bucket b = buckets.get(i);
            double h = (H - TOP - BOTTOM) * (double) b.posts() / max;
            s.append(String.format(Locale.ROOT, "<rect class=\"bar\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#4e79a7\"><title>%s: %d</title></rect>",
                    LEFT + i * bw + 0.5, H - BOTTOM - h, Math.max(1, bw - 1), h, time(b.start(), zone), b.posts()));
        }
        long t0 = buckets.get(0).start();
        long span = buckets.size() * window;
        for (Alert a : alerts) {
            double x = LEFT + (W - LEFT - 10) * (double) (a.detectedAtMillis - t0) / span;
            s.append(String.format(Locale.ROOT, "<line class=\"alert-mark\" x1=\"%.1f\" y1=\"%d\" x2=\"%.1f\" y2=\"%d\" stroke=\"%s\" stroke-width=\"2\" stroke-dasharray=\"4 2\"><title>%s %s #%d</title></line>",
                    x, TOP, x, H - BOTTOM, colour(a.level), Html.esc(a.level), Html.esc(a.status), a.sequence));
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"11\" fill=\"%s\">%s</text>", x + 3, TOP + 10, colour(a.level), Html.esc(Html.levelName(a.level))));
        }
        xLabels(s, buckets, bw, zone);
        return s.append("</svg>").toString();
    }

    /** Net sentiment per window as a line in [-1, 1], with the share of negative posts as bars. */
    static String sentiment(List<IncidentFigures.Bucket> buckets, ZoneId zone) {
        StringBuilder s = open("sentiment", "情感走势（净情感与负面占比）");
        if (buckets.isEmpty()) return s.append("</svg>").toString();
        double bw = (double) (W - LEFT - 10) / buckets.size();
        int plotH = H - TOP - BOTTOM;
        double mid = TOP + plotH / 2.0;
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" stroke=\"#999\"/>", LEFT, mid, W - 10, mid));
        s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">+1</text><text x=\"4\" y=\"%.1f\" font-size=\"11\">0</text><text x=\"4\" y=\"%d\" font-size=\"11\">-1</text>",
                TOP + 8, mid + 4, H - BOTTOM));
        StringBuilder path = new StringBuilder();
        for (int i = 0; i < buckets.size(); i++) {
            IncidentFigures.Bucket b = buckets.get(i);
            long scored = b.negative() + b.neutral() + b.positive();
            if (scored > 0) {
                double neg = (double) b.negative() / scored;
                s.append(String.format(Locale.ROOT, "<rect class=\"neg\" x=\"%.1f\" y=\"%.1f\" width=\"%.1f\" height=\"%.1f\" fill=\"#e15759\" opacity=\"0.35\"/>",
                        LEFT + i * bw + 0.5, H - BOTTOM - plotH * neg, Math.max(1, bw - 1), plotH * neg));
                double y = mid - b.net() * plotH / 2.0;
                path.append(path.length() == 0 ? "M" : "L").append(String.format(Locale.ROOT, "%.1f %.1f ", LEFT + (i + 0.5) * bw, y));
            }
        }
        if (path.length() > 0) s.append("<path class=\"trend\" d=\"").append(path).append("\" fill=\"none\" stroke=\"#2f4b7c\" stroke-width=\"2\"/>");
        xLabels(s, buckets, bw, zone);
        return s.append("</svg>").toString();
    }

    private static StringBuilder open(String cls, String label) {
        return new StringBuilder(String.format(Locale.ROOT,
                "<svg class=\"chart %s\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\" aria-label=\"%s\">",
                cls, W, H, W, H, Html.esc(label)));
    }

    private static void axes(StringBuilder s, long max) {
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, H - BOTTOM, W - 10, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" stroke=\"#333\"/>", LEFT, TOP, LEFT, H - BOTTOM));
        s.append(String.format(Locale.ROOT, "<text x=\"4\" y=\"%d\" font-size=\"11\">%d</text><text x=\"4\" y=\"%d\" font-size=\"11\">0</text>", TOP + 8, max, H - BOTTOM));
    }

    private static void xLabels(StringBuilder s, List<IncidentFigures.Bucket> buckets, double bw, ZoneId zone) {
        int every = Math.max(1, buckets.size() / 6);
        for (int i = 0; i < buckets.size(); i += every) {
            s.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" font-size=\"10\">%s</text>",
                    LEFT + i * bw, H - BOTTOM + 14, time(buckets.get(i).start(), zone)));
        }
    }

    static String time(long millis, ZoneId zone) {
        return DateTimeFormatter.ofPattern("MM-dd HH:mm").format(Instant.ofEpochMilli(millis).atZone(zone));
    }

    static String colour(String level) {
        if (level == null) return "#888";
        return switch (level) {
            case Alert.RED -> "#d62728";
            case Alert.ORANGE -> "#ff7f0e";
            case Alert.YELLOW -> "#d4b000";
            case Alert.BLUE -> "#1f77b4";
            default -> "#888";
        };
    }
}
