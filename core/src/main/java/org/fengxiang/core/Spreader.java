package org.fengxiang.core;

import java.io.Serializable;
import java.util.Objects;

/** A post that spread an incident: its repost sub-cascade size is its reach. */
public class Spreader implements Serializable {
    public String postId;
    public String authorId;
    public long reach;

    public Spreader() {}

    public Spreader(String postId, String authorId, long reach) {
        this.postId = postId;
        this.authorId = authorId;
        this.reach = reach;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Spreader s && reach == s.reach && Objects.equals(postId, s.postId)
                && Objects.equals(authorId, s.authorId);
    }

    @Override
    public int hashCode() {
        return Objects.hash(postId, authorId, reach);
    }
}
