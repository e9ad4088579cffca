package org.fengxiang.ingest.extract;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.fengxiang.ingest.ChineseDates;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Title, author and publish time of an article page: meta tags first, then the visible page. */
final class Metadata {
    private static final String[] TIME_META = {"weibo:article:create_at", "article:published_time", "og:article:published_time", "og:published_time",
            "og:release_date", "publishdate", "pubdate", "publish_date", "publishtime", "published_time", "datepublished",
            "article.published", "dc.date.issued", "dc.date", "sailthru.date", "parsely-pub-date", "weibo:article:create_at",
            "release_date", "created", "date", "firstpublishedtime", "lastpublishedtime", "dateupdate", "datemodified",
            "article:modified_time"};
    private static final Pattern SCRIPT_TIME = Pattern.compile(
            "\\b(?:ct|publish_time|publishtime|pubtime|pubDate|publishTime|createTime|create_time)\\s*[=:]\\s*[\"']?(\\d{10})\\b");
    private static final String[] AUTHOR_META = {"author", "article:author", "byl", "dc.creator", "sailthru.author", "parsely-author"};
    private static final Pattern DATE = Pattern.compile(
            "(?<!\\d)(\\d{4})\\s*[年/\\-.]\\s*(\\d{1,2})\\s*[月/\\-.]\\s*(\\d{1,2})(?!\\d)\\s*[日号]?(\\s*(\\d{1,2})\\s*[:：时]\\s*(\\d{1,2})(?:\\s*[:：]\\s*\\d{1,2})?)?");
    private static final String NAME = "([\\u4e00-\\u9fa5·]{2,4})(?=[\\s）)】\\]，,。；;/|｜_]|$)";
    private static final Pattern REPORTER = Pattern.compile(
            "(?:(?:记者|作者|撰文|采写|(?<![本原全正下上图])文)\\s*[:：|｜]\\s*|(?:记者|作者)\\s+|[（(]记者\\s*)" + NAME);
    private static final Pattern EDITOR = Pattern.compile("(?:责任编辑|责编|编辑)\\s*[:：|｜]\\s*" + NAME);
    private static final Pattern AUTHOR = Pattern.compile("(?:作者|记者|责任编辑|责编|编辑|撰文|文)\\s*[:：/|｜]?\\s*" + NAME);
    private static final Pattern SITE_NAME = Pattern.compile(".*(网|网易|新闻|日报|晚报|早报|时报|报社|客户端|财经|官方|传媒|集团|频道)$");
    private static final Pattern SPLIT_TITLE = Pattern.compile("\\s*(?:[_|｜]|\\s[-–—]\\s|--)\\s*");

    private Metadata() {}

    static String title(Document doc) {
        String og = meta(doc, "og:title", "twitter:title");
        String tag = TextUtil.collapse(doc.title());
        String ref = !tag.isEmpty() ? tag : og == null ? "" : og;
        String best = null;
        int bestScore = 0;
        for (Element h : doc.select("h1, h2, [class*=title] , [id*=title]")) {
            String t = TextUtil.collapse(h.text());
            if (t.length() < 4 || t.length() > 120) continue;
            int common = commonSubstring(t, ref);
            int score = common * 2 - Math.max(0, t.length() - common) + (h.nameIs("h1") ? 3 : 0);
            if (common >= Math.min(t.length(), ref.length()) * 0.6 && score > bestScore) {
                bestScore = score;
                best = t;
            }
        }
        if (best != null) return best;
        if (og != null && !og.isBlank()) return TextUtil.collapse(og);
        Element h1 = doc.selectFirst("h1");
        if (h1 != null && h1.text().length() >= 4) return TextUtil.collapse(h1.text());
        String longest = "";
        for (String part : SPLIT_TITLE.split(tag)) if (part.length() > longest.length()) longest = part;
        return longest.isEmpty() ? null : longest;
    }

