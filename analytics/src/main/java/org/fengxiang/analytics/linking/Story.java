package org.fengxiang.analytics.linking;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent post (not a repost or comment) as seen by text linking: id, event time and its
 * signature terms, sorted and distinct. A Flink POJO.
 */
public class Story implements Serializable {
    public String id;
    public long eventTime;
    public List<String> terms = new ArrayList<>();
    /** The terms as sorted 64-bit hashes, computed on first use (not serialised). */
    private transient long[] fingerprints;
    /** One bit per term fingerprint (its low 6 bits), computed with the fingerprints (not serialised). */
    private transient long mask;

    public Story() {}

    public Story(String id, long eventTime, List<String> terms) {
        this.id = id;
        this.eventTime = eventTime;
        this.terms = new ArrayList<>(terms);
    }

    /** True when this story comes before {@code other} in event time (then id). */
    public boolean before(Story other) {
        return eventTime < other.eventTime || eventTime == other.eventTime && id.compareTo(other.id) < 0;
    }

    /** The signature terms as sorted 64-bit hashes: intersections compare numbers, not strings. */
    long[] fingerprints() {
        long[] f = fingerprints;
        if (f == null || f.length != terms.size()) {
            f = new long[terms.size()];
            for (int i = 0; i < f.length; i++) f[i] = StorySignature.mix(StorySignature.hash(terms.get(i)));
            java.util.Arrays.sort(f);
            long m = 0;
            for (long x : f) m |= 1L << x;
            mask = m;
            fingerprints = f;
        }
        return f;
    }

    /** The fingerprints' bit mask: a term of another story whose bit is not set here is not a term of this one. */
    long mask() {
        fingerprints();
        return mask;
    }

    @Override
    public String toString() {
        return "Story{" + id + " @" + eventTime + " " + terms + "}";
    }
}
