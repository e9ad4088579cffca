package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.analytics.linking.StoryBucket;

/**
 * Story lookup in one MinHash band bucket: probes wait for the watermark and are applied in
 * (event time, id) order; each probe comes back as a vote with the bucket's best earlier story.
 * The bucket is dropped once its newest story leaves the link window.
 */
final class StoryBandFunction extends KeyedProcessFunction<String, StoryProbe, StoryProbe> {
    private static final Comparator<StoryProbe> ORDER =
            Comparator.<StoryProbe>comparingLong(p -> p.story.eventTime).thenComparing(StoryProbe::storyId);
    private final LinkSettings settings;
    private transient ListState<StoryProbe> pending;
    private transient ValueState<StoryBucket> bucket;

    StoryBandFunction(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", TypeInformation.of(StoryProbe.class)));
        bucket = getRuntimeContext().getState(new ValueStateDescriptor<>("stories", new JsonTypeInfo<>(StoryBucket.class)));
    }

    @Override
    public void processElement(StoryProbe p, Context ctx, Collector<StoryProbe> out) throws Exception {
        if (!EventTimeBuffer.hold(pending, p, p.story.eventTime, ctx.timerService())) apply(List.of(p), ctx.timerService(), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<StoryProbe> out) throws Exception {
        List<StoryProbe> ready = EventTimeBuffer.takeReady(pending, timestamp, p -> p.story.eventTime, ORDER);
        if (!ready.isEmpty()) {
            apply(ready, ctx.timerService(), out);
            return;
        }
        StoryBucket b = bucket.value();
        if (b != null) {
            b.evictBefore(timestamp - settings.windowMillis());
            if (b.isEmpty()) bucket.clear();
            else bucket.update(b);
        }
    }

    private void apply(List<StoryProbe> probes, org.apache.flink.streaming.api.TimerService timers,
                       Collector<StoryProbe> out) throws Exception {
        StoryBucket b = bucket.value();
        if (b == null) b = new StoryBucket();
        for (StoryProbe p : probes) {
            p.match = b.probe(p.story, settings);
            out.collect(p);
        }
        bucket.update(b);
        timers.registerEventTimeTimer(b.newest() + settings.windowMillis() + 1);
    }
}
