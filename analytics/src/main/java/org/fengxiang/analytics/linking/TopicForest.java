package org.fengxiang.analytics.linking;

import java.util.ArrayDeque;
import java.util.HashMap;

/**
 * Resolves links to incident roots: a story linked to an earlier story joins that story's incident,
 * whose root is the earliest story of the chain. Links always point back in event time and each story
 * links at most once, so a story's root never changes once resolved. Holds only linked stories, for
 * the link window, in a {@link Store}: {@link InMemory} here, keyed map state in the streaming job (so a
 * long surge's links live on disk under RocksDB, one entry per link, not as one value on the heap).
 */
public final class TopicForest {
    /** The incident root a linked story resolved to, and the story's event time. */
    public record Link(String root, long eventTime) {}

    /** A linked story in the eviction queue (links in the order they were made). */
    public record Entry(String storyId, long eventTime) {}

    /** Where the links and their eviction queue live. */
    public interface Store {
        /** The link of {@code storyId}, or null. */
        Link link(String storyId);

        void putLink(String storyId, Link link);

        void removeLink(String storyId);

        /** Appends to the eviction queue. */
        void append(Entry entry);

        /** The oldest queue entry, or null if the queue is empty. */
        Entry oldest();

        void removeOldest();

        /** Entries in the queue (one per held link). */
        long queued();
    }

    private final Store store;

    /** A forest kept in memory. */
    public TopicForest() {
        this(new InMemory());
    }

    /** A forest kept in {@code store}. */
    public TopicForest(Store store) {
        if (store == null) throw new IllegalArgumentException("store is required");
        this.store = store;
    }

    /**
     * Records that {@code storyId} (at {@code eventTime}) links to {@code candidateId}; returns the
     * incident root the story joins. Call in event-time order.
     */
    public String link(String storyId, long eventTime, String candidateId, long windowMillis) {
        evictBefore(eventTime - windowMillis);
        Link known = store.link(storyId);
        if (known != null) return known.root();
        Link candidate = store.link(candidateId);
        String root = candidate == null ? candidateId : candidate.root();
        store.putLink(storyId, new Link(root, eventTime));
        store.append(new Entry(storyId, eventTime));
        return root;
    }

    /** Forgets links older than {@code horizon} (they can no longer be linked to). */
    public void evictBefore(long horizon) {
        for (Entry e = store.oldest(); e != null && e.eventTime() < horizon; e = store.oldest()) {
            store.removeLink(e.storyId());
            store.removeOldest();
        }
    }

    /** Links held. */
    public long size() {
        return store.queued();
    }

    /** A store on the heap: a hash map and a queue. */
    public static final class InMemory implements Store {
        final HashMap<String, Link> links = new HashMap<>();
        private final ArrayDeque<Entry> queue = new ArrayDeque<>();

        @Override public Link link(String storyId) { return links.get(storyId); }
        @Override public void putLink(String storyId, Link link) { links.put(storyId, link); }
        @Override public void removeLink(String storyId) { links.remove(storyId); }
        @Override public void append(Entry entry) { queue.addLast(entry); }
        @Override public Entry oldest() { return queue.peekFirst(); }
        @Override public void removeOldest() { queue.pollFirst(); }
        @Override public long queued() { return queue.size(); }
    }
}
