package org.fengxiang.analytics.linking;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;

/**
 * Memory figure of text linking: a synthetic day of N stories (default 400,000, the independent posts
 * of a 1M-post day) spread over 24 h, each with 5–8 terms from a Zipf vocabulary of 50,000 words;
 * one story in five retells one of the recent events (4 of its terms). Runs the stories through the
 * band buckets and the link forest exactly as the job does (one map entry per keyed bucket) and
 * reports, every simulated hour, the live buckets, stories held, links and the serialised state size.
 * Usage: {@code LinkingMemoryBench [N] [seed]}.
 */
public final class LinkingMemoryBench {
    private LinkingMemoryBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 400_000;
        Random rnd = new Random(args.length > 1 ? Long.parseLong(args[1]) : 1);
        LinkSettings s = new LinkSettings().validate();
        double[] zipf = zipf(50_000);
        Map<String, StoryBucket> buckets = new HashMap<>();
        TopicForest.InMemory linkStore = new TopicForest.InMemory();
        TopicForest forest = new TopicForest(linkStore);
        List<List<String>> events = new ArrayList<>();
        long day = 86_400_000L;
        long links = 0;
        long peakBytes = 0;
        long nextReport = 3_600_000;
        long started = System.nanoTime();
        for (int i = 0; i < n; i++) {
            long t = (long) i * day / n;
            List<String> terms = terms(rnd, zipf, events);
            Story story = new Story("s" + i, t, terms);
            StoryMatch best = null;
            for (String key : StorySignature.bandKeys(story, s)) {
                StoryMatch m = buckets.computeIfAbsent(key, k -> new StoryBucket()).probe(story, s);
                if (m != null && m.betterThan(best)) best = m;
            }
            if (best != null) {
                forest.link(story.id, t, best.candidateId, s.windowMillis());
                links++;
            }
            if (t >= nextReport) {
                expire(buckets, t - s.windowMillis());
                long bytes = stateBytes(buckets, linkStore);
                peakBytes = Math.max(peakBytes, bytes);
                System.out.printf("hour %2d: buckets=%d stories held=%d links=%d forest=%d state=%.1f MiB%n",
                        t / 3_600_000, buckets.size(), held(buckets), links, forest.size(), bytes / 1048576.0);
                nextReport += 3_600_000;
            }
        }
        System.out.printf("stories=%d links=%d peak serialised state=%.1f MiB in %.1f s%n",
                n, links, peakBytes / 1048576.0, (System.nanoTime() - started) / 1e9);
    }

    private static List<String> terms(Random rnd, double[] zipf, List<List<String>> events) {
        TreeSet<String> t = new TreeSet<>();
        if (!events.isEmpty() && rnd.nextInt(5) == 0) {
            List<String> e = events.get(events.size() - 1 - rnd.nextInt(Math.min(events.size(), 200)));
            t.addAll(e.subList(0, 4));
        }
        int size = 5 + rnd.nextInt(4);
        while (t.size() < size) t.add("w" + draw(rnd, zipf));
        List<String> out = new ArrayList<>(t);
        if (rnd.nextInt(50) == 0) events.add(out);
        return out;
    }

    private static double[] zipf(int v) {
        double[] cdf = new double[v];
        double sum = 0;
        for (int i = 0; i < v; i++) cdf[i] = sum += 1.0 / (i + 1);
        for (int i = 0; i < v; i++) cdf[i] /= sum;
        return cdf;
    }

    private static int draw(Random rnd, double[] cdf) {
        int i = java.util.Arrays.binarySearch(cdf, rnd.nextDouble());
        return i >= 0 ? i : -i - 1;
    }

    /** What the job's bucket timers do: drop buckets whose newest story left the window. */
    private static void expire(Map<String, StoryBucket> buckets, long horizon) {
        for (Iterator<StoryBucket> it = buckets.values().iterator(); it.hasNext(); ) {
            StoryBucket b = it.next();
            b.evictBefore(horizon);
            if (b.isEmpty()) it.remove();
        }
    }

    private static long held(Map<String, StoryBucket> buckets) {
        long h = 0;
        for (StoryBucket b : buckets.values()) h += b.size();
        return h;
    }

    private static long stateBytes(Map<String, StoryBucket> buckets, TopicForest.InMemory links) {
        long bytes = 0;
        for (Map.Entry<String, TopicForest.Link> l : links.links.entrySet()) {
            bytes += 2 * l.getKey().length() + l.getValue().root().length() + 16; // link entry and queue entry
        }
        for (Map.Entry<String, StoryBucket> e : buckets.entrySet()) bytes += e.getKey().length() + encodedSize(e.getValue());
        return bytes;
    }

    private static long encodedSize(StoryBucket b) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try {
            b.writeTo(new java.io.DataOutputStream(bytes));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return bytes.size();
    }
}
