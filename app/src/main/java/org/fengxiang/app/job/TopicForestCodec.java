package org.fengxiang.app.job;

import java.io.IOException;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fengxiang.analytics.linking.TopicForest;

/** Binary state encoding of a {@link TopicForest}. */
public final class TopicForestCodec implements StateCodec<TopicForest> {
    @Override public Class<TopicForest> type() { return TopicForest.class; }
    @Override public void write(TopicForest f, DataOutputView out) throws IOException { f.writeTo(out); }
    @Override public TopicForest read(DataInputView in) throws IOException { return TopicForest.readFrom(in); }
    @Override public TopicForest copy(TopicForest f) { return f.copy(); }
}
