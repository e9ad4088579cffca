package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;
import org.fengxiang.core.Rejected;

/** Enriches posts and stamps their incident id; a post that fails enrichment is dead-lettered. */
final class EnrichFunction extends ProcessFunction<Post, Post> {
    private final Enrichment.Factory factory;
    private final IncidentKeys keys;
    private transient Enrichment enrichment;

    EnrichFunction(Enrichment.Factory factory, IncidentKeys keys) {
        this.factory = factory;
        this.keys = keys;
    }

    @Override
    public void open(OpenContext ctx) {
        enrichment = factory.create();
    }

    @Override
    public void processElement(Post post, Context ctx, Collector<Post> out) {
        Post enriched;
        try {
            enriched = enrichment.enrich(post);
        } catch (RuntimeException e) {
            ctx.output(Outputs.REJECTED, new Rejected(null, "enrich", "enrichment failed: " + e, post.id, Json.write(post)));
            return;
        }
        enriched.incidentId = keys.incidentId(enriched);
        out.collect(enriched);
    }
}
