package org.fengxiang.analytics.incident;

import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Author;
import org.fengxiang.core.Post;

/** The compact part of an enriched post that incident state keeps (no text except an original's title). */
public class PostEvent {
    static final int MAX_KEYWORDS = 10;

    public String id;
    public long eventTime;
    public String parentId;
    /** The root of the post's own cascade (differs from the incident root when linked by text). */
    public String cascadeRoot;
    public boolean repost;
    public String authorId;
    public long followers;
    public boolean verified;
    public List<String> keywords = new ArrayList<>();
    /** negative | neutral | positive, or null when not scored. */
    public String sentiment;
    public long interactions;
    public String region;
    public boolean mobilisation;
    /** Abbreviated text of an original (non-repost) post, for the incident title; null for reposts. */
    public String title;

    public PostEvent() {}

    /** Extracts the compact event from an enriched post. */
    static PostEvent of(Post p, IncidentSettings s) {
        PostEvent e = new PostEvent();
        e.id = p.id;
        e.eventTime = p.eventTime;
        e.repost = p.isRepost();
        e.cascadeRoot = p.rootId();
        e.parentId = e.repost ? (p.parentId != null && !p.parentId.isEmpty() ? p.parentId : p.repostOf) : null;
        e.authorId = p.authorId();
        e.followers = p.author == null ? 0 : p.author.followersOrZero();
        e.verified = p.author != null && Boolean.TRUE.equals(p.author.verified);
        if (p.keywords != null) {
            for (String k : p.keywords) {
                if (k != null && !k.isBlank() && e.keywords.size() < MAX_KEYWORDS) e.keywords.add(k);
            }
        }
        e.sentiment = p.sentiment == null ? null : p.sentiment.label;
        e.interactions = p.metrics == null ? 0 : p.metrics.interactions();
        e.region = region(p);
        String text = p.text == null ? "" : p.text;
        e.mobilisation = containsAny(text, s.mobilisationTerms());
        if (!e.repost) {
            String t = p.title != null && !p.title.isBlank() ? p.title : text;
            e.title = t.length() <= s.titleChars ? t : t.substring(0, s.titleChars) + "…";
        }
        return e;
    }

    /**
     * The part of an enriched post that {@link #of} and the incident's root check read, as a new post: what to
     * hold for a post that is not applied yet. A repost keeps its text only when it carries a mobilisation cue
     * (its text is read for nothing else); an original keeps its text for the incident title.
     */
    public static Post essentials(Post p, IncidentSettings s) {
        Post e = new Post();
        e.id = p.id;
        e.eventTime = p.eventTime;
        e.ingestedAt = p.ingestedAt;
        e.repostOf = p.repostOf;
        e.parentId = p.parentId;
        e.incidentRootId = p.incidentRootId;
        if (p.author != null) {
            String location = p.region == null || p.region.isBlank() ? p.author.location : null; // read only without a region
            e.author = new Author(p.author.id, null, p.author.followers, p.author.verified, location);
        }
        e.keywords = p.keywords == null ? null : new ArrayList<>(p.keywords);
        e.sentiment = p.sentiment;
        e.metrics = p.metrics;
        e.region = p.region;
        e.title = p.title;
        e.text = !p.isRepost() || p.text != null && containsAny(p.text, s.mobilisationTerms()) ? p.text : null;
        return e;
    }

    /** Orders by event time, then id. */
    static int compare(PostEvent a, PostEvent b) {
        int c = Long.compare(a.eventTime, b.eventTime);
        return c != 0 ? c : a.id.compareTo(b.id);
    }

    private static String region(Post p) {
        if (p.region != null && !p.region.isBlank()) return p.region.strip();
        if (p.author == null || p.author.location == null) return null;
        String loc = p.author.location.strip();
        if (loc.isEmpty()) return null;
        int sp = loc.indexOf(' ');
        return sp > 0 ? loc.substring(0, sp) : loc;
    }

    static boolean containsAny(String text, List<String> terms) {
        if (text.isEmpty()) return false;
        for (String t : terms) {
            if (text.contains(t)) return true;
        }
        return false;
    }
}
