package org.fengxiang.core;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * A post: the input contract fields (see {@code config/schema/post.schema.json}) plus the fields the
 * analytics stage adds. A Flink POJO: public fields and a no-argument constructor.
 */
@JsonPropertyOrder({"id", "source", "channel", "url", "author", "title", "text", "publishedAt", "eventTime",
        "fetchedAt", "metrics", "repostOf", "parentId", "lang", "incidentId", "sentiment", "keywords", "dupOf"})
public class Post implements Serializable {
    // --- input contract
    public String id;
    public String source;
    public String channel;
    public String url;
    public Author author;
    public String title;
    public String text;
    /** ISO-8601 with offset, as received. */
    public String publishedAt;
    /** {@link #publishedAt} as epoch milliseconds: the event time. */
    public long eventTime;
    public String fetchedAt;
    public Metrics metrics;
    /** Id of the root post this one reposts or comments on. */
    public String repostOf;
    /** Id of the direct parent in the repost/reply tree. */
    public String parentId;
    public String lang;

    // --- added by analytics
    public String incidentId;
    /**
     * True on the early copy of a post, indexed as soon as it is enriched, before de-duplication and
     * incident assignment (which wait for the watermark); the final version replaces it where it differs.
     * Null otherwise. Processing metadata for the sinks (the early copy is stored with a lower version), never
     * part of the post's JSON: the early copy is the document the final post has when nothing changes it.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public Boolean provisional;
    /**
     * On a post going through the job: the fingerprint of its early copy's fields that can still change
     * ({@code dupOf}, {@code incidentId}, {@code incidentRootId}), 0 when it got none. Processing metadata, never
     * part of the post's JSON.
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public long earlyCopy;
    /** The root post of the incident: the cascade root, or an earlier story the root was linked to by text. */
    public String incidentRootId;
    /**
     * When the pipeline received the post (the Kafka record's timestamp, epoch ms; 0 when unknown). Processing
     * metadata for load decisions of the sinks, never part of the post's JSON (nor of any detection decision).
     */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public long ingestedAt;
    public Sentiment sentiment;
    public List<String> keywords = new ArrayList<>();
    public String dupOf;
    public List<String> hashtags = new ArrayList<>();
    public List<String> mentions = new ArrayList<>();
    public List<String> urls = new ArrayList<>();
    public List<String> emoticons = new ArrayList<>();
    public List<String> places = new ArrayList<>();
    public List<String> organizations = new ArrayList<>();
    public String region;
    /** 64-bit SimHash of the normalised text (0 when not computed). */
    public long simhash;
    /** Hash of the normalised text, for exact-duplicate detection. */
    public String textHash;

    public Post() {}

    /** The id of the cascade root this post belongs to: {@link #repostOf} or else its own id. */
    public String rootId() {
        return repostOf != null && !repostOf.isEmpty() ? repostOf : id;
    }

    /** The root of the post's incident: {@link #incidentRootId} once assigned, else its cascade root. */
    public String incidentRoot() {
        return incidentRootId != null && !incidentRootId.isEmpty() ? incidentRootId : rootId();
    }

    /** True when the post reposts or comments on another post. */
    @com.fasterxml.jackson.annotation.JsonIgnore
    public boolean isRepost() {
        return repostOf != null && !repostOf.isEmpty() && !repostOf.equals(id);
    }

    /** Author id or the empty string. */
    public String authorId() {
        return author == null || author.id == null ? "" : author.id;
    }

    /** A shallow copy whose lists are new lists. */
    public Post copy() {
        Post p = Json.copy(this, Post.class);
        return p;
    }

    @Override
    public String toString() {
        return "Post{" + id + " @" + publishedAt + "}";
    }
}
