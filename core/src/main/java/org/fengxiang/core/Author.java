package org.fengxiang.core;

import java.io.Serializable;
import java.util.Objects;

/** The author of a post as the source reports it. */
public class Author implements Serializable {
    public String id;
    public String name;
    public Long followers;
    public Boolean verified;
    public String location;

    public Author() {}

    public Author(String id, String name, Long followers, Boolean verified, String location) {
        this.id = id;
        this.name = name;
        this.followers = followers;
        this.verified = verified;
        this.location = location;
    }

    /** Followers, or 0 when unknown. */
    public long followersOrZero() {
        return followers == null ? 0L : followers;
    }

    @Override
    public boolean equals(Object o) {
        if (!(o instanceof Author a)) return false;
        return Objects.equals(id, a.id) && Objects.equals(name, a.name) && Objects.equals(followers, a.followers)
                && Objects.equals(verified, a.verified) && Objects.equals(location, a.location);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, name, followers, verified, location);
    }
}
