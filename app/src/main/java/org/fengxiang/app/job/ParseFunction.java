package org.fengxiang.app.job;

import org.apache.flink.streaming.api.functions.ProcessFunction;
import org.apache.flink.util.Collector;
import org.fengxiang.core.Post;
import org.fengxiang.core.PostParser;
import org.fengxiang.core.Rejected;

/** Validates raw records against the input contract; refused records go to the dead-letter output. */
final class ParseFunction extends ProcessFunction<RawRecord, Post> {
    @Override
    public void processElement(RawRecord raw, Context ctx, Collector<Post> out) {
        Long line = raw.line > 0 ? raw.line : null;
        if (raw.error != null) {
            ctx.output(Outputs.REJECTED, new Rejected(line, "decode", raw.error, null, raw.value));
            return;
        }
        PostParser.Result r = PostParser.parse(raw.value);
        if (r.ok()) {
            r.post().ingestedAt = raw.ingestedAt;
            out.collect(r.post());
        }
        else ctx.output(Outputs.REJECTED, new Rejected(line, "validate", r.reason(), r.id(), raw.value));
    }
}
