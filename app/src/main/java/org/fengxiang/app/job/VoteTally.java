package org.fengxiang.app.job;

import java.io.Serializable;
import org.fengxiang.core.Post;

/**
 * The band votes received for one post id and not yet released. A post id can arrive more than once (an
 * at-least-once publisher restarted after a crash publishes again): each copy brings one vote per band and one
 * band-0 probe carrying the post, so votes are counted per band and a copy is released per complete set.
 */
public class VoteTally implements Serializable {
    /** The post of the latest band-0 probe received. */
    public Post post;
    /** Band-0 probes (copies of the post) received and not yet released. */
    public int copies;
    /** Votes received per band and not yet used. */
    public int[] votes = new int[BandProbe.BANDS];
    /** The earliest near-duplicate root any band found, or null. */
    public String root;
    public long rootTime;

    public VoteTally() {}

    /** Counts a vote; true when a complete set (every band and a post) can be released. */
    boolean add(BandProbe vote) {
        votes[vote.band]++;
        if (vote.post != null) {
            post = vote.post;
            copies++;
        }
        if (vote.root != null && (root == null || vote.rootTime < rootTime || vote.rootTime == rootTime && vote.root.compareTo(root) < 0)) {
            root = vote.root;
            rootTime = vote.rootTime;
        }
        return complete();
    }

    /** Uses one complete set of votes and returns its post with {@code dupOf} set from the root. */
    Post release() {
        for (int b = 0; b < votes.length; b++) votes[b]--;
        copies--;
        Post p = post;
        if (p.dupOf == null && root != null && !root.equals(p.id)) p.dupOf = root;
        return p;
    }

    /** True when nothing is left to wait for. */
    boolean empty() {
        if (copies > 0) return false;
        for (int v : votes) if (v > 0) return false;
        return true;
    }

    private boolean complete() {
        if (copies < 1) return false;
        for (int v : votes) if (v < 1) return false;
        return true;
    }
}
