package org.fengxiang.ingest.extract;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.regex.Pattern;
import org.fengxiang.ingest.ChineseDates;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Generic article extraction from an arbitrary news page on the Jsoup DOM (text and link density,
 * in the spirit of GNE and trafilatura): title, author, publish time and body text with paragraphs
 * separated by newlines. Per-site {@link ExtractionRules} fix the pages where the heuristics fail.
 * Thread-safe and stateless.
 */
public final class ArticleExtractor {
    private static final Pattern UNLIKELY = Pattern.compile(
            "-ad-|banner|breadcrumb|combx|comment|community|disqus|footer|gdpr|header|legends|menu|related|remark|replies|"
                    + "rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|"
                    + "share|recommend|hotnews|toolbar|cookie|login|copyright", Pattern.CASE_INSENSITIVE);
    private static final Pattern MAYBE = Pattern.compile("and|article|body|column|content|main|shadow|text|detail", Pattern.CASE_INSENSITIVE);
    private static final String REMOVE = "script,style,noscript,iframe,svg,canvas,template,object,embed,input,button,select,"
            + "textarea,option,nav,footer,aside";

    private static final Pattern JUNK_BLOCK = Pattern.compile(
            "caption|credit|gallery|slideshow|carousel|player|newsletter|subscribe|signup|sign-up|promo|advert|\\bad\\b|-ad-|ad-slot|"
                    + "adslot|inline-ad|related|share|social|author-bio|authorbio|bio-box|tweet-embed|embed|toolbar|print|"
                    + "recommend|read-more|readmore|more-stories|tags|copyright|disclaimer", Pattern.CASE_INSENSITIVE);
    private static final Pattern JUNK_LINE = Pattern.compile(
            "(?i)^(advertisement|advert|ad|ads|sponsored|continue reading( below)?|story continues below( advertisement)?|caption|close|"
                    + "image \\d+ of \\d+|\\(image credit:.*\\)|(photo|image|picture|credit)s?:.{0,120}|share( this( article| story)?)?|"
                    + "read more|related( articles| stories)?|click here.{0,80}|this slideshow requires javascript\\.?|"
                    + "(责任编辑|编辑|责编|校对|来源|作者|记者)\\s*[:：|｜].{0,30}|返回搜狐，查看更多|点击进入专题.{0,30}|"
                    + "(本文)?(图片)?来源[:：].{0,40}|更多精彩.{0,30}|扫码.{0,30}|分享到.{0,20}|打开.{0,10}app.{0,20}|原标题[:：].{0,80}|"
                    + "免责声明[:：].*|返回.{0,10}首页.{0,10}|(长按|扫描|识别).{0,12}二维码.{0,30}|\\d{1,2}[、.]\\s*回复【.{1,60}|"
                    + "点击.{0,12}(关注|阅读原文|在看|订阅).{0,30}|(以上)?(信息|内容|图片)(来源|来自)于?网络.{0,30}|"
                    + ".{0,12}(记者|通讯员|实习生)\\s*[\\u4e00-\\u9fa5·]{2,4}(\\s+[\\u4e00-\\u9fa5·]{2,4}){0,3})$");
    private final ZoneId zone;

    /** An extractor resolving dates in Asia/Shanghai. */
    public ArticleExtractor() {
        this(ChineseDates.SHANGHAI);
    }

    /** An extractor resolving zone-less dates in the given zone. */
    public ArticleExtractor(ZoneId zone) {
        this.zone = zone;
    }

    /** Extracts from HTML text; {@code url} resolves relative links (may be null). */
    public Article extract(String html, String url) {
        return extract(Jsoup.parse(html, url == null ? "" : url), ExtractionRules.NONE, null);
    }

    /**
     * Extracts from a parsed document (which is modified). {@code now} resolves relative dates
     * ({@code 3小时前}); when null only dates with a year are accepted.
     */
    public Article extract(Document doc, ExtractionRules rules, ZonedDateTime now) {
        String title = Metadata.title(doc);
        String bodyText = doc.body() == null ? "" : doc.body().text();
        String author = Metadata.author(doc, bodyText);
        String time = Metadata.time(doc, title, now, zone, bodyText);
        String jsonLd = jsonLdBody(doc);
        String text = body(doc, rules == null ? ExtractionRules.NONE : rules, title);
        if (jsonLd != null && TextUtil.weight(text) < MIN_WEIGHT && TextUtil.weight(jsonLd) > TextUtil.weight(text)) text = jsonLd;
        return new Article(title, author, time, text);
    }

