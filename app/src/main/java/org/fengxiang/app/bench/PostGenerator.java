package org.fengxiang.app.bench;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.fengxiang.core.Json;

/**
 * Realistic synthetic posts (input-contract JSON) for load runs and cluster tests: background chatter from a
 * population of authors (heavy-tailed followers, a few verified), news and forum posts, and reposts that form
 * cascades (popular roots attract more, some reposts repost a repost); plus an incident burst on demand (a root
 * about a chemical-plant explosion reposted by many distinct authors). Deterministic for a seed; ids are unique
 * per {@code runId}.
 */
public final class PostGenerator {
    private static final int RECENT_ROOTS = 256;
    private static final JsonFactory JSON = Json.mapper().getFactory();
    private static final ZoneOffset CHINA = ZoneOffset.ofHours(8);
    private final SplittableRandom rnd;
    private final String runId;
    private final List<Root> recent = new ArrayList<>();
    private long seq;
    private int bursts;
    private Root burst;

    private record Root(String id, String author, List<String> members) {}

    /** A generated post: its id, JSON and whether it belongs to the incident burst. */
    public record Generated(String id, String json, boolean burst) {}

    public PostGenerator(long seed, String runId) {
        this.rnd = new SplittableRandom(seed);
        this.runId = runId;
    }

    /** A background post published at {@code eventMillis}: an original (45 %) or a repost in a cascade. */
    public Generated next(long eventMillis) {
        if (recent.isEmpty() || rnd.nextInt(100) < 45) return original(eventMillis);
        // preferential attachment: later (younger) roots and big cascades both attract reposts
        Root root = recent.get(recent.size() - 1 - (int) Math.min(recent.size() - 1, Math.abs(rnd.nextDouble() * rnd.nextDouble() * recent.size())));
        return repost(root, eventMillis, ChineseText.repost(rnd, root.author), false);
    }

    /** Starts the incident burst: its root post. */
    public Generated burstRoot(long eventMillis) {
        String id = id("burst");
        String author = "u" + runId + "-burst";
        burst = new Root(id, author, new ArrayList<>(List.of(id)));
        return new Generated(id, json(id, "weibo", "microblog", null, ChineseText.burstRoot(rnd, bursts++), eventMillis,
                author(author, 250_000, true), null, null, null), true);
    }

    /** A repost inside the burst (by a fresh author); {@link #burstRoot} first. */
    public Generated burstRepost(long eventMillis) {
        if (burst == null) throw new IllegalStateException("no burst started");
        return repost(burst, eventMillis, ChineseText.burstComment(rnd), true);
    }

    private Generated original(long eventMillis) {
        String id = id("p");
        String authorId = "u" + rnd.nextInt(200_000);
        int kind = rnd.nextInt(10);
        String text = ChineseText.original(rnd);
        Generated g;
        if (kind == 0) {
            String title = text.substring(0, Math.min(24, text.indexOf('，') > 0 ? text.indexOf('，') : text.length()));
            g = new Generated(id, json(id, "news-site", "news", title, text + text, eventMillis, author(authorId, 0, false),
                    null, null, "https://news.example.cn/a/" + id), false);
        } else if (kind == 1) {
            g = new Generated(id, json(id, "tieba", "forum", null, text, eventMillis, author(authorId, followers(), false),
                    null, null, "https://bbs.example.cn/t/" + id), false);
        } else {
            g = new Generated(id, json(id, "weibo", "microblog", null, text, eventMillis, author(authorId, followers(), false), null, null, null), false);
        }
        recent.add(new Root(id, authorId, new ArrayList<>(List.of(id))));
        if (recent.size() > RECENT_ROOTS) recent.remove(0);
        return g;
    }

    private Generated repost(Root root, long eventMillis, String text, boolean isBurst) {
        String id = id(isBurst ? "burst" : "p");
        String parent = root.members.size() > 1 && rnd.nextInt(4) == 0 ? ChineseText.pick(root.members, rnd) : root.id;
        if (root.members.size() < 1000) root.members.add(id);
        String authorId = isBurst ? "u" + runId + "-b" + seq : "u" + rnd.nextInt(200_000);
        return new Generated(id, json(id, "weibo", "microblog", null, text, eventMillis, author(authorId, followers(), false),
                root.id, parent, null), isBurst);
    }

    private String id(String kind) {
        return "bench:" + runId + ":" + kind + (seq++);
    }

    private long followers() {
        return (long) Math.min(20_000_000, 20 * Math.pow(1 - rnd.nextDouble(), -1 / 1.1));
    }

    private Author author(String id, long followers, boolean verified) {
        return new Author(id, followers, verified, ChineseText.location(rnd));
    }

    private record Author(String id, long followers, boolean verified, String location) {}

    /** The input-contract JSON, written field by field (a map and the object mapper cost a fifth of the generator). */
    private static String json(String id, String source, String channel, String title, String text, long eventMillis,
                               Author author, String repostOf, String parentId, String url) {
        StringWriter out = new StringWriter(256 + 3 * text.length());
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.writeStartObject();
            g.writeStringField("id", id);
            g.writeStringField("source", source);
            g.writeStringField("channel", channel);
            if (title != null) g.writeStringField("title", title);
            g.writeStringField("text", text);
            g.writeStringField("publishedAt", Instant.ofEpochMilli(eventMillis).atOffset(CHINA).toString());
            g.writeObjectFieldStart("author");
            g.writeStringField("id", author.id);
            g.writeStringField("name", "用户" + author.id.substring(1));
            if (author.followers > 0) g.writeNumberField("followers", author.followers);
            if (author.verified) g.writeBooleanField("verified", true);
            g.writeStringField("location", author.location);
            g.writeEndObject();
            if (repostOf != null) {
                g.writeStringField("repostOf", repostOf);
                g.writeStringField("parentId", parentId);
            }
            if (url != null) g.writeStringField("url", url);
            g.writeStringField("lang", "zh");
            g.writeEndObject();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
