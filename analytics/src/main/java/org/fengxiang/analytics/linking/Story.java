package org.fengxiang.analytics.linking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * An independent post (not a repost or comment) as seen by text linking: id, event time and its
 * signature terms as sorted 64-bit hashes ({@link #prints}). A Flink POJO. Only the hashes travel and
 * are kept in bucket state (a dozen longs instead of a dozen strings: a story is held once per band);
 * the terms themselves stay where the story was made, to compute its band keys.
 */
public class Story implements Serializable {
    public String id;
    public long eventTime;
    /** The signature terms as sorted 64-bit hashes: intersections compare numbers, not strings. */
    public long[] prints = new long[0];
    /** The sorted distinct terms, only where the story was made (neither serialised nor kept in state). */
    @JsonIgnore
    public transient List<String> terms = List.of();

    public Story() {}

    public Story(String id, long eventTime, List<String> terms) {
        this.id = id;
        this.eventTime = eventTime;
        this.terms = List.copyOf(terms);
        this.prints = printsOf(terms);
    }

    /** True when this story comes before {@code other} in event time (then id). */
    public boolean before(Story other) {
        return eventTime < other.eventTime || eventTime == other.eventTime && id.compareTo(other.id) < 0;
    }

    /** The sorted term hashes (never null). */
    long[] fingerprints() {
        return prints == null ? new long[0] : prints;
    }

    /** Sorted 64-bit hashes of terms. */
    static long[] printsOf(List<String> terms) {
        long[] f = new long[terms.size()];
        for (int i = 0; i < f.length; i++) f[i] = StorySignature.mix(StorySignature.hash(terms.get(i)));
        Arrays.sort(f);
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
        return "Story{" + id + " @" + eventTime + " " + (terms.isEmpty() ? prints.length + " terms" : terms) + "}";
    }
}
