package org.fengxiang.core;

import java.io.Serializable;
import java.util.Objects;

/** Interaction counters of a post at fetch time. */
public class Metrics implements Serializable {
    public Long reposts;
    public Long comments;
    public Long likes;
    public Long views;

    public Metrics() {}

    public Metrics(Long reposts, Long comments, Long likes, Long views) {
        this.reposts = reposts;
        this.comments = comments;
        this.likes = likes;
        this.views = views;
    }

    /** Reposts + comments + likes, unknown counted as 0. */
    public long interactions() {
        return nz(reposts) + nz(comments) + nz(likes);
    }

    private static long nz(Long v) {
        return v == null ? 0L : v;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Metrics m)) return false;
        return Objects.equals(reposts, m.reposts) && Objects.equals(comments, m.comments)
                && Objects.equals(likes, m.likes) && Objects.equals(views, m.views);
    }

    @Override
    public int hashCode() {
        return Objects.hash(reposts, comments, likes, views);
    }
}
