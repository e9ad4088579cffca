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
import org.fengxiang.analytics.linking.TopicForest;

/**
 * Resolves story links to incident roots in (event time, id) order. This one stage sees only the
 * links (stories that matched an earlier story), a small fraction of the post stream, so it runs
 * under a single key; its state holds the links of one link window.
 */
final class TopicResolveFunction extends KeyedProcessFunction<String, StoryProbe, TopicAssignment> {
    /** The single key of this stage. */
    static final String KEY = "links";
    private static final Comparator<StoryProbe> ORDER =
            Comparator.<StoryProbe>comparingLong(p -> p.story.eventTime).thenComparing(StoryProbe::storyId);
    private final LinkSettings settings;
    private transient ListState<StoryProbe> pending;
    private transient ValueState<TopicForest> forest;

    TopicResolveFunction(LinkSettings settings) {
        this.settings = settings;
    }

    @Override
    public void open(OpenContext ctx) {
        pending = getRuntimeContext().getListState(new ListStateDescriptor<>("links", TypeInformation.of(StoryProbe.class)));
        forest = getRuntimeContext().getState(new ValueStateDescriptor<>("forest", new JsonTypeInfo<>(TopicForest.class)));
    }

    @Override
    public void processElement(StoryProbe link, Context ctx, Collector<TopicAssignment> out) throws Exception {
        if (!EventTimeBuffer.hold(pending, link, link.story.eventTime, ctx.timerService())) resolve(List.of(link), out);
    }

    @Override
    public void onTimer(long timestamp, OnTimerContext ctx, Collector<TopicAssignment> out) throws Exception {
        List<StoryProbe> ready = EventTimeBuffer.takeReady(pending, timestamp, p -> p.story.eventTime, ORDER);
        if (!ready.isEmpty()) resolve(ready, out);
    }

    private void resolve(List<StoryProbe> links, Collector<TopicAssignment> out) throws Exception {
        TopicForest f = forest.value();
        if (f == null) f = new TopicForest();
        for (StoryProbe l : links) {
            TopicAssignment a = new TopicAssignment();
            a.storyId = l.story.id;
            a.eventTime = l.story.eventTime;
            a.linkedTo = l.match.candidateId;
            a.shared = l.match.shared;
            a.overlap = l.match.overlap;
            a.incidentRootId = f.link(a.storyId, a.eventTime, a.linkedTo, settings.windowMillis());
            out.collect(a);
        }
        if (f.size() == 0) forest.clear();
        else forest.update(f);
    }
}
