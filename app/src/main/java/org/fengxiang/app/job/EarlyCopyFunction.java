package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Post;

/**
 * The early, provisional copy of each enriched post, shed while the job is behind: a post that reached the job
 * more than {@code maxLagMillis} after it entered Kafka gets no early copy (its final version is written as
 * always). This is a load decision of the sink path in processing time; it never touches detection.
 * Flink hands each chained consumer of the enriched stream its own copy (object reuse is off), so marking the
 * post here never reaches the post the other stages see.
 */
final class EarlyCopyFunction extends ProcessFunction<Post, Post> {
    private final long maxLagMillis;
    private transient Counter shed;

    EarlyCopyFunction(long maxLagMillis) {
        this.maxLagMillis = maxLagMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        shed = getRuntimeContext().getMetricGroup().counter("earlyCopiesShed");
    }

    @Override
    public void processElement(Post p, Context ctx, Collector<Post> out) {
        if (behind(p.ingestedAt, ctx.timerService().currentProcessingTime(), maxLagMillis)) {
            shed.inc();
            return;
        }
        p.provisional = true;
        out.collect(p);
    }

    /** True when a post received at {@code ingestedAt} is more than {@code maxLagMillis} old at {@code now}. */
    static boolean behind(long ingestedAt, long now, long maxLagMillis) {
        return maxLagMillis > 0 && ingestedAt > 0 && now - ingestedAt > maxLagMillis;
    }
}
