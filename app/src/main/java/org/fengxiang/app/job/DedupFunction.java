package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ListState;
import org.apache.flink.api.common.state.ListStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Post;

/**
 * Exact-duplicate detection keyed by the normalised-text hash. Posts wait until the watermark
 * passes them, then are released in (event time, id) order, so {@code dupOf} always names the
 * earliest post in event time whatever the arrival order. The first post is forgotten after a
 * time-to-live in event time.
 */
final class DedupFunction extends KeyedProcessFunction<String, Post, Post> {
    static final Comparator<Post> EVENT_ORDER = Comparator.<Post>comparingLong(p -> p.eventTime).thenComparing(p -> p.id);

    private final long ttlMillis;
    private transient ListState<Post> pending;
    private transient ValueState<String> firstId;
    private transient ValueState<Long> firstTime;

    DedupFunction(long ttlMillis) {
        this.ttlMillis = ttlMillis;
    }

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("pending", TypeInformation.of(Post.class)));
        firstId = getRuntimeContext().getState(new ValueStateDescriptor<>("firstId", Types.STRING));
        firstTime = getRuntimeContext().getState(new ValueStateDescriptor<>("firstTime", Types.LONG));
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Post> out) throws Exception {
        // Behind the watermark: decide now against what is known (cannot be reordered any more).
        if (!EventTimeBuffer.hold(pending, post, post.eventTime, ctx.timerService())) release(List.of(post), out, ctx);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Post> out) throws Exception {
        release(EventTimeBuffer.takeReady(pending, timestamp, p -> p.eventTime, EVENT_ORDER), out, ctx);
        Long t = firstTime.value();
        if (t != null && timestamp >= t + ttlMillis && !pending.get().iterator().hasNext()) {
            firstId.clear();
            firstTime.clear();
        }
    }

    private void release(List<Post> posts, Collector<Post> out, Context ctx) throws Exception {
        for (Post p : posts) {
            String first = firstId.value();
            Long t = firstTime.value();
            if (first == null || p.eventTime >= t + ttlMillis) {
                firstId.update(p.id);
                firstTime.update(p.eventTime);
                ctx.timerService().registerEventTimeTimer(p.eventTime + ttlMillis);
                p.dupOf = null;
            } else if (!first.equals(p.id)) {
                p.dupOf = first;
            }
            out.collect(p);
        }
    }
}
