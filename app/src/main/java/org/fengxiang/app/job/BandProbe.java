package org.fengxiang.app.job;

import java.io.Serializable;
import org.fengxiang.analytics.dedup.SimHash;
import org.fengxiang.core.Post;

/**
 * One band of a post's SimHash on its way to near-duplicate lookup, and back as a vote. Only the
 * band-0 probe carries the post itself; the others carry just its identity.
 */
public class BandProbe implements Serializable {
    /** Number of 16-bit bands in a 64-bit SimHash: Hamming distance ≤ 3 guarantees one equal band. */
    public static final int BANDS = SimHash.BANDS;

    public Post post;
    public String postId;
    public long eventTime;
    public long simhash;
    public int band;
    /** After lookup: the first post (root) of the closest earlier near-duplicate, or null. */
    public String root;
    public long rootTime;

    public BandProbe() {}

    BandProbe(Post post, int band) {
        this.post = band == 0 ? post : null;
        this.postId = post.id;
        this.eventTime = post.eventTime;
        this.simhash = post.simhash;
        this.band = band;
    }

    /** The bucket key: band number and the band's 16 bits. */
    String bucket() {
        return Integer.toString(SimHash.bandKeys(simhash)[band]);
    }
}
