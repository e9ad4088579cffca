package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Collects the band votes of one story and, once every band answered, emits the best match any band
 * found (nothing when no band found one).
 */
final class StoryVoteFunction extends KeyedProcessFunction<String, StoryProbe, StoryProbe> {
    private final int bands;
    private transient ValueState<StoryProbe> acc;

    StoryVoteFunction(int bands) {
        this.bands = bands;
    }

    @Override
    public void open(OpenContext ctx) {
        acc = getRuntimeContext().getState(new ValueStateDescriptor<>("story-votes", TypeInformation.of(StoryProbe.class)));
    }

    @Override
    public void processElement(StoryProbe vote, Context ctx, Collector<StoryProbe> out) throws Exception {
        StoryProbe a = acc.value();
        if (a == null) {
            a = new StoryProbe(vote.story, null);
        }
        a.votes++;
        if (vote.match != null && vote.match.betterThan(a.match)) a.match = vote.match;
        if (a.votes < bands) {
            acc.update(a);
            return;
        }
        acc.clear();
        if (a.match != null) out.collect(a);
    }
}
