package org.fengxiang.app.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.fengxiang.analytics.enrich.AnalyticsSettings;
import org.fengxiang.analytics.enrich.PostEnricher;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.analytics.linking.Story;
import org.fengxiang.analytics.linking.StoryBucket;
import org.fengxiang.analytics.linking.StorySignature;
import org.fengxiang.core.Post;
import org.fengxiang.core.PostParser;

/**
 * CPU cost of story lookup on the bench's generated traffic: N posts at R posts/s of event time are
 * enriched, their stories probed in the band buckets the way the job's story-lookup stage does, and
 * the time per story and the bucket sizes met are reported. Usage:
 * {@code LinkingThroughputBench [posts] [rate]} (defaults 200000, 3000).
 */
public final class LinkingThroughputBench {
    private LinkingThroughputBench() {}

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 200_000;
        int rate = args.length > 1 ? Integer.parseInt(args[1]) : 3000;
        PostEnricher enricher = PostEnricher.create(AnalyticsSettings.defaults());
        LinkSettings s = new LinkSettings().validate();
        PostGenerator gen = new PostGenerator(7, "lt");
        List<Story> stories = new ArrayList<>();
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            Post p = PostParser.parse(gen.next(1_700_000_000_000L + i * 1000L / rate).json()).post();
            Story st = StorySignature.of(enricher.enrich(p), s);
            if (st != null) stories.add(st);
        }
        double enrichMs = (System.nanoTime() - t0) / 1e6;
        for (int round = 0; round < 3; round++) {
            Map<String, StoryBucket> buckets = new HashMap<>();
            long probes = 0;
            long met = 0;
            long links = 0;
            long t1 = System.nanoTime();
            for (Story st : stories) {
                boolean linked = false;
                for (String key : StorySignature.bandKeys(st, s)) {
                    StoryBucket b = buckets.computeIfAbsent(key, k -> new StoryBucket());
                    met += b.size();
                    probes++;
                    if (b.probe(st, s) != null) linked = true;
                }
                if (linked) links++;
            }
            double ms = (System.nanoTime() - t1) / 1e6;
            System.out.printf("round %d: %d posts (%.1f µs each to enrich), %d stories, %d linked; lookup %.1f µs per story,"
                            + " %.1f candidates per probe, %d buckets%n", round, n, enrichMs * 1000 / n, stories.size(), links,
                    ms * 1000 / stories.size(), met / (double) probes, buckets.size());
        }
    }
}
