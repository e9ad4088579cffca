package org.fengxiang.analytics.linking;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * Resolves links to incident roots: a story linked to an earlier story joins that story's incident,
 * whose root is the earliest story of the chain. Links always point back in event time and each story
 * links at most once, so a story's root never changes once resolved. Holds only linked stories, for
 * the link window. Jackson-serialisable (public fields).
 */
public class TopicForest {
    /** Linked story id to its incident root id. */
    public HashMap<String, String> rootOf = new HashMap<>();
    /** Linked story ids with their event times, oldest first (for eviction). */
    public ArrayDeque<Entry> order = new ArrayDeque<>();

    /** A linked story and its event time. */
    public static class Entry {
        public String storyId;
        public long eventTime;

        public Entry() {}

        Entry(String storyId, long eventTime) {
            this.storyId = storyId;
            this.eventTime = eventTime;
        }
    }

    public TopicForest() {}

    /**
     * Records that {@code storyId} (at {@code eventTime}) links to {@code candidateId}; returns the
     * incident root the story joins. Call in event-time order.
     */
    public String link(String storyId, long eventTime, String candidateId, long windowMillis) {
        evictBefore(eventTime - windowMillis);
        String root = rootOf.getOrDefault(candidateId, candidateId);
        if (rootOf.putIfAbsent(storyId, root) == null) order.addLast(new Entry(storyId, eventTime));
        return rootOf.get(storyId);
    }

    /** Forgets links older than {@code horizon} (they can no longer be linked to). */
    public void evictBefore(long horizon) {
        while (!order.isEmpty() && order.peekFirst().eventTime < horizon) rootOf.remove(order.pollFirst().storyId);
    }

    public int size() {
        return rootOf.size();
    }
}
