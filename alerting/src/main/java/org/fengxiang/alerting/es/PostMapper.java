package org.fengxiang.alerting.es;

import org.fengxiang.core.Json;
import org.fengxiang.core.Post;

/**
 * Posts into the monthly index of their {@code publishedAt}, {@code _id} = post id. Versioned: the early
 * (provisional) copy has version 1, the final post version 2, so an early copy arriving late never
 * overwrites the final one. Fields without a value are left out of the document (Elasticsearch indexes a null
 * as nothing; it only costs parsing and stored bytes).
 */
public final class PostMapper implements DocumentMapper<Post> {
    private final EsIndices names;

    public PostMapper(EsIndices names) {
        this.names = names;
    }

    @Override
    public String index(Post p) {
        if (p.eventTime > 0) return names.postsIndex(p.eventTime);
        try {
            return names.postsIndex(org.fengxiang.core.IsoTimes.epochMillis(p.publishedAt));
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("post " + p.id + " has neither eventTime nor a valid publishedAt");
        }
    }

    @Override
    public String id(Post p) {
        return p.id;
    }

    @Override
    public long version(Post p) {
        return Boolean.TRUE.equals(p.provisional) ? 1 : 2;
    }

    /** The post's JSON with two derived fields appended, {@code interactions} and {@code isRepost} (no tree built). */
    @Override
    public String source(Post p) {
        String json = Json.writeWithoutNulls(p);
        StringBuilder b = new StringBuilder(json.length() + 48).append(json, 0, json.length() - 1);
        if (json.length() > 2) b.append(',');
        return b.append("\"interactions\":").append(p.metrics == null ? 0L : p.metrics.interactions())
                .append(",\"isRepost\":").append(p.isRepost()).append('}').toString();
    }
}
