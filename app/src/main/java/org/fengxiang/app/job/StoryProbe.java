package org.fengxiang.app.job;

import java.io.Serializable;
import org.fengxiang.analytics.linking.Story;
import org.fengxiang.analytics.linking.StoryMatch;

/** One MinHash band of a story on its way to bucket lookup, and back as that band's vote. */
public class StoryProbe implements Serializable {
    public Story story;
    public String bucket;
    /** After lookup: the best earlier story of the bucket, or null. */
    public StoryMatch match;
    /** Votes counted so far (vote accumulation only). */
    public int votes;

    public StoryProbe() {}

    StoryProbe(Story story, String bucket) {
        this.story = story;
        this.bucket = bucket;
    }

    /** This band's vote: the story's id and time (no terms) with the bucket's best match, or null. */
    StoryProbe vote(StoryMatch best) {
        StoryProbe v = new StoryProbe(new Story(story.id, story.eventTime, java.util.List.of()), null);
        v.match = best;
        return v;
    }

    String storyId() {
        return story.id;
    }
}
