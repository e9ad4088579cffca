package org.fengxiang.alerting.mail;

import java.io.IOException;
import java.io.InputStream;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;
import org.fengxiang.core.Resources;
import org.fengxiang.core.Spreader;

/**
 * Renders the e-mail of one alert transition: subject with grade and incident title, and plain-text
 * and HTML parts with summary, reasons, volume and sentiment figures, origin post, top spreaders and
 * evidence links. All post-derived text is untrusted: HTML-escaped, and stripped of CR/LF in headers.
 */
public final class AlertMailRenderer {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xxx", Locale.ROOT);
    private final MailSettings settings;
    private final String frame;
    private final ZoneId zone;

    /** Loads the HTML frame from {@code settings.htmlTemplate}. */
    public AlertMailRenderer(MailSettings settings) throws IOException {
        this.settings = settings;
        this.zone = ZoneId.of(settings.zone);
        try (InputStream in = Resources.open(settings.htmlTemplate)) {
            this.frame = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        if (!frame.contains("{{body}}")) throw new IOException(settings.htmlTemplate + " lacks the {{body}} placeholder");
    }

    /** Subject: {@code 【红色 Ⅰ级预警·升级】title}, header-safe. */
    public String subject(Alert a, AlertContext ctx) {
        String title = a.title;
        if ((title == null || title.isBlank()) && ctx.incident != null) title = ctx.incident.title;
        if (title == null || title.isBlank()) title = a.keywords == null ? "" : String.join(" ", a.keywords);
        if (title.isBlank()) title = a.incidentId;
        return MailText.headerSafe("【" + MailText.levelLabel(a.level) + "预警·" + MailText.statusLabel(a.status) + "】"
                + MailText.shorten(MailText.headerSafe(title), 60));
    }

    /** Renders all three parts (no acknowledgement link). */
    public RenderedMail render(Alert a, AlertContext ctx) {
        return render(a, ctx, null);
    }

    /** Renders all three parts; with an {@code ackUrl}, a 确认 section carries the acknowledgement link. */
    public RenderedMail render(Alert a, AlertContext ctx, String ackUrl) {
        MailSections doc = sections(a, ctx, ackUrl);
        return assemble(a.level, subject(a, ctx), doc, "风向 Fengxiang · 预警 " + a.id + " · 第 " + a.sequence + " 次状态变化");
    }

    /**
     * The escalation e-mail of step {@code step}: the alert has not been acknowledged {@code minutes}
     * after its e-mail went to {@code originalTo}; then the whole alert as in its own e-mail.
     */
    public RenderedMail renderEscalation(Alert a, AlertContext ctx, int step, long minutes, List<String> originalTo,
                                         String ackUrl) {
        MailSections doc = new MailSections();
        var s = doc.add("未确认升级");
        s.lines().add(line("该预警邮件发出 " + minutes + " 分钟后仍无人确认，现升级通知（第 " + step + " 级）。"));
        if (originalTo != null && !originalTo.isEmpty()) s.lines().add(line("原收件人: " + String.join("、", originalTo)));
        if (ackUrl != null) s.lines().add(new MailSections.Line("确认已知悉（停止后续升级通知）:", ackUrl));
        doc.sections.addAll(sections(a, ctx, null).sections);
        String subject = MailText.headerSafe("【未确认·第" + step + "级升级】" + subject(a, ctx));
        return assemble(a.level, subject, doc, "风向 Fengxiang · 预警 " + a.id + " · 第 " + a.sequence + " 次状态变化 · 升级通知 " + step);
    }

    private RenderedMail assemble(String level, String subject, MailSections doc, String footer) {
        String text = subject + "\n\n" + doc.toText() + "--\n" + footer + "\n";
        String banner = "<div style=\"background:" + MailText.levelColour(level)
                + ";color:#fff;padding:12px 16px;font-size:18px;font-weight:bold\">" + MailText.html(subject) + "</div>";
        String html = fill(frame, java.util.Map.of("title", MailText.html(subject), "banner", banner,
                "footer", MailText.html(footer), "body", doc.toHtml()));
        return new RenderedMail(subject, text, html);
    }

    /** The digest of held-back alerts: one section per alert, most severe first. */
    public RenderedMail renderDigest(List<Alert> alerts) {
        List<Alert> sorted = new java.util.ArrayList<>(alerts);
        sorted.sort(java.util.Comparator.comparingInt((Alert x) -> -Alert.rank(x.level))
                .thenComparing(x -> x.detectedAt == null ? "" : x.detectedAt).thenComparing(x -> x.id));
        String top = sorted.isEmpty() ? null : sorted.get(0).level;
        String subject = MailText.headerSafe("【预警汇总】" + alerts.size() + " 条预警（最高 "
                + MailText.levelLabel(top) + "）");
        MailSections doc = new MailSections();
        for (Alert a : sorted) {
            String title = a.title == null || a.title.isBlank() ? nz(a.incidentId) : a.title;
            var s = doc.add(MailText.levelLabel(a.level) + " · " + MailText.statusLabel(a.status) + " · " + time(a)
                    + " · " + MailText.shorten(MailText.headerSafe(title), 60));
            if (a.reasons != null) a.reasons.stream().limit(3).forEach(r -> s.lines().add(line(r)));
            s.lines().add(new MailSections.Line("事件: " + nz(a.incidentId) + " · 帖子数: " + a.postCount,
                    kibanaIncidentUrl(a.incidentId)));
        }
        String footer = "风向 Fengxiang · 预警汇总（静默时段与汇总级别）· 红色预警总是即时发送";
        String text = subject + "\n\n" + doc.toText() + "--\n" + footer + "\n";
        String banner = "<div style=\"background:" + MailText.levelColour(top)
                + ";color:#fff;padding:12px 16px;font-size:18px;font-weight:bold\">" + MailText.html(subject) + "</div>";
        String html = fill(frame, java.util.Map.of("title", MailText.html(subject), "banner", banner,
                "footer", MailText.html(footer), "body", doc.toHtml()));
        return new RenderedMail(subject, text, html);
    }

    MailSections sections(Alert a, AlertContext ctx, String ackUrl) {
        MailSections doc = new MailSections();
        Incident inc = ctx.incident;
        var summary = doc.add("摘要");
        summary.lines().add(line("级别: " + MailText.levelLabel(a.level) + " · 状态: " + MailText.statusLabel(a.status)
                + " · 规则: " + nz(a.rule)));
        if (a.rulesVersion != null) summary.lines().add(line("规则版本: " + a.rulesVersion));
        summary.lines().add(line("检测时间(事件时间): " + time(a)));
        summary.lines().add(new MailSections.Line("事件: " + nz(a.incidentId), kibanaIncidentUrl(a.incidentId)));
        if (a.keywords != null && !a.keywords.isEmpty()) summary.lines().add(line("关键词: " + String.join("、", a.keywords)));
        if (ackUrl != null) {
            doc.add("确认").lines().add(new MailSections.Line(Alert.isEarlyWarning(a.status)
                    ? "收到请点击确认（初判预警不做升级通知，正式预警将另行发送）:"
                    : "收到请点击确认（确认后不再发送未确认升级通知）:", ackUrl));
        }
        var why = doc.add("触发原因");
        if (a.reasons == null || a.reasons.isEmpty()) why.lines().add(line("(规则未给出原因)"));
        else for (String r : a.reasons) why.lines().add(line(r));
        volume(doc, a, inc);
        origin(doc, a, ctx.origin);
        spreaders(doc, inc);
        evidence(doc, a, ctx.evidence);
        return doc;
    }

    private void volume(MailSections doc, Alert a, Incident inc) {
        var s = doc.add("规模与情绪");
        long posts = inc != null ? Math.max(inc.postCount, a.postCount) : a.postCount;
        StringBuilder v = new StringBuilder("帖子数: " + posts);
        if (inc != null) v.append(" · 独立作者: ").append(inc.uniqueAuthors).append(" · 互动: ").append(inc.interactions);
        v.append(" · 热度: ").append(fmt(inc != null ? Math.max(inc.heat, a.heat) : a.heat));
        s.lines().add(line(v.toString()));
        if (inc == null) return;
        s.lines().add(line("最近窗口帖子数: " + inc.windowCount + " · 增长: ×" + fmt(inc.growth) + " · 阶段: " + nz(inc.stage)));
        long total = inc.negative + inc.neutral + inc.positive;
        if (total > 0) {
            s.lines().add(line("情绪: 负面 " + inc.negative + " (" + pct(inc.negative, total) + ") · 中性 " + inc.neutral
                    + " (" + pct(inc.neutral, total) + ") · 正面 " + inc.positive + " (" + pct(inc.positive, total) + ")"));
        }
        if (inc.firstSeen != null) s.lines().add(line("首次出现: " + inc.firstSeen + " · 最近: " + nz(inc.lastSeen)));
        if (inc.regions != null && !inc.regions.isEmpty()) s.lines().add(line("地区: " + String.join("、", inc.regions)));
    }

    private void origin(MailSections doc, Alert a, Post p) {
        var s = doc.add("源头帖子");
        if (p == null) {
            s.lines().add(new MailSections.Line(a.originPostId == null ? "(未知)" : a.originPostId, kibanaPostUrl(a.originPostId)));
            return;
        }
        StringBuilder who = new StringBuilder();
        if (p.author != null) {
            who.append(nz(p.author.name));
            if (p.author.followers != null) who.append(" (粉丝 ").append(p.author.followers).append(")");
            if (Boolean.TRUE.equals(p.author.verified)) who.append(" [认证]");
        }
        s.lines().add(line(who + " · " + nz(p.source) + " · " + nz(p.publishedAt)));
        String body = (p.title == null || p.title.isBlank() ? "" : p.title + "\n") + MailText.shorten(nz(p.text), 300);
        String url = MailText.safeUrl(p.url);
        s.lines().add(new MailSections.Line(body, url != null ? url : kibanaPostUrl(p.id)));
    }

    private void spreaders(MailSections doc, Incident inc) {
        if (inc == null || inc.topSpreaders == null || inc.topSpreaders.isEmpty()) return;
        var s = doc.add("主要传播者");
        int n = 0;
        for (Spreader sp : inc.topSpreaders) {
            if (++n > 5) break;
            s.lines().add(new MailSections.Line(n + ". 作者 " + nz(sp.authorId) + " · 转发覆盖 " + sp.reach,
                    kibanaPostUrl(sp.postId)));
        }
    }

    private void evidence(MailSections doc, Alert a, List<Post> posts) {
        var s = doc.add("证据");
        int n = 0;
        for (Post p : posts) {
            if (++n > 8) break;
            String url = MailText.safeUrl(p.url);
            s.lines().add(new MailSections.Line(MailText.shorten(nz(p.text), 80), url != null ? url : kibanaPostUrl(p.id)));
        }
        if (n == 0 && a.evidencePostIds != null) {
            for (String id : a.evidencePostIds) {
                if (++n > 8) break;
                s.lines().add(new MailSections.Line(id, kibanaPostUrl(id)));
            }
        }
        if (n == 0) s.lines().add(line("(无)"));
    }

    /** Kibana 事件详情 dashboard filtered to the incident, or null without a Kibana URL. */
    String kibanaIncidentUrl(String incidentId) {
        if (incidentId == null) return null;
        return kibana("/app/dashboards#/view/fengxiang-dashboard-incident", "incidentId:\"" + incidentId + "\"");
    }

    String kibanaPostUrl(String postId) {
        if (postId == null) return null;
        return kibana("/app/discover#/", "id:\"" + postId + "\"");
    }

    private String kibana(String path, String kql) {
        String base = MailText.safeUrl(settings.kibanaUrl);
        if (base == null) return null;
        if (base.endsWith("/")) base = base.substring(0, base.length() - 1);
        String rison = "(query:(language:kuery,query:'" + kql.replace("!", "!!").replace("'", "!'") + "'))";
        return base + path + "?_g=(time:(from:now-30d,to:now))&_a="
                + URLEncoder.encode(rison, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** Single-pass placeholder substitution (inserted text is never re-scanned). */
    static String fill(String template, java.util.Map<String, String> values) {
        StringBuilder b = new StringBuilder(template.length() * 2);
        int i = 0;
        while (true) {
            int open = template.indexOf("{{", i);
            int close = open < 0 ? -1 : template.indexOf("}}", open);
            if (close < 0) break;
            String key = template.substring(open + 2, close);
            b.append(template, i, open);
            b.append(values.containsKey(key) ? values.get(key) : template.substring(open, close + 2));
            i = close + 2;
        }
        return b.append(template.substring(i)).toString();
    }

    private String time(Alert a) {
        Instant t = MailRouting.eventTime(a);
        return t == null ? nz(a.detectedAt) : TIME.format(t.atZone(zone));
    }

    private static MailSections.Line line(String text) {
        return new MailSections.Line(text, null);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String fmt(double d) {
        return String.format(Locale.ROOT, "%.1f", d);
    }

    private static String pct(long part, long total) {
        return String.format(Locale.ROOT, "%.0f%%", 100.0 * part / total);
    }
}
