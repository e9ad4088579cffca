package org.fengxiang.app.job;

import java.io.Serializable;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.streaming.api.functions.co.KeyedCoProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.analytics.incident.IncidentIds;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.core.Post;

/**
 * Stamps each post, keyed by its cascade root, with the incident it belongs to: the root's linked
 * incident when text linking linked the root to an earlier story, else the cascade's own. Posts wait
 * for the watermark (held by the {@link OrderedCoProcessOperator} this function runs in), so a link (timestamped with the root's event time) is always known before the
 * posts of the cascade that follow the root are released. Only linked cascades keep state.
 */
final class TopicJoinFunction extends KeyedCoProcessFunction<String, Post, TopicAssignment, Post> {
    /** Release order of the posts: event time, then id (serialisable: the operator holds it). */
    static final Comparator<Post> ORDER = (Comparator<Post> & Serializable) (a, b) -> {
        int c = Long.compare(a.eventTime, b.eventTime);
        return c != 0 ? c : a.id.compareTo(b.id);
    };
    private final long retentionMillis;
    private transient ValueState<TopicAssignment> assigned;
    private transient Map<String, String> recentRoots;

    TopicJoinFunction(LinkSettings settings) {
        this.retentionMillis = settings.assignmentMillis();
    }

    @Override
    public void open(OpenContext ctx) {
        recentRoots = new LinkedHashMap<>(1024, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, String> eldest) {
                return size() > 4096;
            }
        };
        assigned = getRuntimeContext().getState(new ValueStateDescriptor<>("assigned", TypeInformation.of(TopicAssignment.class)));
    }

    @Override
    public void processElement1(Post post, Context ctx, Collector<Post> out) throws Exception {
        stamp(post, out);
    }

    @Override
    public void processElement2(TopicAssignment a, Context ctx, Collector<Post> out) throws Exception {
        assigned.update(kept(a));
        ctx.timerService().registerEventTimeTimer(a.eventTime + retentionMillis);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<Post> out) throws Exception {
        TopicAssignment a = assigned.value();
        if (a != null && timestamp >= a.eventTime + retentionMillis) assigned.clear();
    }

    /**
     * What a linked cascade keeps until the retention ends: the incident root and the link's event time only
     * (ids and scores are for the record), with the root's string shared among the cascades of one incident
     * (a large story links thousands of cascades to one root).
     */
    private TopicAssignment kept(TopicAssignment a) {
        TopicAssignment k = new TopicAssignment();
        k.eventTime = a.eventTime;
        k.incidentRootId = recentRoots.computeIfAbsent(a.incidentRootId, r -> r);
        return k;
    }

    private void stamp(Post p, Collector<Post> out) throws Exception {
        TopicAssignment a = assigned.value();
        boolean linked = a != null && p.eventTime >= a.eventTime && p.eventTime < a.eventTime + retentionMillis;
        stamp(p, linked ? a.incidentRootId : p.rootId());
        out.collect(p);
    }

    /** Stamps {@code p} with the incident of {@code incidentRootId} (its own cascade's root when it is not linked). */
    static void stamp(Post p, String incidentRootId) {
        p.incidentRootId = incidentRootId;
        p.incidentId = IncidentIds.of(incidentRootId);
    }
}
