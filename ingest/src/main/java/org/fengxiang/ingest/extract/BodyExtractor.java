package org.fengxiang.ingest.extract;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Finds the article body in a cleaned DOM the way readability/GNE do: paragraphs score their
 * ancestors by text weight and punctuation, candidates are discounted by link density, the best
 * one is extended by similar siblings, and its text is emitted block by block without link lists.
 */
final class BodyExtractor {
    static final Pattern POSITIVE = Pattern.compile(
            "article|body|content|entry|hentry|main|page|post|text|blog|story|detail|artic|zhengwen|neirong|wenzhang", Pattern.CASE_INSENSITIVE);
    static final Pattern NEGATIVE = Pattern.compile(
            "hidden|banner|combx|comment|com-|contact|foot|footer|footnote|masthead|media|meta|outbrain|promo|related|scroll|"
                    + "share|shoutbox|sidebar|skyscraper|sponsor|shopping|tags|tool|widget|recommend|hot|rank|nav|menu|breadcrumb|"
                    + "copyright|advert|login|subscribe|newsletter|pagination|pager|social|author-bio|byline",
            Pattern.CASE_INSENSITIVE);
    private static final Set<String> PARAGRAPH = Set.of("p", "pre", "td", "blockquote", "li", "dd");
    private static final Set<String> CONTAINERS = Set.of("div", "section", "article", "main", "span", "font", "center", "td");

    private final NodeStats stats;
    private final Map<Element, Double> scores = new IdentityHashMap<>();

    BodyExtractor(Element root) {
        this.stats = new NodeStats(root);
    }

    /** Containers that well-known templates use for the article body, most specific first. */
    static final List<String> KNOWN_BODIES = List.of(
            "[itemprop=articleBody]", "[itemprop=articlebody]", "section[name=articleBody]", "#js_content", "#artibody", "#endText",
            "#article-body", "#articleBody", "#article_body", "#articlebody", "#story-body", "#storytext", "#article_content",
            "#articleContent", ".article-body", ".article__body", ".articleBody", ".ArticleBody-articleBody",
            ".RichTextArticleBody-body", ".StoryBodyCompanionColumn", ".story-body", ".story-content", ".article-content",
            ".article_content", ".articleContent", ".entry-content", ".post-content", ".post-body", ".post_content",
            ".post-entry", ".td-post-content", ".single-content", ".content-article", ".rich_media_content", ".article-text",
            ".c-entry-content", ".news-content", ".post_text", ".article-main", ".main-text");

    /** The best body container(s) below root: a well-known container when one holds real text, else the best-scored one. */
    List<Element> find(Element root) {
        List<Element> known = known(root);
        List<Element> scored = scored(root);
        if (known.isEmpty()) return scored;
        int knownWeight = known.stream().mapToInt(e -> stats.of(e).weight).sum();
        Element top = scored.get(0);
        int topWeight = scored.stream().mapToInt(e -> stats.of(e).weight).sum();
        boolean knownInsideTop = known.stream().allMatch(k -> k.parents().contains(top));
        if (knownInsideTop && knownWeight < topWeight * 0.3) return scored;
        if (known.size() == 1 && top.parents().contains(known.get(0))) {
            NodeStats.Stat k = stats.of(known.get(0)), t = stats.of(top);
            int extra = k.weight - topWeight;
            int extraLinks = k.linkWeight - t.linkWeight;
            if (extra > 0 && extraLinks > extra * 0.35) return scored;
        }
        return known;
    }

    private List<Element> known(Element root) {
        Map<Integer, List<Element>> byRank = new java.util.TreeMap<>();
        for (Element e : root.getAllElements()) {
            int rank = knownRank(e);
            if (rank >= 0) byRank.computeIfAbsent(rank, k -> new ArrayList<>()).add(e);
        }
        for (List<Element> found : byRank.values()) {
            Element best = null;
            for (Element e : found) if (best == null || stats.of(e).weight > stats.of(best).weight) best = e;
            NodeStats.Stat s = stats.of(best);
            if (s.weight < 150 || s.linkDensity() > 0.4) continue;
            Element parent = best.parent();
            List<Element> same = new ArrayList<>();
            for (Element e : found) {
                if (e.parent() == parent || e == best) same.add(e);
            }
            return same;
        }
        return List.of();
    }

    /** Position of the element's best match in {@link #KNOWN_BODIES}, or -1. */
    private static int knownRank(Element e) {
        int best = -1;
        String id = e.id();
        if (!id.isEmpty()) {
            Integer r = KNOWN_RANK.get("#" + id);
            if (r != null) best = r;
        }
        if (e.hasAttr("class")) {
            for (String c : e.classNames()) {
                Integer r = KNOWN_RANK.get("." + c);
                if (r != null && (best < 0 || r < best)) best = r;
            }
        }
        if (e.hasAttr("itemprop") && e.attr("itemprop").equalsIgnoreCase("articleBody")) best = 0;
        if (e.nameIs("section") && e.attr("name").equals("articleBody") && (best < 0 || best > 2)) best = 2;
        return best;
    }

