package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Post;

/**
 * Collects the band votes of one post and releases the post once all bands answered, with
 * {@code dupOf} set to the earliest near-duplicate root any band found.
 */
final class VoteFunction extends KeyedProcessFunction<String, BandProbe, Post> {
    private transient ValueState<BandProbe> acc;

    @Override
    public void open(OpenContext ctx) {
        acc = getRuntimeContext().getState(new ValueStateDescriptor<>("votes", TypeInformation.of(BandProbe.class)));
    }

    @Override
    public void processElement(BandProbe vote, Context ctx, Collector<Post> out) throws Exception {
        BandProbe a = acc.value();
        if (a == null) {
            a = new BandProbe();
            a.postId = vote.postId;
            a.band = 0;
        }
        a.band++; // used as the vote count
        if (vote.post != null) a.post = vote.post;
        if (vote.root != null && (a.root == null || vote.rootTime < a.rootTime
                || vote.rootTime == a.rootTime && vote.root.compareTo(a.root) < 0)) {
            a.root = vote.root;
            a.rootTime = vote.rootTime;
        }
        if (a.band < BandProbe.BANDS) {
            acc.update(a);
            return;
        }
        acc.clear();
        Post p = a.post;
        if (p.dupOf == null && a.root != null && !a.root.equals(p.id)) p.dupOf = a.root;
        out.collect(p);
    }
}
