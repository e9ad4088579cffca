package org.fengxiang.ingest.extract;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;

/** Text statistics of every element of a tree, computed in one post-order pass. */
final class NodeStats {
    static final Set<String> BLOCK = Set.of("p", "div", "section", "article", "main", "table", "tbody", "tr", "td", "th",
            "ul", "ol", "li", "dl", "dd", "dt", "blockquote", "pre", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer",
            "nav", "aside", "form", "figure", "figcaption", "hr", "center", "address", "fieldset", "details", "summary");

    /** Counters of one element's subtree. */
    static final class Stat {
        int weight;
        int linkWeight;
        int punct;
        int links;
        /** Weight of the text inside {@code <p>} elements. */
        int pWeight;
        boolean hasBlockChild;
        /** Weight and punctuation of the text directly inside (text nodes and inline children). */
        int inlineWeight;
        int inlinePunct;

        double linkDensity() {
            return weight == 0 ? 0 : Math.min(1.0, (double) linkWeight / weight);
        }
    }

    private final Map<Element, Stat> stats = new IdentityHashMap<>();

    NodeStats(Element root) {
        NodeTraversor.traverse(new NodeVisitor() {
            @Override
            public void head(Node node, int depth) {}

            @Override
            public void tail(Node node, int depth) {
                if (node instanceof TextNode t) {
                    Element p = t.parent();
                    if (p != null) {
                        Stat s = of(p);
                        String text = t.getWholeText();
                        int w = TextUtil.weight(text);
                        int pu = TextUtil.punctuation(text);
                        s.weight += w;
                        s.punct += pu;
                        s.inlineWeight += w;
                        s.inlinePunct += pu;
                    }
                } else if (node instanceof Element e) {
                    Stat s = of(e);
                    if (e.nameIs("p")) s.pWeight = s.weight;
                    if (e.nameIs("a")) {
                        s.linkWeight = s.weight;
                        s.links++;
                    }
                    if (e.parent() != null && node != root) {
                        Stat p = of(e.parent());
                        p.weight += s.weight;
                        p.linkWeight += s.linkWeight;
                        p.punct += s.punct;
                        p.links += s.links;
                        p.pWeight += s.pWeight;
                        if (BLOCK.contains(e.normalName())) p.hasBlockChild = true;
                        else if (!e.nameIs("a")) {
                            p.inlineWeight += s.weight;
                            p.inlinePunct += s.punct;
                        }
                    }
                }
            }
        }, root);
    }

    Stat of(Element e) {
        return stats.computeIfAbsent(e, k -> new Stat());
    }
}
