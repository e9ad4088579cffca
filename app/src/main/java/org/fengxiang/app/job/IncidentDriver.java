package org.fengxiang.app.job;

import java.util.List;
import org.fengxiang.analytics.incident.IncidentIds;
import org.fengxiang.analytics.incident.IncidentProcessor;
import org.fengxiang.analytics.incident.IncidentSettings;
import org.fengxiang.analytics.incident.PostEvent;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Post;

/** Drives {@link IncidentProcessor}: one per incident root (a cascade root, or the first story of text-linked cascades), ticking in event time. */
final class IncidentDriver implements TickedDetector<IncidentProcessor, Post, Incident>, IncidentKeys {
    private static final IncidentStateCodec CODEC = new IncidentStateCodec();
    private final IncidentSettings settings;

    IncidentDriver(IncidentSettings settings) {
        this.settings = settings;
    }

    @Override public String key(Post post) { return post.incidentRoot(); }
    @Override public String incidentId(Post post) { return IncidentIds.of(post.incidentRoot()); }
    @Override public Class<IncidentProcessor> stateType() { return IncidentProcessor.class; }
    @Override public StateCodec<IncidentProcessor> stateCodec() { return CODEC; }
    @Override public IncidentProcessor create(String key) { return new IncidentProcessor(key, settings); }
    @Override public IncidentProcessor attach(IncidentProcessor p) { return p.withSettings(settings); }

    @Override public Post compact(Post post) { return PostEvent.essentials(post, settings); }

    @Override
    public List<Incident> onInput(IncidentProcessor p, Post post) {
        p.onPost(post);
        return List.of();
    }

    @Override public long nextTimer(IncidentProcessor p) { return p.nextTimer(); }
    @Override public List<Incident> onTimer(IncidentProcessor p, long time) { return p.onTimer(time); }
    @Override public boolean finished(IncidentProcessor p) { return p.finished(); }
    @Override public long weight(IncidentProcessor p) { return p.approximateBytes(); }
}