    static String author(Document doc, String text) {
        Matcher rm = REPORTER.matcher(text);
        if (rm.find()) return rm.group(1);
        Matcher em = EDITOR.matcher(text);
        if (em.find()) return em.group(1);
        String m = meta(doc, AUTHOR_META);
        if (m != null && !m.isBlank() && !m.startsWith("http") && !m.contains("@") && m.length() <= 40
                && !SITE_NAME.matcher(m.trim()).matches()) return TextUtil.collapse(m);
        for (String sel : new String[] {"#js_name", ".author-name", ".account-name"}) {
            Element account = doc.selectFirst(sel);
            if (account != null && !account.text().isBlank() && account.text().length() <= 30) return TextUtil.collapse(account.text());
        }
        Element byline = doc.selectFirst("[rel=author], [itemprop=author], .byline, .author");
        if (byline != null) {
            String t = TextUtil.collapse(byline.text());
            Matcher am = AUTHOR.matcher(t);
            if (am.find()) return am.group(1);
            if (t.length() >= 2 && t.length() <= 30) return t;
        }
        return null;
    }

    static String time(Document doc, String title, ZonedDateTime now, ZoneId zone, String text) {
        ZonedDateTime ref = now != null ? now : ZonedDateTime.of(2100, 1, 1, 0, 0, 0, 0, zone);
        String m = meta(doc, TIME_META);
        if (m != null) {
            String iso = ChineseDates.iso(m, ref);
            if (iso != null) return iso;
        }
        for (Element e : doc.select("time[datetime], [itemprop=datePublished]")) {
            String v = e.hasAttr("datetime") ? e.attr("datetime") : e.hasAttr("content") ? e.attr("content") : e.text();
            String iso = ChineseDates.iso(v, ref);
            if (iso != null) return iso;
        }
        for (Element script : doc.select("script")) {
            Matcher sm = SCRIPT_TIME.matcher(script.data());
            if (sm.find()) {
                String iso = ChineseDates.iso(sm.group(1), ref);
                if (iso != null) return iso;
            }
        }
        int from = title == null ? -1 : text.indexOf(title);
        String best = null;
        boolean bestHasTime = false;
        boolean bestAfter = false;
        Matcher dm = DATE.matcher(text);
        while (dm.find()) {
            boolean hasTime = dm.group(4) != null;
            boolean after = from >= 0 && dm.start() >= from;
            if (best == null || rank(after, hasTime) > rank(bestAfter, bestHasTime)) {
                String iso = ChineseDates.iso(dm.group(), ref);
                if (iso == null) continue;
                best = iso;
                bestHasTime = hasTime;
                bestAfter = after;
                if (after && hasTime) break;
            }
        }
        if (best == null && now != null) {
            Element t = doc.selectFirst(".time, .date, .pubtime, .publish-time, [class*=time], [class*=date]");
            if (t != null) best = ChineseDates.iso(t.text(), now);
        }
        return best;
    }

    private static int rank(boolean after, boolean hasTime) {
        return (after ? 2 : 0) + (hasTime ? 1 : 0);
    }

    private static String meta(Document doc, String... names) {
        java.util.Map<String, String> found = new java.util.HashMap<>();
        for (Element e : doc.select("meta[content]")) {
            String c = e.attr("content").trim();
            if (c.isEmpty()) continue;
            for (String attr : new String[] {"property", "name", "itemprop"}) {
                String key = e.attr(attr).replace(" ", "").toLowerCase(java.util.Locale.ROOT);
                if (!key.isEmpty()) found.putIfAbsent(key, c);
            }
        }
        for (String n : names) {
            String v = found.get(n);
            if (v != null) return v;
        }
        return null;
    }

    /** Length of the longest common substring. */
    static int commonSubstring(String a, String b) {
        if (a.isEmpty() || b.isEmpty()) return 0;
        int[] prev = new int[b.length() + 1];
        int best = 0;
        for (int i = 1; i <= a.length(); i++) {
            int[] cur = new int[b.length() + 1];
            for (int j = 1; j <= b.length(); j++) {
                if (a.charAt(i - 1) == b.charAt(j - 1)) {
                    cur[j] = prev[j - 1] + 1;
                    if (cur[j] > best) best = cur[j];
                }
            }
            prev = cur;
        }
        return best;
    }
}
