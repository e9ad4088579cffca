package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.apache.flink.util.OutputTag;
import org.fengxiang.core.Post;

/**
 * Passes every enriched post on and emits, to {@link #EARLY}, its early copy: the document the post will have if
 * de-duplication and incident linking leave it as it is (no {@code dupOf}; with linking, its own cascade as
 * incident), searchable long before the watermark passes it. The post passed on carries the copy's
 * {@link EarlyCopies#fingerprint fingerprint}, so the final stage writes it again only when it turned out
 * different ({@link FinalPostFilter}).
 * Shed while the job is behind: a post that reached the job more than {@code maxLagMillis} after it entered
 * Kafka gets no early copy (fingerprint 0: its final version is written as always). That is a load decision of
 * the sink path in processing time; it never touches detection, and what Elasticsearch holds in the end is the
 * same either way.
 */
final class EarlyCopyFunction extends ProcessFunction<Post, Post> {
    /** The early copies. */
    static final OutputTag<Post> EARLY = new OutputTag<>("early-posts", PostTypeInfo.INSTANCE);
    private static final PostSerializer COPIER = new PostSerializer();
    private final long maxLagMillis;
    private final boolean linking;
    private transient Counter shed;

    /** {@code linking}: text linking stamps every post with its incident root (its own cascade's when unlinked). */
    EarlyCopyFunction(long maxLagMillis, boolean linking) {
        this.maxLagMillis = maxLagMillis;
        this.linking = linking;
    }

    @Override
    public void open(OpenContext ctx) {
        shed = getRuntimeContext().getMetricGroup().counter("earlyCopiesShed");
    }

    @Override
    public void processElement(Post p, Context ctx, Collector<Post> out) {
        p.earlyCopy = 0;
        if (behind(p.ingestedAt, ctx.timerService().currentProcessingTime(), maxLagMillis)) {
            shed.inc();
        } else {
            Post copy = earlyCopy(p, linking);
            p.earlyCopy = EarlyCopies.fingerprint(copy);
            ctx.output(EARLY, copy);
        }
        out.collect(p);
    }

    /** The early copy of {@code p}: the final post as it is when nothing after enrichment changes it. */
    static Post earlyCopy(Post p, boolean linking) {
        Post copy = COPIER.copy(p);
        copy.provisional = true;
        copy.dupOf = null;
        if (linking) TopicJoinFunction.stamp(copy, copy.rootId()); // as linking stamps a post it does not link
        return copy;
    }

    /** True when a post received at {@code ingestedAt} is more than {@code maxLagMillis} old at {@code now}. */
    static boolean behind(long ingestedAt, long now, long maxLagMillis) {
        return maxLagMillis > 0 && ingestedAt > 0 && now - ingestedAt > maxLagMillis;
    }
}
