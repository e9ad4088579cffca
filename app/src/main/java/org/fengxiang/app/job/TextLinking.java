package org.fengxiang.app.job;

import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.datastream.DataStream;
import org.apache.flink.streaming.api.datastream.KeyedStream;
import org.apache.flink.util.Collector;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.analytics.linking.Story;
import org.fengxiang.analytics.linking.StorySignature;
import org.fengxiang.core.Post;

/**
 * The text-linking sub-graph (first-story detection with MinHash LSH): each independent post with
 * enough signature terms probes its MinHash band buckets for the best earlier story within the link
 * window (keyed, parallel); the votes of its bands pick one link; links resolve to the earliest story
 * of their chain (one key, links only); every post is then stamped, keyed by its cascade root, with
 * its incident root. All stages release in event-time order, so the result is the same at any
 * parallelism and arrival order within the watermark's lateness.
 */
final class TextLinking {
    private TextLinking() {}

    /** The posts of {@code enriched}, each with {@code incidentRootId} and {@code incidentId} set. */
    static DataStream<Post> assign(DataStream<Post> enriched, LinkSettings settings) {
        KeyedStream<StoryProbe, String> bands = enriched
                .flatMap((Post p, Collector<StoryProbe> out) -> probes(p, settings, out))
                .returns(TypeInformation.of(StoryProbe.class)).name("story-bands")
                .keyBy(p -> p.bucket, Types.STRING);
        KeyedStream<StoryProbe, String> links = OrderedKeyedFunction.apply(bands, new StoryBandFunction(settings),
                        TypeInformation.of(StoryProbe.class), "story-lookup").uid("story-lookup")
                .keyBy(StoryProbe::storyId, Types.STRING)
                .process(new StoryVoteFunction(settings.bands)).name("story-votes").uid("story-votes")
                .keyBy(p -> TopicResolveFunction.KEY, Types.STRING);
        DataStream<TopicAssignment> assignments = OrderedKeyedFunction.apply(links, new TopicResolveFunction(settings),
                TypeInformation.of(TopicAssignment.class), "story-links").uid("story-links");
        return enriched.keyBy(Post::rootId, Types.STRING)
                .connect(assignments.keyBy(a -> a.storyId, Types.STRING))
                .transform("incident-assign", TypeInformation.of(Post.class),
                        new OrderedCoProcessOperator<>(new TopicJoinFunction(settings), TopicJoinFunction.ORDER))
                .uid("incident-assign");
    }

    private static void probes(Post p, LinkSettings settings, Collector<StoryProbe> out) {
        Story story = StorySignature.of(p, settings);
        if (story == null) return;
        for (String bucket : StorySignature.bandKeys(story, settings)) out.collect(new StoryProbe(story, bucket));
    }
}
