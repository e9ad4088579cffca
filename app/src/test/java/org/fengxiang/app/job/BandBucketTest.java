package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.junit.jupiter.api.Test;

class BandBucketTest {
    private static final long TTL = 10_000;
    private static final int CAP = 25;

    /** The earlier implementation (entry list, post→root and root→time maps), kept as the reference. */
    private static final class Reference {
        final List<long[]> entries = new ArrayList<>(); // {hash, time}
        final List<String> ids = new ArrayList<>();
        final Map<String, String> rootOf = new HashMap<>();
        final Map<String, Long> rootTime = new HashMap<>();

        void apply(BandProbe p) {
            while (!ids.isEmpty() && (entries.get(0)[1] <= p.eventTime - TTL || ids.size() >= CAP)) {
                entries.remove(0);
                String id = ids.remove(0);
                rootOf.remove(id);
                if (!rootOf.containsValue(id) && !ids.contains(id)) rootTime.remove(id);
            }
            int best = -1;
            for (int i = 0; i < ids.size(); i++) {
                long[] e = entries.get(i);
                if (ids.get(i).equals(p.postId) || p.eventTime - e[1] >= TTL || e[1] > p.eventTime) continue;
                if (Long.bitCount(e[0] ^ p.simhash) > 3) continue;
                if (best < 0 || e[1] < entries.get(best)[1] || e[1] == entries.get(best)[1] && ids.get(i).compareTo(ids.get(best)) < 0) best = i;
            }
            if (best >= 0) {
                String bestId = ids.get(best);
                p.root = rootOf.getOrDefault(bestId, bestId);
                p.rootTime = rootTime.getOrDefault(p.root, entries.get(best)[1]);
                rootOf.put(p.postId, p.root);
            }
            rootTime.putIfAbsent(best < 0 ? p.postId : p.root, best < 0 ? p.eventTime : p.rootTime);
            entries.add(new long[] {p.simhash, p.eventTime});
            ids.add(p.postId);
        }
    }

    @Test
    void packedBucketGivesTheSameRootsAsTheMapBasedOneAcrossCapTtlCopiesAndRestores() throws Exception {
        Random r = new Random(5);
        long[] seeds = new long[6];
        for (int i = 0; i < seeds.length; i++) seeds[i] = r.nextLong();
        Reference ref = new Reference();
        BandBucket live = new BandBucket();
        BandBucket.Codec codec = new BandBucket.Codec();
        long t = 0;
        int linked = 0;
        for (int i = 0; i < 3000; i++) {
            t += r.nextInt(3) * 97L;
            long hash = seeds[r.nextInt(seeds.length)];
            for (int flips = r.nextInt(6); flips > 0; flips--) hash ^= 1L << r.nextInt(64);
            BandProbe a = probe((i % 3 == 0 ? "帖" : "p") + (5000 - i % 4000), t, hash); // ids repeat: a post seen again must not match itself
            BandProbe b = probe(a.postId, t, hash);
            ref.apply(a);
            live.apply(b, 3, TTL, CAP);
            assertThat(b.root).as("root of probe %d", i).isEqualTo(a.root);
            assertThat(b.rootTime).isEqualTo(a.rootTime);
            if (a.root != null) linked++;
            if (i % 13 == 0) live = restore(codec, live);
            if (i % 7 == 0) {
                BandBucket copy = codec.copy(live);
                live.apply(probe("detached", t, hash), 3, TTL, CAP);
                live = copy; // the copy must not see what was applied to the original
            }
            assertThat(live.size()).isEqualTo(ref.ids.size());
        }
        assertThat(linked).as("near duplicates found").isGreaterThan(1000);
    }

    @Test
    void theCodecKeepsRootsAndTimes() throws Exception {
        BandBucket b = new BandBucket();
        b.apply(probe("a", 1000, 0xF0F0L), 3, TTL, CAP);
        BandProbe dup = probe("b", 2000, 0xF0F1L);
        b.apply(dup, 3, TTL, CAP);
        assertThat(dup.root).isEqualTo("a");
        BandBucket restored = restore(new BandBucket.Codec(), b);
        BandProbe third = probe("c", 3000, 0xF0F3L);
        restored.apply(third, 3, TTL, CAP);
        assertThat(third.root).isEqualTo("a");
        assertThat(third.rootTime).isEqualTo(1000);
        BandProbe late = probe("d", 1000 + TTL, 0xF0F1L);
        restored.apply(late, 3, TTL, CAP);
        assertThat(late.root).as("a has left the window; b's chain still names a").isEqualTo("a");
        assertThat(late.rootTime).isEqualTo(1000);
    }

    private static BandBucket restore(BandBucket.Codec codec, BandBucket b) throws Exception {
        DataOutputSerializer out = new DataOutputSerializer(64);
        codec.write(b, out);
        return codec.read(new DataInputDeserializer(out.getCopyOfBuffer()));
    }

    private static BandProbe probe(String id, long time, long hash) {
        BandProbe p = new BandProbe();
        p.postId = id;
        p.eventTime = time;
        p.simhash = hash;
        return p;
    }
}
