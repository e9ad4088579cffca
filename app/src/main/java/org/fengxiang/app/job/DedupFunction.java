package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Post;

/**
 * Exact-duplicate detection keyed by the normalised-text hash. Posts wait until the watermark
 * passes them, then are released in (event time, id) order, so {@code dupOf} always names the
 * earliest post in event time whatever the arrival order. The first post is forgotten after a
 * time-to-live in event time.
 */
final class DedupFunction extends OrderedKeyedFunction<Post, Post> {
    static final Comparator<Post> EVENT_ORDER = Comparator.<Post>comparingLong(p -> p.eventTime).thenComparing(p -> p.id);

    private final long ttlMillis;
    private transient ValueState<String> firstId;
    private transient ValueState<Long> firstTime;

    DedupFunction(long ttlMillis) {
        super(Post.class);
        this.ttlMillis = ttlMillis;
    }

    @Override long eventTime(Post p) { return p.eventTime; }
    @Override Comparator<Post> order() { return EVENT_ORDER; }

    @Override
    void openState() {
        firstId = getRuntimeContext().getState(new ValueStateDescriptor<>("firstId", Types.STRING));
        firstTime = getRuntimeContext().getState(new ValueStateDescriptor<>("firstTime", Types.LONG));
    }

    @Override
    void afterTimer(long timestamp, Context ctx) throws Exception {
        Long t = firstTime.value();
        if (t != null && timestamp >= t + ttlMillis) {
            firstId.clear();
            firstTime.clear();
        }
    }

    @Override
    void release(List<Post> posts, Context ctx, Collector<Post> out) throws Exception {
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
