package org.fengxiang.ingest.crawl;

import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Author;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;
import org.fengxiang.ingest.ChineseDates;
import org.fengxiang.ingest.extract.Article;
import org.fengxiang.ingest.extract.ArticleExtractor;
import org.fengxiang.ingest.extract.ExtractionRules;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Turns parsed pages into posts: article pages (selectors, else generic extraction) and pages holding many posts. */
final class PostPages {

    /** Fallback values for an article reached from a feed entry. */
    record Hints(String title, String author, String publishedAt) {
        static final Hints NONE = new Hints(null, null, null);
    }

    /** One post from an article page. */
    Post article(SourceConfig src, Document doc, String url, ZonedDateTime now, Hints hints) {
        SourceConfig.ArticleRules r = src.article;
        String title = Selectors.value(doc, r.title);
        String author = Selectors.value(doc, r.author);
        String time = r.time == null ? null : ChineseDates.iso(Selectors.value(doc, r.time), now);
        Metrics metrics = metrics(doc, r.metrics);
        Article a = new ArticleExtractor(now.getZone()).extract(doc, new ExtractionRules(r.body, r.noise), now);
        Post p = base(src, url, now);
        p.id = Ids.forUrl(src, url);
        p.title = first(title, a.title(), hints.title());
        String name = first(author, a.author(), hints.author());
        if (name != null) p.author = new Author(null, name, null, null, null);
        p.publishedAt = first(time, a.publishedAt(), hints.publishedAt());
        p.text = a.text();
        p.metrics = metrics;
        return p;
    }

    /**
     * The posts of a timeline or thread page. For a forum thread, {@code threadRoot} is the id of the
     * thread's first post (null on the first page: the first item becomes the root).
     */
    List<Post> posts(SourceConfig src, Document doc, String pageUrl, ZonedDateTime now, String[] threadRoot) {
        SourceConfig.PostRules r = src.posts;
        boolean thread = "forum-thread".equals(src.type);
        String threadTitle = thread ? threadTitle(doc) : null;
        List<Post> out = new ArrayList<>();
        for (Element item : doc.select(r.item)) {
            Post p = base(src, pageUrl, now);
            String text = Selectors.value(item, r.text);
            String time = Selectors.value(item, r.time);
            String siteId = Selectors.value(item, r.id);
            String permalink = Selectors.value(item, r.url);
            if (permalink != null) p.url = permalink;
            p.text = text == null ? "" : text;
            p.publishedAt = time == null ? null : ChineseDates.iso(time, now);
            p.id = siteId != null ? Ids.forSiteId(src, siteId)
                    : permalink != null ? Ids.forUrl(src, permalink)
                    : src.name + ":" + Ids.hash(pageUrl + "|" + Selectors.value(item, r.author) + "|" + time + "|" + p.text).substring(0, 16);
            p.title = Selectors.value(item, r.title);
            p.author = author(item, r);
            p.metrics = metrics(item, r.metrics);
            p.repostOf = Ids.forSiteId(src, Selectors.value(item, r.repostOf));
            p.parentId = Ids.forSiteId(src, Selectors.value(item, r.parentId));
            if (thread) {
                if (threadRoot[0] == null) {
                    threadRoot[0] = p.id;
                    if (p.title == null) p.title = threadTitle;
                } else if (!p.id.equals(threadRoot[0])) {
                    if (p.repostOf == null) p.repostOf = threadRoot[0];
                    if (p.parentId == null) p.parentId = p.repostOf;
                }
            } else if (p.repostOf != null && p.parentId == null) {
                p.parentId = p.repostOf;
            }
            out.add(p);
        }
        return out;
    }

    private static String threadTitle(Document doc) {
        Element h = doc.selectFirst("h1");
        return h != null ? h.text().trim() : doc.title().trim();
    }

    private static Author author(Element item, SourceConfig.PostRules r) {
        String id = Selectors.value(item, r.authorId);
        String name = Selectors.value(item, r.author);
        if (id == null && name == null) return null;
        Long followers = Counts.parse(Selectors.value(item, r.authorFollowers));
        Boolean verified = r.authorVerified == null ? null : Selectors.value(item, r.authorVerified) != null;
        return new Author(id, name, followers, verified, Selectors.value(item, r.authorLocation));
    }

    private static Metrics metrics(Element context, Map<String, String> selectors) {
        if (selectors == null || selectors.isEmpty()) return null;
        Metrics m = new Metrics();
        m.reposts = Counts.parse(Selectors.value(context, selectors.get("reposts")));
        m.comments = Counts.parse(Selectors.value(context, selectors.get("comments")));
        m.likes = Counts.parse(Selectors.value(context, selectors.get("likes")));
        m.views = Counts.parse(Selectors.value(context, selectors.get("views")));
        return m;
    }

    private static Post base(SourceConfig src, String url, ZonedDateTime now) {
        Post p = new Post();
        p.source = src.name;
        p.channel = src.channel;
        p.url = url;
        p.lang = src.lang;
        p.fetchedAt = now.toOffsetDateTime().toString();
        return p;
    }

    static ZoneId zone(SourceConfig src) {
        return ZoneId.of(src.zone);
    }

    private static String first(String... values) {
        for (String v : values) if (v != null && !v.isBlank()) return v;
        return null;
    }
}
