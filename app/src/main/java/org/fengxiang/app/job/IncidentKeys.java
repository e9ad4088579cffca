package org.fengxiang.app.job;

import java.io.Serializable;
import org.fengxiang.core.Post;

/** Maps a post to the key of its incident detector and to its incident id. */
public interface IncidentKeys extends Serializable {
    /** The detector key (e.g. the cascade root id). */
    String key(Post post);

    /** The incident id the post belongs to. */
    String incidentId(Post post);
}
