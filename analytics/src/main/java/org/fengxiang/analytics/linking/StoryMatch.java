package org.fengxiang.analytics.linking;

import java.io.Serializable;

/**
 * A candidate link from a story to an earlier one: how many signature terms they share and the
 * overlap coefficient (shared / size of the smaller signature). A Flink POJO; {@link #NONE} when a
 * bucket has no candidate.
 */
public class StoryMatch implements Serializable {
    public String candidateId;
    public long candidateTime;
    public int shared;
    public double overlap;

    public StoryMatch() {}

    StoryMatch(Story candidate, int shared, double overlap) {
        this.candidateId = candidate.id;
        this.candidateTime = candidate.eventTime;
        this.shared = shared;
        this.overlap = overlap;
    }

    /** The match of {@code probe} with {@code candidate}, or null when it is under the thresholds. */
    static StoryMatch score(Story probe, Story candidate, LinkSettings s) {
        int smaller = Math.min(probe.terms.size(), candidate.terms.size());
        if (smaller < s.minShared) return null;
        int shared = sharedSorted(probe.fingerprints(), candidate.fingerprints());
        if (shared < s.minShared) return null;
        double overlap = shared / (double) smaller;
        return overlap >= s.minOverlap ? new StoryMatch(candidate, shared, overlap) : null;
    }

    /** True when this match is better than {@code other}: higher overlap, more shared terms, earlier, smaller id. */
    public boolean betterThan(StoryMatch other) {
        if (other == null) return true;
        if (overlap != other.overlap) return overlap > other.overlap;
        if (shared != other.shared) return shared > other.shared;
        if (candidateTime != other.candidateTime) return candidateTime < other.candidateTime;
        return candidateId.compareTo(other.candidateId) < 0;
    }

    /** Size of the intersection of two sorted arrays of distinct values. */
    static int sharedSorted(long[] a, long[] b) {
        int i = 0;
        int j = 0;
        int n = 0;
        while (i < a.length && j < b.length) {
            if (a[i] == b[j]) {
                n++;
                i++;
                j++;
            } else if (a[i] < b[j]) {
                i++;
            } else {
                j++;
            }
        }
        return n;
    }

    @Override
    public String toString() {
        return "StoryMatch{" + candidateId + " shared=" + shared + " overlap=" + overlap + "}";
    }
}