    /** The {@code articleBody} of a JSON-LD block (pages that render their body by script), or null. */
    static String jsonLdBody(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String data = script.data();
            if (!data.contains("articleBody")) continue;
            try {
                com.fasterxml.jackson.databind.JsonNode n = org.fengxiang.core.Json.tree(data);
                for (com.fasterxml.jackson.databind.JsonNode body : n.findValues("articleBody")) {
                    if (body.isTextual() && !body.asText().isBlank()) {
                        String t = body.asText();
                        if (t.contains("<")) t = Jsoup.parse(t).body().wholeText();
                        return lines(new StringBuilder(t));
                    }
                }
            } catch (RuntimeException e) {
                // malformed JSON-LD is common: ignore it
            }
        }
        return null;
    }

    /** The body text only. */
    String body(Document doc, ExtractionRules rules, String title) {
        for (String noise : rules.noiseSelectors()) doc.select(noise).remove();
        Element root = doc.body() == null ? doc : doc.body();
        List<Element> containers = null;
        if (rules.bodySelector() != null && !rules.bodySelector().isBlank()) {
            containers = doc.select(rules.bodySelector());
            if (containers.isEmpty()) containers = null;
        }
        root.select(REMOVE).remove();
        if (containers != null) return emitAll(containers, new BodyExtractor(root), title);
        List<Removed> removed = dropUnlikely(root);
        BodyExtractor finder = new BodyExtractor(root);
        String text = emitAll(finder.find(root), finder, title);
        if (TextUtil.weight(text) >= MIN_WEIGHT || removed.isEmpty()) return text;
        for (int i = removed.size() - 1; i >= 0; i--) removed.get(i).restore();
        BodyExtractor again = new BodyExtractor(root);
        String retry = emitAll(again.find(root), again, title);
        return TextUtil.weight(retry) > TextUtil.weight(text) ? retry : text;
    }

    private static final int MIN_WEIGHT = 500;

    private static String emitAll(List<Element> containers, BodyExtractor finder, String title) {
        StringBuilder out = new StringBuilder();
        for (Element c : containers) emit(c, finder, title, out);
        return lines(out);
    }

    /** A removed element and where it was, so the removal can be undone. */
    private record Removed(Element parent, int index, Element element) {
        static Removed remove(Element e) {
            Removed r = new Removed(e.parent(), e.siblingIndex(), e);
            e.remove();
            return r;
        }

        void restore() {
            parent.insertChildren(index, element);
        }
    }

    /** Hidden by attribute or inline style (scripts often reveal the real body later: see the caller's guard). */
    private static boolean hidden(Element e) {
        if (e.hasAttr("hidden") || "true".equals(e.attr("aria-hidden"))) return true;
        if (!e.hasAttr("style")) return false;
        String st = e.attr("style").replace(" ", "").toLowerCase(java.util.Locale.ROOT);
        return st.contains("display:none") || st.contains("visibility:hidden");
    }

    /**
     * Removes hidden elements and elements whose class/id marks them as boilerplate, unless they
     * hold most of the paragraph text (e.g. a body revealed by script).
     */
    private static List<Removed> dropUnlikely(Element root) {
        NodeStats stats = new NodeStats(root);
        int total = stats.of(root).pWeight;
        List<Element> doomed = new java.util.ArrayList<>();
        for (Element e : root.getAllElements()) {
            if (e == root || e.nameIs("html") || e.nameIs("body") || e.nameIs("article") || e.nameIs("main") || e.nameIs("a")) continue;
            String key = e.className() + " " + e.id();
            boolean mostText = stats.of(e).pWeight >= total * 0.4 && total > 0;
            if (hidden(e) && !mostText) {
                doomed.add(e);
                continue;
            }
            if (key.isBlank() || e.nameIs("header") && !e.select("h1").isEmpty() && stats.of(e).weight > 200) continue;
            if (UNLIKELY.matcher(key).find() && !MAYBE.matcher(key).find() && !mostText) doomed.add(e);
        }
        List<Removed> removed = new java.util.ArrayList<>();
        for (Element e : doomed) if (e.parent() != null) removed.add(Removed.remove(e));
        for (Element h : root.select("header")) {
            if (h.parent() != null && (h.select("h1").isEmpty() || TextUtil.weight(h.text()) < 200)) removed.add(Removed.remove(h));
        }
        return removed;
    }

    private static void emit(Element e, BodyExtractor finder, String title, StringBuilder out) {
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) out.append(t.getWholeText());
            else if (n instanceof Element c) {
                if (c.nameIs("br")) {
                    out.append('\n');
                    continue;
                }
                boolean block = NodeStats.BLOCK.contains(c.normalName());
                if (block && finder.noise(c)) continue;
                if (junk(c)) continue;
                if (c.normalName().matches("h[1-3]") && title != null && TextUtil.collapse(c.text()).equals(TextUtil.collapse(title))) continue;
                if (block) out.append('\n');
                emit(c, finder, title, out);
                if (block) out.append('\n');
            }
        }
    }

    /** Figures, captions, ads, share bars and similar blocks inside the body. */
    private static boolean junk(Element c) {
        String n = c.normalName();
        if (n.equals("figure") || n.equals("figcaption") || n.equals("picture")) return true;
        String key = c.className() + " " + c.id();
        if (key.isBlank() || n.equals("p") && c.text().length() > 120) return false;
        return JUNK_BLOCK.matcher(key).find() && TextUtil.weight(c.text()) < 1500;
    }

    private static String lines(StringBuilder b) {
        StringBuilder out = new StringBuilder();
        for (String line : b.toString().split("\n")) {
            String l = TextUtil.collapse(line);
            if (l.isEmpty() || JUNK_LINE.matcher(l).matches()) continue;
            if (out.length() > 0) out.append('\n');
            out.append(l);
        }
        return out.toString();
    }
}
