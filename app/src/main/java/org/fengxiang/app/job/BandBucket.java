package org.fengxiang.app.job;

import java.io.IOException;
import java.util.Arrays;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.types.StringValue;
import org.fengxiang.analytics.dedup.SimHash;

/**
 * The posts seen in one SimHash band bucket within a time-to-live, capped in size, each with the root
 * (first post in event time) of its near-duplicate chain and that root's event time. Matching is the
 * earliest (event time, id) remembered post within the Hamming distance, as in
 * {@link org.fengxiang.analytics.dedup.NearDuplicateIndex#bestMatch}; probes must be applied in
 * (event time, id) order.
 *
 * <p>Kept packed in parallel arrays, oldest first from {@code head}: a bucket entry is five slots, not an
 * entry object and two map nodes, and forgetting the oldest entry is O(1). A post's root and root time are
 * kept with the post (they never change once set), so no map from post to root is needed.
 */
public final class BandBucket {
    private String[] ids;
    /** Root of the post's chain; null when the post is its own root. */
    private String[] roots;
    private long[] hashes;
    private long[] times;
    /** Event time of the root; equals {@code times} for an own root. */
    private long[] rootTimes;
    private int head;
    private int end;

    public BandBucket() {
        this(4);
    }

    private BandBucket(int capacity) {
        ids = new String[capacity];
        roots = new String[capacity];
        hashes = new long[capacity];
        times = new long[capacity];
        rootTimes = new long[capacity];
    }

    /** Number of remembered posts. */
    int size() {
        return end - head;
    }

    /**
     * Looks the probe up (setting its root to the root of the earliest near-duplicate seen before it,
     * if any) and remembers it.
     */
    void apply(BandProbe p, int maxHamming, long ttlMillis, int cap) {
        while (head < end && (times[head] <= p.eventTime - ttlMillis || end - head >= cap)) {
            ids[head] = null;
            roots[head] = null;
            head++;
        }
        int best = bestMatch(p, maxHamming, ttlMillis);
        if (best >= 0) {
            p.root = roots[best] == null ? ids[best] : roots[best];
            p.rootTime = rootTimes[best];
        }
        add(p.postId, p.simhash, p.eventTime, best >= 0 ? p.root : null, best >= 0 ? p.rootTime : p.eventTime);
    }

    private int bestMatch(BandProbe p, int maxHamming, long ttlMillis) {
        int best = -1;
        for (int i = head; i < end; i++) {
            long t = times[i];
            if (t > p.eventTime || p.eventTime - t >= ttlMillis || ids[i].equals(p.postId)) continue;
            if (SimHash.distance(hashes[i], p.simhash) > maxHamming) continue;
            if (best < 0 || t < times[best] || t == times[best] && ids[i].compareTo(ids[best]) < 0) best = i;
        }
        return best;
    }

    private void add(String id, long hash, long time, String root, long rootTime) {
        if (end == ids.length) makeRoom();
        ids[end] = id;
        roots[end] = root;
        hashes[end] = hash;
        times[end] = time;
        rootTimes[end] = rootTime;
        end++;
    }

    /** Moves the live entries to the front, growing the arrays when more than half full. */
    private void makeRoom() {
        int n = end - head;
        int capacity = n * 2 > ids.length ? ids.length + (ids.length >> 1) + 1 : ids.length;
        ids = shift(ids, capacity, n);
        roots = shift(roots, capacity, n);
        hashes = shift(hashes, capacity, n);
        times = shift(times, capacity, n);
        rootTimes = shift(rootTimes, capacity, n);
        head = 0;
        end = n;
    }

    private String[] shift(String[] a, int capacity, int n) {
        String[] b = new String[capacity];
        System.arraycopy(a, head, b, 0, n);
        return b;
    }

    private long[] shift(long[] a, int capacity, int n) {
        long[] b = new long[capacity];
        System.arraycopy(a, head, b, 0, n);
        return b;
    }

    /** Binary state encoding: count, then per post id, hash, time and root (empty: own root). */
    public static final class Codec implements StateCodec<BandBucket> {
        @Override public Class<BandBucket> type() { return BandBucket.class; }

        @Override
        public void write(BandBucket b, DataOutputView out) throws IOException {
            out.writeInt(b.size());
            for (int i = b.head; i < b.end; i++) {
                StringValue.writeString(b.ids[i], out);
                out.writeLong(b.hashes[i]);
                out.writeLong(b.times[i]);
                StringValue.writeString(b.roots[i] == null ? "" : b.roots[i], out);
                if (b.roots[i] != null) out.writeLong(b.rootTimes[i]);
            }
        }

        @Override
        public BandBucket read(DataInputView in) throws IOException {
            int n = in.readInt();
            BandBucket b = new BandBucket(Math.max(4, n + (n >> 1)));
            for (int i = 0; i < n; i++) {
                String id = StringValue.readString(in);
                long hash = in.readLong();
                long time = in.readLong();
                String root = StringValue.readString(in);
                boolean own = root.isEmpty();
                b.add(id, hash, time, own ? null : root, own ? time : in.readLong());
            }
            return b;
        }

        @Override
        public BandBucket copy(BandBucket b) {
            BandBucket c = new BandBucket(0);
            c.ids = Arrays.copyOf(b.ids, b.ids.length);
            c.roots = Arrays.copyOf(b.roots, b.roots.length);
            c.hashes = b.hashes.clone();
            c.times = b.times.clone();
            c.rootTimes = b.rootTimes.clone();
            c.head = b.head;
            c.end = b.end;
            return c;
        }
    }
}
