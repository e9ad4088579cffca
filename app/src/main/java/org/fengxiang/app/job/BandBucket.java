package org.fengxiang.app.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
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
 * <p>Kept packed, oldest first from {@code head}: per post its hash, time and root time in arrays, and its id
 * as UTF-8 in one shared byte array. Every post is held in four buckets (one per band) for the whole
 * de-duplication window, so this is the job's largest state: an entry and two map nodes per post and band
 * cost about 250 bytes, a packed entry about 50, and forgetting the oldest entry is O(1). A post's root and
 * root time are kept with the post (they never change once set), so no map from post to root is needed.
 */
public final class BandBucket {
    /** Start of each post's id in {@link #blob}; it ends where the next one starts (the last at {@link #blobEnd}). */
    private int[] starts;
    private byte[] blob;
    private int blobEnd;
    /** Root of the post's chain; null when the post is its own root. */
    private String[] roots;
    private long[] hashes;
    private long[] times;
    /** Event time of the root; equals {@code times} for an own root. */
    private long[] rootTimes;
    private int head;
    private int end;

    public BandBucket() {
        this(4, 64);
    }

    private BandBucket(int capacity, int blobCapacity) {
        starts = new int[capacity];
        blob = new byte[blobCapacity];
        roots = new String[capacity];
        hashes = new long[capacity];
        times = new long[capacity];
        rootTimes = new long[capacity];
    }

    /** Number of remembered posts. */
    int size() {
        return end - head;
    }

    /** Estimated heap bytes (the arrays, and a ~20-character root id per post), for bounding caches. */
    long approximateBytes() {
        return 128 + blob.length + starts.length * 4L + (roots.length + hashes.length + times.length + rootTimes.length) * 8L
                + size() * 64L;
    }

    /**
     * Looks the probe up (setting its root to the root of the earliest near-duplicate seen before it,
     * if any) and remembers it.
     */
    void apply(BandProbe p, int maxHamming, long ttlMillis, int cap) {
        while (head < end && (times[head] <= p.eventTime - ttlMillis || end - head >= cap)) {
            roots[head] = null;
            head++;
        }
        if (head == end) blobEnd = 0;
        byte[] id = p.postId.getBytes(StandardCharsets.UTF_8);
        int best = bestMatch(p, id, maxHamming, ttlMillis);
        if (best >= 0) {
            p.root = roots[best] == null ? id(best) : roots[best];
            p.rootTime = rootTimes[best];
        }
        add(id, p.simhash, p.eventTime, best >= 0 ? p.root : null, best >= 0 ? p.rootTime : p.eventTime);
    }

    private int bestMatch(BandProbe p, byte[] id, int maxHamming, long ttlMillis) {
        int best = -1;
        for (int i = head; i < end; i++) {
            long t = times[i];
            if (t > p.eventTime || p.eventTime - t >= ttlMillis || SimHash.distance(hashes[i], p.simhash) > maxHamming) continue;
            if (Arrays.equals(blob, starts[i], idEnd(i), id, 0, id.length)) continue; // the post itself, seen again
            if (best < 0 || t < times[best] || t == times[best] && id(i).compareTo(id(best)) < 0) best = i;
        }
        return best;
    }

    private int idEnd(int i) {
        return i + 1 < end ? starts[i + 1] : blobEnd;
    }

    private String id(int i) {
        return new String(blob, starts[i], idEnd(i) - starts[i], StandardCharsets.UTF_8);
    }

    private void add(byte[] id, long hash, long time, String root, long rootTime) {
        if (end == hashes.length || blobEnd + id.length > blob.length) makeRoom(id.length);
        starts[end] = blobEnd;
        System.arraycopy(id, 0, blob, blobEnd, id.length);
        blobEnd += id.length;
        roots[end] = root;
        hashes[end] = hash;
        times[end] = time;
        rootTimes[end] = rootTime;
        end++;
    }

    /** Moves the live entries and ids to the front, growing the arrays when more than half full. */
    private void makeRoom(int idLength) {
        int n = end - head;
        int from = n == 0 ? blobEnd : starts[head];
        int used = blobEnd - from;
        int capacity = (n + 1) * 2 > hashes.length ? hashes.length + (hashes.length >> 1) + 1 : hashes.length;
        int[] s = new int[capacity];
        for (int i = 0; i < n; i++) s[i] = starts[head + i] - from;
        starts = s;
        roots = shift(roots, capacity, n);
        hashes = shift(hashes, capacity, n);
        times = shift(times, capacity, n);
        rootTimes = shift(rootTimes, capacity, n);
        int need = used + idLength;
        byte[] b = need * 2 > blob.length ? new byte[Math.max(need * 2, blob.length + (blob.length >> 1))] : blob;
        System.arraycopy(blob, from, b, 0, used);
        blob = b;
        blobEnd = used;
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

    /** Binary state encoding: count, then per post its id (UTF-8), hash, time and root (empty: own root). */
    public static final class Codec implements StateCodec<BandBucket> {
        @Override public Class<BandBucket> type() { return BandBucket.class; }

        @Override
        public void write(BandBucket b, DataOutputView out) throws IOException {
            out.writeInt(b.size());
            for (int i = b.head; i < b.end; i++) {
                int len = b.idEnd(i) - b.starts[i];
                out.writeInt(len);
                out.write(b.blob, b.starts[i], len);
                out.writeLong(b.hashes[i]);
                out.writeLong(b.times[i]);
                StringValue.writeString(b.roots[i] == null ? "" : b.roots[i], out);
                if (b.roots[i] != null) out.writeLong(b.rootTimes[i]);
            }
        }

        @Override
        public BandBucket read(DataInputView in) throws IOException {
            int n = in.readInt();
            BandBucket b = new BandBucket(Math.max(4, n + (n >> 1)), 64);
            for (int i = 0; i < n; i++) {
                byte[] id = new byte[in.readInt()];
                in.readFully(id);
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
            BandBucket c = new BandBucket(0, 0);
            c.starts = b.starts.clone();
            c.blob = b.blob.clone();
            c.blobEnd = b.blobEnd;
            c.roots = b.roots.clone();
            c.hashes = b.hashes.clone();
            c.times = b.times.clone();
            c.rootTimes = b.rootTimes.clone();
            c.head = b.head;
            c.end = b.end;
            return c;
        }
    }
}
