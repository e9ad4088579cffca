package org.fengxiang.app.job;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fengxiang.analytics.linking.StoryBucket;

/** Binary state encoding of a {@link StoryBucket} (its own packed layout). */
public final class StoryBucketCodec implements StateCodec<StoryBucket> {
    @Override public Class<StoryBucket> type() { return StoryBucket.class; }
    @Override public void write(StoryBucket b, DataOutputView out) throws IOException { b.writeTo(out); }
    @Override public StoryBucket read(DataInputView in) throws IOException { return StoryBucket.readFrom(in); }
    @Override public StoryBucket copy(StoryBucket b) { return b.copy(); }
}
