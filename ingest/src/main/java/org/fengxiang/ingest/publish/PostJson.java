package org.fengxiang.ingest.publish;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.fengxiang.core.Author;
import org.fengxiang.core.Json;
import org.fengxiang.core.Metrics;
import org.fengxiang.core.Post;

/** Writes a {@link Post} as the input contract JSON only (no analytics fields, nulls omitted). */
public final class PostJson {
    private PostJson() {}

    /** One line of input-contract JSON. */
    public static String write(Post p) {
        return Json.write(node(p));
    }

    /** The input-contract JSON tree of a post. */
    public static ObjectNode node(Post p) {
        ObjectNode n = Json.mapper().createObjectNode();
        put(n, "id", p.id);
        put(n, "source", p.source);
        put(n, "channel", p.channel);
        put(n, "url", p.url);
        if (p.author != null) n.set("author", author(p.author));
        put(n, "title", p.title);
        n.put("text", p.text == null ? "" : p.text);
        put(n, "publishedAt", p.publishedAt);
        put(n, "fetchedAt", p.fetchedAt);
        if (p.metrics != null) n.set("metrics", metrics(p.metrics));
        put(n, "repostOf", p.repostOf);
        put(n, "parentId", p.parentId);
        put(n, "lang", p.lang);
        return n;
    }

    private static ObjectNode author(Author a) {
        ObjectNode n = Json.mapper().createObjectNode();
        put(n, "id", a.id);
        put(n, "name", a.name);
        if (a.followers != null) n.put("followers", a.followers);
        if (a.verified != null) n.put("verified", a.verified);
        put(n, "location", a.location);
        return n;
    }

    private static ObjectNode metrics(Metrics m) {
        ObjectNode n = Json.mapper().createObjectNode();
        if (m.reposts != null) n.put("reposts", m.reposts);
        if (m.comments != null) n.put("comments", m.comments);
        if (m.likes != null) n.put("likes", m.likes);
        if (m.views != null) n.put("views", m.views);
        return n;
    }

    private static void put(ObjectNode n, String field, String value) {
        if (value != null) n.put(field, value);
    }
}
