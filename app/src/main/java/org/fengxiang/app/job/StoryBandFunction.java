package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.util.Collector;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.analytics.linking.StoryBucket;

/**
 * Story lookup in one MinHash band bucket: probes wait for the watermark and are applied in
 * (event time, id) order; each probe comes back as a vote with the bucket's best earlier story (the vote
 * carries the story's id and time, not its terms: the stages after lookup need no more).
 * The bucket is dropped once its newest story leaves the link window.
 */
final class StoryBandFunction extends OrderedKeyedFunction<StoryProbe, StoryProbe> {
    static final Comparator<StoryProbe> ORDER =
            Comparator.<StoryProbe>comparingLong(p -> p.story.eventTime).thenComparing(StoryProbe::storyId);
    private final LinkSettings settings;
    private transient WriteBackCache<StoryBucket> bucket;

    StoryBandFunction(LinkSettings settings) {
        super(StoryProbe.class);
        this.settings = settings;
    }

    @Override long eventTime(StoryProbe p) { return p.story.eventTime; }
    @Override Comparator<StoryProbe> order() { return ORDER; }

    @Override
    void openState() {
        bucket = releasedState(new ValueStateDescriptor<>("stories", new CodecTypeInfo<>(new StoryBucketCodec())), StoryBucket::approximateBytes);
    }

    @Override
    void release(List<StoryProbe> probes, Context ctx, Collector<StoryProbe> out) throws Exception {
        StoryBucket b = bucket.value();
        if (b == null) b = new StoryBucket();
        for (StoryProbe p : probes) out.collect(p.vote(b.probe(p.story, settings)));
        bucket.update(b);
        ctx.timerService().registerEventTimeTimer(cleanUpTime(b.newest(), settings.windowMillis()));
    }

    /**
     * When to look at a bucket again to drop it: just after its newest story leaves the window, rounded up
     * to a 32nd of the window (at least a minute), so a busy bucket has a few clean-up timers, not one per
     * story (timers live on the heap and each one costs a priority-queue entry).
     */
    static long cleanUpTime(long newest, long windowMillis) {
        long grid = Math.max(60_000L, windowMillis / 32);
        long due = newest + windowMillis + 1;
        return Math.floorDiv(due + grid - 1, grid) * grid;
    }

    @Override
    void afterTimer(long timestamp, Context ctx) throws Exception {
        StoryBucket b = bucket.value();
        if (b == null || b.newest() + settings.windowMillis() >= timestamp) return;
        bucket.clear();
    }
}
