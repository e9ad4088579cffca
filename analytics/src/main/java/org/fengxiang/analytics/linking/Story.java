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

    /** The signature terms as sorted 64-bit hashes (computed on each call): intersections compare numbers, not strings. */
    long[] fingerprints() {
        long[] f = new long[terms.size()];
        for (int i = 0; i < f.length; i++) f[i] = StorySignature.mix(StorySignature.hash(terms.get(i)));
        java.util.Arrays.sort(f);
        return f;
    }

    /** One bit per fingerprint (its low 6 bits): a term whose bit is not set is not among these. */
    static long mask(long[] fingerprints) {
        long m = 0;
        for (long x : fingerprints) m |= 1L << x;
        return m;
    }

    @Override
    public String toString() {
        return "Story{" + id + " @" + eventTime + " " + terms + "}";
    }
}
