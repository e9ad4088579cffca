package org.fengxiang.analytics.linking;

import java.util.ArrayList;

/**
 * The recent stories of one MinHash band bucket (state of one key), in event-time order, bounded by
 * the link window and a size cap. Jackson-serialisable (public fields).
 *
 * <p>For the scan, the stories are also kept packed in one array (not serialised; rebuilt on first use):
 * per story its event time, term mask, term count and sorted term fingerprints. A probe reads one
 * contiguous block instead of chasing three objects per candidate (the scan was memory-bound).
 */
public class StoryBucket {
    public ArrayList<Story> stories = new ArrayList<>();
    /** Per story: [eventTime, mask, count, fingerprints (width slots)]; the first {@code packedCount} stories. */
    private transient long[] packed;
    private transient int width;
    private transient int packedCount = -1;

    public StoryBucket() {}

    /**
     * The best earlier story within the window that {@code probe} links to (null when none), then
     * remembers the probe. Call in event-time order for deterministic results.
     */
    public StoryMatch probe(Story probe, LinkSettings s) {
        evictBefore(probe.eventTime - s.windowMillis());
        long[] pf = probe.fingerprints();
        pack(pf.length);
        int stride = 3 + width;
        StoryMatch best = null;
        for (int k = 0, o = 0; k < packedCount; k++, o += stride) {
            long t = packed[o];
            if (t > probe.eventTime || t == probe.eventTime && !stories.get(k).before(probe)) break;
            int count = (int) packed[o + 2];
            int smaller = Math.min(pf.length, count);
            if (smaller < s.minShared) continue;
            // shared <= bound: most candidates are ruled out (or cannot beat the best) before the exact intersection
            int bound = StoryMatch.sharedBound(pf, packed[o + 1]);
            double boundOverlap = bound / (double) smaller;
            if (bound < s.minShared || boundOverlap < s.minOverlap || best != null && boundOverlap < best.overlap) continue;
            int shared = StoryMatch.sharedSorted(pf, packed, o + 3, count);
            double overlap = shared / (double) smaller;
            if (shared < s.minShared || overlap < s.minOverlap) continue;
            StoryMatch m = new StoryMatch(stories.get(k), shared, overlap);
            if (m.betterThan(best)) {
                best = m;
                // all the probe's terms shared: no later candidate can beat it (it would only tie, and ties go to the earlier)
                if (m.shared == pf.length) break;
            }
        }
        insert(probe, pf, s.bucketCap);
        return best;
    }

    /** Drops stories older than {@code horizon}. */
    public void evictBefore(long horizon) {
        int n = 0;
        while (n < stories.size() && stories.get(n).eventTime < horizon) n++;
        if (n > 0) removeFirst(n);
    }

    /** The event time of the newest story, or Long.MIN_VALUE when empty. */
    public long newest() {
        return stories.isEmpty() ? Long.MIN_VALUE : stories.get(stories.size() - 1).eventTime;
    }

    public boolean isEmpty() {
        return stories.isEmpty();
    }

    /** Builds the packed copy when missing, stale, or narrower than {@code minWidth} fingerprints. */
    private void pack(int minWidth) {
        if (packed != null && packedCount == stories.size() && width >= minWidth) return;
        long[][] prints = new long[stories.size()][];
        int w = minWidth;
        for (int k = 0; k < prints.length; k++) {
            prints[k] = stories.get(k).fingerprints();
            w = Math.max(w, prints[k].length);
        }
        width = w;
        packed = new long[Math.max(4, prints.length + 1) * (3 + w)];
        for (int k = 0; k < prints.length; k++) write(k, stories.get(k).eventTime, prints[k]);
        packedCount = prints.length;
    }

    private void write(int k, long eventTime, long[] prints) {
        int o = k * (3 + width);
        packed[o] = eventTime;
        packed[o + 1] = Story.mask(prints);
        packed[o + 2] = prints.length;
        System.arraycopy(prints, 0, packed, o + 3, prints.length);
    }

    private void insert(Story story, long[] prints, int cap) {
        int at = stories.size();
        while (at > 0 && story.before(stories.get(at - 1))) at--;
        stories.add(at, story);
        int stride = 3 + width;
        if (packed.length < stories.size() * stride) packed = java.util.Arrays.copyOf(packed, Math.max(packed.length * 2, stories.size() * stride));
        System.arraycopy(packed, at * stride, packed, (at + 1) * stride, (packedCount - at) * stride);
        write(at, story.eventTime, prints);
        packedCount++;
        if (stories.size() > cap) removeFirst(stories.size() - cap);
    }

    private void removeFirst(int n) {
        boolean inSync = packed != null && packedCount == stories.size();
        stories.subList(0, n).clear();
        if (!inSync) {
            packedCount = -1;
            return;
        }
        int stride = 3 + width;
        System.arraycopy(packed, n * stride, packed, 0, (packedCount - n) * stride);
        packedCount -= n;
    }
}
