package org.fengxiang.app.job;

import java.io.Serializable;

/** A story (an independent post, the root of its cascade) and the incident root it was linked to. */
public class TopicAssignment implements Serializable {
    public String storyId;
    public long eventTime;
    public String incidentRootId;
    /** The story it was linked to directly, with the link's shared terms and overlap. */
    public String linkedTo;
    public int shared;
    public double overlap;

    public TopicAssignment() {}
}
