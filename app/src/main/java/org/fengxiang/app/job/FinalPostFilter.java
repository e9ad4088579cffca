package org.fengxiang.app.job;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichFilterFunction;
import org.apache.flink.metrics.Counter;
import org.fengxiang.core.Post;

/**
 * Drops the final posts whose early copy already is their document (no second write to Elasticsearch for them);
 * counts them in {@code finalWritesSaved}. Posts without an early copy always pass.
 */
final class FinalPostFilter extends RichFilterFunction<Post> {
    private transient Counter saved;

    @Override
    public void open(OpenContext ctx) {
        saved = getRuntimeContext().getMetricGroup().counter("finalWritesSaved");
    }

    @Override
    public boolean filter(Post p) {
        if (!EarlyCopies.finalIsEarlyCopy(p)) return true;
        saved.inc();
        return false;
    }
}
