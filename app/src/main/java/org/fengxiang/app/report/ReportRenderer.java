package org.fengxiang.app.report;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.fengxiang.core.Spreader;

/** Renders a self-contained post-mortem HTML page (inline CSS and SVG; works offline). */
public final class ReportRenderer {
    private static final String CSS = """
            body{font-family:"Noto Sans CJK SC","Source Han Sans SC","PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif;margin:24px auto;max-width:900px;color:#222}
            h1{font-size:22px;margin-bottom:4px} h2{font-size:17px;border-bottom:1px solid #ddd;padding-bottom:4px;margin-top:28px}
            .meta{color:#555;font-size:13px} table{border-collapse:collapse;width:100%;font-size:13px}
            td,th{border:1px solid #ddd;padding:4px 6px;text-align:left;vertical-align:top} th{background:#f5f5f5}
            .grade{display:inline-block;padding:2px 8px;border-radius:4px;color:#fff;font-weight:bold}
            .kpi{display:inline-block;margin:6px 18px 6px 0} .kpi b{display:block;font-size:20px}
            .post{border-left:3px solid #4e79a7;padding:4px 10px;margin:8px 0;font-size:14px} .small{color:#666;font-size:12px}
            """;

    private final ZoneId zone;

    public ReportRenderer(ZoneId zone) {
        this.zone = zone;
    }

    /** The whole page. */
    public String render(ReportData d, String runLabel) {
        Incident inc = d.incident();
        List<Post> posts = d.posts();
        long first = posts.isEmpty() ? inc.firstSeenMillis : posts.get(0).eventTime;
        long last = posts.isEmpty() ? inc.lastSeenMillis : posts.get(posts.size() - 1).eventTime;
        long window = IncidentFigures.windowMillis(first, last, 60);
        List<IncidentFigures.Bucket> buckets = IncidentFigures.timeline(posts, window);
        String top = d.alerts().stream().map(a -> a.level).max((a, b) -> Alert.rank(a) - Alert.rank(b)).orElse(null);
        StringBuilder h = new StringBuilder(32_000);
        h.append("<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>事件复盘 ")
                .append(Html.esc(title(inc))).append("</title><style>").append(CSS).append("</style></head><body>");
        h.append("<h1>事件复盘：").append(Html.esc(title(inc))).append("</h1>");
        h.append("<div class=\"meta\">事件 ").append(Html.esc(inc.id)).append(" · 数据来源 ").append(Html.esc(runLabel))
                .append(" · 最高预警 <span class=\"grade\" style=\"background:").append(Svg.colour(top)).append("\">")
                .append(Html.esc(Html.levelName(top))).append("</span> · 阶段 ").append(Html.esc(inc.stage)).append("</div>");
        kpis(h, d, first, last);
        h.append("<h2>时间线（每 ").append(window / 60_000).append(" 分钟帖子数，虚线为预警）</h2>")
                .append(Svg.timeline(buckets, window, d.alerts(), zone));
        h.append("<h2>情感走势</h2>").append(Svg.sentiment(buckets, zone));
        alerts(h, d.alerts());
        origin(h, d);
        linkedStories(h, d);
        spreaders(h, inc.topSpreaders);
        counts(h, "关键词", IncidentFigures.keywords(posts, 20), inc.keywords);
        counts(h, "地域分布", IncidentFigures.regions(posts, 15), inc.regions);
        h.append("<h2>代表性帖子</h2>");
        for (Post p : IncidentFigures.representative(posts, 8)) post(h, p);
        h.append("<p class=\"small\">由 Fengxiang 生成；所有数字按事件时间计算，个人信息已脱敏。</p></body></html>");
        return h.toString();
    }

    private void kpis(StringBuilder h, ReportData d, long first, long last) {
        h.append("<div>");
        kpi(h, "帖子", String.valueOf(d.posts().size()));
        kpi(h, "独立作者", String.valueOf(IncidentFigures.uniqueAuthors(d.posts())));
        kpi(h, "传播深度", String.valueOf(IncidentFigures.depth(d.posts())));
        kpi(h, "潜在覆盖（粉丝数和）", String.valueOf(IncidentFigures.potentialReach(d.posts())));
        kpi(h, "首次出现", time(first));
        kpi(h, "最后出现", time(last));
        h.append("</div>");
    }

    private static void kpi(StringBuilder h, String label, String value) {
        h.append("<span class=\"kpi\"><b>").append(Html.esc(value)).append("</b>").append(Html.esc(label)).append("</span>");
    }

