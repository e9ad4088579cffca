package org.fengxiang.analytics.linking;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;

/**
 * The recent stories of one MinHash band bucket (state of one key), in (event time, id) order, bounded
 * by the link window and a size cap.
 *
 * <p>Kept packed: the story ids in one array and, in one array of longs, per story its event time, term
 * mask, term count and sorted term fingerprints ({@code width} slots). A probe reads one contiguous
 * block instead of chasing objects per candidate (the scan was memory-bound), and a held story costs its
 * slots and its id, not an object graph. {@link #writeTo} and {@link #readFrom} are its binary state
 * encoding.
 */
public final class StoryBucket {
    private static final int HEADER = 3;
    private String[] ids = new String[4];
    private long[] packed = new long[0];
    private int width;
    private int count;

    public StoryBucket() {}

    /**
     * The best earlier story within the window that {@code probe} links to (null when none), then
     * remembers the probe. Call in event-time order for deterministic results.
     */
    public StoryMatch probe(Story probe, LinkSettings s) {
        evictBefore(probe.eventTime - s.windowMillis());
        long[] pf = probe.fingerprints();
        int stride = HEADER + width;
        StoryMatch best = null;
        for (int k = 0, o = 0; k < count; k++, o += stride) {
            long t = packed[o];
            if (t > probe.eventTime || t == probe.eventTime && ids[k].compareTo(probe.id) >= 0) break;
            int n = (int) packed[o + 2];
            int smaller = Math.min(pf.length, n);
            if (smaller < s.minShared) continue;
            // shared <= bound: most candidates are ruled out (or cannot beat the best) before the exact intersection
            int bound = StoryMatch.sharedBound(pf, packed[o + 1]);
            double boundOverlap = bound / (double) smaller;
            if (bound < s.minShared || boundOverlap < s.minOverlap || best != null && boundOverlap < best.overlap) continue;
            int shared = StoryMatch.sharedSorted(pf, packed, o + HEADER, n);
            double overlap = shared / (double) smaller;
            if (shared < s.minShared || overlap < s.minOverlap) continue;
            StoryMatch m = new StoryMatch(ids[k], t, shared, overlap);
            if (m.betterThan(best)) {
                best = m;
                // all the probe's terms shared: no later candidate can beat it (it would only tie, and ties go to the earlier)
                if (m.shared == pf.length) break;
            }
        }
        insert(probe.id, probe.eventTime, pf);
        if (count > s.bucketCap) removeFirst(count - s.bucketCap);
        return best;
    }

    /** Drops stories older than {@code horizon}. */
    public void evictBefore(long horizon) {
        int n = 0;
        int stride = HEADER + width;
        while (n < count && packed[n * stride] < horizon) n++;
        if (n > 0) removeFirst(n);
    }

    /** The event time of the newest story, or Long.MIN_VALUE when empty. */
    public long newest() {
        return count == 0 ? Long.MIN_VALUE : packed[(count - 1) * (HEADER + width)];
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** Number of stories held. */
    public int size() {
        return count;
    }

    /** Estimated heap bytes (packed fingerprints, id slots and ~20-character ids), for bounding caches. */
    public long approximateBytes() {
        return 64 + packed.length * 8L + ids.length * 8L + count * 64L;
    }

    /** The ids of the stories held, oldest first. */
    public List<String> ids() {
        return List.of(Arrays.copyOf(ids, count));
    }

    /** Remembers a story without looking it up. */
    void add(Story story) {
        insert(story.id, story.eventTime, story.fingerprints());
    }

    /** A copy sharing nothing mutable with this bucket. */
    public StoryBucket copy() {
        StoryBucket c = new StoryBucket();
        c.ids = ids.clone();
        c.packed = packed.clone();
        c.width = width;
        c.count = count;
        return c;
    }

    /** Writes the bucket: count, width, then per story its id and packed slots. */
    public void writeTo(DataOutput out) throws IOException {
        out.writeInt(count);
        out.writeInt(width);
        int stride = HEADER + width;
        for (int k = 0; k < count; k++) {
            out.writeUTF(ids[k]);
            int o = k * stride;
            out.writeLong(packed[o]);
            int n = (int) packed[o + 2];
            out.writeByte(n);
            for (int i = 0; i < n; i++) out.writeLong(packed[o + HEADER + i]);
        }
    }

    /** Reads a bucket written by {@link #writeTo}. */
    public static StoryBucket readFrom(DataInput in) throws IOException {
        StoryBucket b = new StoryBucket();
        int n = in.readInt();
        b.width = in.readInt();
        int stride = HEADER + b.width;
        b.ids = new String[Math.max(4, n)];
        b.packed = new long[n * stride];
        long[] prints = new long[b.width];
        for (int k = 0; k < n; k++) {
            b.ids[k] = in.readUTF();
            long time = in.readLong();
            int terms = in.readUnsignedByte();
            for (int i = 0; i < terms; i++) prints[i] = in.readLong();
            b.write(k, time, Arrays.copyOf(prints, terms));
        }
        b.count = n;
        return b;
    }

    private void write(int k, long eventTime, long[] prints) {
        int o = k * (HEADER + width);
        packed[o] = eventTime;
        packed[o + 1] = Story.mask(prints);
        packed[o + 2] = prints.length;
        System.arraycopy(prints, 0, packed, o + HEADER, prints.length);
        Arrays.fill(packed, o + HEADER + prints.length, o + HEADER + width, 0L);
    }

    private void insert(String id, long eventTime, long[] prints) {
        if (prints.length > width) widen(prints.length);
        int stride = HEADER + width;
        int at = count;
        while (at > 0 && before(eventTime, id, packed[(at - 1) * stride], ids[at - 1])) at--;
        if (count == ids.length) ids = Arrays.copyOf(ids, ids.length * 2);
        if (packed.length < (count + 1) * stride) packed = Arrays.copyOf(packed, Math.max(packed.length * 2, (count + 1) * stride));
        System.arraycopy(ids, at, ids, at + 1, count - at);
        System.arraycopy(packed, at * stride, packed, (at + 1) * stride, (count - at) * stride);
        ids[at] = id;
        write(at, eventTime, prints);
        count++;
    }

    private static boolean before(long t, String id, long otherT, String otherId) {
        return t < otherT || t == otherT && id.compareTo(otherId) < 0;
    }

    /** Re-lays the packed stories with room for {@code w} fingerprints each. */
    private void widen(int w) {
        int from = HEADER + width;
        int to = HEADER + w;
        long[] wider = new long[Math.max(4, ids.length) * to];
        for (int k = 0; k < count; k++) System.arraycopy(packed, k * from, wider, k * to, from);
        packed = wider;
        width = w;
    }

    private void removeFirst(int n) {
        int stride = HEADER + width;
        System.arraycopy(ids, n, ids, 0, count - n);
        Arrays.fill(ids, count - n, count, null);
        System.arraycopy(packed, n * stride, packed, 0, (count - n) * stride);
        count -= n;
    }
}
