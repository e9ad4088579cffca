package org.fengxiang.app.job;

import java.util.Comparator;
import java.util.List;
import org.apache.flink.util.Collector;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.analytics.linking.TopicForest;

/**
 * Resolves story links to incident roots in (event time, id) order. This one stage sees only the
 * links (stories that matched an earlier story), a small fraction of the post stream, so it runs
 * under a single key; its state holds the links of one link window, one map entry per link.
 */
final class TopicResolveFunction extends OrderedKeyedFunction<StoryProbe, TopicAssignment> {
    /** The single key of this stage. */
    static final String KEY = "links";
    private final LinkSettings settings;
    private transient TopicForest forest;

    TopicResolveFunction(LinkSettings settings) {
        super(StoryProbe.class);
        this.settings = settings;
    }

    @Override long eventTime(StoryProbe p) { return p.story.eventTime; }
    @Override Comparator<StoryProbe> order() { return StoryBandFunction.ORDER; }

    @Override
    void openState() {
        forest = new TopicForest(new ForestStateStore(getRuntimeContext()));
    }

    @Override
    void release(List<StoryProbe> links, Context ctx, Collector<TopicAssignment> out) throws Exception {
        for (StoryProbe l : links) {
            TopicAssignment a = new TopicAssignment();
            a.storyId = l.story.id;
            a.eventTime = l.story.eventTime;
            a.linkedTo = l.match.candidateId;
            a.shared = l.match.shared;
            a.overlap = l.match.overlap;
            a.incidentRootId = forest.link(a.storyId, a.eventTime, a.linkedTo, settings.windowMillis());
            out.collect(a);
        }
    }
}
