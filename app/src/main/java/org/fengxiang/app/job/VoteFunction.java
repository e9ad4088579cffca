package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Post;

/**
 * Collects the band votes of one post id and releases the post once every band answered, with
 * {@code dupOf} set to the earliest near-duplicate root any band found. A post id delivered more than once
 * is released once per copy (votes are counted per band, see {@link VoteTally}).
 */
final class VoteFunction extends KeyedProcessFunction<String, BandProbe, Post> {
    private transient ValueState<VoteTally> tally;

    @Override
    public void open(OpenContext ctx) {
        tally = getRuntimeContext().getState(new ValueStateDescriptor<>("votes", TypeInformation.of(VoteTally.class)));
    }

    @Override
    public void processElement(BandProbe vote, Context ctx, Collector<Post> out) throws Exception {
        VoteTally t = tally.value();
        if (t == null) t = new VoteTally();
        if (t.add(vote)) out.collect(t.release());
        if (t.empty()) tally.clear();
        else tally.update(t);
    }
}
