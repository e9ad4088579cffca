package org.fengxiang.analytics.linking;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * Resolves links to incident roots: a story linked to an earlier story joins that story's incident,
 * whose root is the earliest story of the chain. Links always point back in event time and each story
 * links at most once, so a story's root never changes once resolved. Holds only linked stories, for
 * the link window. Jackson-serialisable (public fields); {@link #writeTo} and {@link #readFrom} are its
 * binary state encoding, and {@link #copy} is cheap (entries are immutable once added), which matters
 * because the job keeps the whole forest under one key and copies it once per checkpoint.
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

    /** A copy sharing nothing mutable with this forest. */
    public TopicForest copy() {
        TopicForest c = new TopicForest();
        c.rootOf = new HashMap<>(rootOf);
        c.order = new ArrayDeque<>(order);
        return c;
    }

    /** Writes the links, oldest first: count, then per link story id, event time and root id. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(order.size());
        for (Entry e : order) {
            out.writeUTF(e.storyId);
            out.writeLong(e.eventTime);
            out.writeUTF(rootOf.get(e.storyId));
        }
    }

    /** Reads a forest written by {@link #writeTo}. */
    public static TopicForest readFrom(DataInput in) throws IOException {
        TopicForest f = new TopicForest();
        int n = in.readInt();
        f.rootOf = new HashMap<>(Math.max(16, n * 4 / 3 + 1));
        for (int i = 0; i < n; i++) {
            Entry e = new Entry(in.readUTF(), in.readLong());
            f.rootOf.put(e.storyId, in.readUTF());
            f.order.addLast(e);
        }
        return f;
    }
}
