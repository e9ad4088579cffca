package org.fengxiang.app.job;

import java.io.Serializable;
import org.fengxiang.core.Post;

/** Text enrichment of one post (normalise, mask, segment, score); created once per task. */
public interface Enrichment {
    /** Returns the enriched post. */
    Post enrich(Post post);

    /** Creates the enrichment on the task (loads dictionaries and models once). */
    interface Factory extends Serializable {
        Enrichment create();
    }
}