    private static final Map<String, Integer> KNOWN_RANK = new java.util.HashMap<>();

    static {
        for (int i = 0; i < KNOWN_BODIES.size(); i++) {
            String k = KNOWN_BODIES.get(i);
            if (k.startsWith("#") || k.startsWith(".")) KNOWN_RANK.putIfAbsent(k, i);
        }
    }

    private List<Element> scored(Element root) {
        for (Element e : root.getAllElements()) {
            NodeStats.Stat s = stats.of(e);
            boolean paragraph = isParagraph(e);
            int weight = paragraph ? s.weight : s.inlineWeight;
            int punct = paragraph ? s.punct : s.inlinePunct;
            if (weight < 25 || !paragraph && (!CONTAINERS.contains(e.normalName()) && !e.nameIs("body"))) continue;
            if (paragraph && s.linkDensity() > 0.5) continue;
            double score = 1 + punct + Math.min(weight / 100.0, 3);
            Element p = paragraph ? e.parent() : e;
            for (int level = 0; p != null && level < 3; level++, p = p.parent()) {
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                scores.merge(p, initial(p) + score / divider, (a, b) -> a + score / divider);
            }
        }
        Element top = null;
        double best = 0;
        for (Map.Entry<Element, Double> en : scores.entrySet()) {
            double f = en.getValue() * (1 - stats.of(en.getKey()).linkDensity());
            en.setValue(f);
            if (f > best) {
                best = f;
                top = en.getKey();
            }
        }
        if (top == null) return List.of(root);
        return withSiblings(top, best);
    }

    private List<Element> withSiblings(Element top, double best) {
        Element parent = top.parent();
        if (parent == null) return List.of(top);
        double threshold = Math.max(10, best * 0.2);
        List<Element> out = new ArrayList<>();
        for (Element sib : parent.children()) {
            if (sib == top) {
                out.add(sib);
                continue;
            }
            NodeStats.Stat s = stats.of(sib);
            Double sc = scores.get(sib);
            boolean add = sc != null && sc >= threshold;
            if (!add && sib.nameIs("p")) {
                double ld = s.linkDensity();
                add = s.weight > 80 && ld < 0.25 || s.weight > 0 && ld == 0 && s.punct > 0 && s.weight < 80 && endsSentence(sib.text());
            }
            if (add) out.add(sib);
        }
        return out;
    }

    private static boolean endsSentence(String t) {
        t = t.trim();
        return !t.isEmpty() && "。.！!？?”\"".indexOf(t.charAt(t.length() - 1)) >= 0;
    }

    private boolean isParagraph(Element e) {
        String n = e.normalName();
        if (PARAGRAPH.contains(n)) return !n.equals("td") || !stats.of(e).hasBlockChild;
        return CONTAINERS.contains(n) && !stats.of(e).hasBlockChild && hasOwnText(e);
    }

    private static boolean hasOwnText(Element e) {
        for (Node c : e.childNodes()) {
            if (c instanceof TextNode t && !t.isBlank()) return true;
        }
        return false;
    }

    private double initial(Element e) {
        double s = switch (e.normalName()) {
            case "div", "article", "section", "main" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        return s + classWeight(e);
    }

    static double classWeight(Element e) {
        double w = 0;
        String cls = e.className();
        String id = e.id();
        if (!cls.isEmpty()) {
            if (NEGATIVE.matcher(cls).find()) w -= 25;
            if (POSITIVE.matcher(cls).find()) w += 25;
        }
        if (!id.isEmpty()) {
            if (NEGATIVE.matcher(id).find()) w -= 25;
            if (POSITIVE.matcher(id).find()) w += 25;
        }
        return w;
    }

    /** True when a block inside the body is a link list or other boilerplate to leave out. */
    boolean noise(Element e) {
        NodeStats.Stat s = stats.of(e);
        String n = e.normalName();
        if (s.weight == 0) return false;
        double ld = s.linkDensity();
        if (n.equals("p")) return ld > 0.8 && s.weight < 200;
        if (n.equals("ul") || n.equals("ol") || n.equals("table") || n.equals("div") || n.equals("section") || n.equals("dl")) {
            if (ld > 0.5 && s.punct < 3 + s.weight / 100) return true;
            if (classWeight(e) < 0 && s.punct < 5) return true;
        }
        return false;
    }
}