    private void alerts(StringBuilder h, List<Alert> alerts) {
        h.append("<h2>预警与规则依据</h2>");
        if (alerts.isEmpty()) {
            h.append("<p>此事件没有触发预警。</p>");
            return;
        }
        h.append("<table class=\"alerts\"><tr><th>时间（事件时间）</th><th>级别</th><th>状态</th><th>规则</th><th>依据</th><th>证据帖子</th></tr>");
        for (Alert a : alerts) {
            h.append("<tr><td>").append(time(a.detectedAtMillis)).append("</td><td style=\"color:").append(Svg.colour(a.level)).append("\">")
                    .append(Html.esc(Html.levelName(a.level))).append("</td><td>").append(Html.esc(a.status)).append(" #").append(a.sequence)
                    .append("</td><td>").append(Html.esc(a.rule)).append("</td><td><ul>");
            for (String r : a.reasons) h.append("<li>").append(Html.esc(r)).append("</li>");
            h.append("</ul></td><td>").append(Html.esc(String.join(", ", a.evidencePostIds))).append("</td></tr>");
        }
        h.append("</table>");
    }

    private void origin(StringBuilder h, ReportData d) {
        h.append("<h2>源头帖子</h2>");
        String id = d.incident().originPostId;
        Post origin = d.posts().stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
        if (origin == null) h.append("<p>").append(Html.esc(id)).append("（未在数据中）</p>");
        else post(h, origin);
    }

    /** Independent posts that text linking merged into this incident (with their own cascades). */
    private void linkedStories(StringBuilder h, ReportData d) {
        List<String> linked = d.incident().linkedStories;
        if (linked == null || linked.isEmpty()) return;
        h.append("<h2>文本关联的其他源帖（").append(d.incident().cascades).append(" 条传播链合并为本事件）</h2>");
        for (String id : linked) {
            Post story = d.posts().stream().filter(p -> p.id.equals(id)).findFirst().orElse(null);
            long cascade = d.posts().stream().filter(p -> id.equals(p.rootId())).count();
            if (story == null) h.append("<p>").append(Html.esc(id)).append("（未在数据中）</p>");
            else post(h, story);
            h.append("<p class=\"small\">该传播链帖子数：").append(cascade).append("</p>");
        }
    }

    private static void spreaders(StringBuilder h, List<Spreader> spreaders) {
        h.append("<h2>主要传播节点（按其下转发子树规模）</h2><table class=\"spreaders\"><tr><th>帖子</th><th>作者</th><th>子树规模</th></tr>");
        for (Spreader s : spreaders) {
            h.append("<tr><td>").append(Html.esc(s.postId)).append("</td><td>").append(Html.esc(s.authorId)).append("</td><td>")
                    .append(s.reach).append("</td></tr>");
        }
        h.append("</table>");
    }

    private static void counts(StringBuilder h, String title, Map<String, Long> counts, List<String> fallback) {
        h.append("<h2>").append(Html.esc(title)).append("</h2><p>");
        if (counts.isEmpty() && fallback != null) counts = fallback.stream().collect(java.util.stream.Collectors.toMap(k -> k, k -> 0L, (a, b) -> a, java.util.LinkedHashMap::new));
        counts.forEach((k, v) -> h.append("<span class=\"kpi\">").append(Html.esc(k)).append(v > 0 ? " ×" + v : "").append("</span>"));
        h.append("</p>");
    }

    private void post(StringBuilder h, Post p) {
        h.append("<div class=\"post\"><div class=\"small\">").append(Html.esc(p.id)).append(" · ").append(time(p.eventTime))
                .append(" · 作者 ").append(Html.esc(p.authorId()));
        if (p.author != null && p.author.followers != null) h.append("（粉丝 ").append(p.author.followers).append("）");
        if (p.sentiment != null) h.append(" · 情感 ").append(Html.esc(p.sentiment.label));
        h.append("</div>").append(Html.esc(p.text == null || p.text.isBlank() ? "（转发，无正文）" : p.text)).append("</div>");
    }

    private static String title(Incident inc) {
        if (inc.title != null && !inc.title.isBlank()) return inc.title;
        return inc.keywords == null || inc.keywords.isEmpty() ? inc.id : String.join(" ", inc.keywords.subList(0, Math.min(5, inc.keywords.size())));
    }

    private String time(long millis) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").format(Instant.ofEpochMilli(millis).atZone(zone));
    }
}
