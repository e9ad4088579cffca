package org.fengxiang.analytics.linking;

import java.util.ArrayList;

/**
 * The recent stories of one MinHash band bucket (state of one key), in event-time order, bounded by
 * the link window and a size cap. Jackson-serialisable (public fields).
 */
public class StoryBucket {
    public ArrayList<Story> stories = new ArrayList<>();

    public StoryBucket() {}

    /**
     * The best earlier story within the window that {@code probe} links to (null when none), then
     * remembers the probe. Call in event-time order for deterministic results.
     */
    public StoryMatch probe(Story probe, LinkSettings s) {
        evictBefore(probe.eventTime - s.windowMillis());
        StoryMatch best = null;
        for (Story c : stories) {
            if (!c.before(probe)) break;
            StoryMatch m = StoryMatch.score(probe, c, s, best);
            if (m != null && m.betterThan(best)) {
                best = m;
                // all the probe's terms shared: no later candidate can beat it (it would only tie, and ties go to the earlier)
                if (m.shared == probe.terms.size()) break;
            }
        }
        insert(probe, s.bucketCap);
        return best;
    }

    /** Drops stories older than {@code horizon}. */
    public void evictBefore(long horizon) {
        int n = 0;
        while (n < stories.size() && stories.get(n).eventTime < horizon) n++;
        if (n > 0) stories.subList(0, n).clear();
    }

    /** The event time of the newest story, or Long.MIN_VALUE when empty. */
    public long newest() {
        return stories.isEmpty() ? Long.MIN_VALUE : stories.get(stories.size() - 1).eventTime;
    }

    public boolean isEmpty() {
        return stories.isEmpty();
    }

    private void insert(Story story, int cap) {
        int at = stories.size();
        while (at > 0 && story.before(stories.get(at - 1))) at--;
        stories.add(at, story);
        if (stories.size() > cap) stories.remove(0);
    }
}
