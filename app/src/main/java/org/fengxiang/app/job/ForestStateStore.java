package org.fengxiang.app.job;

import java.io.IOException;
import org.apache.flink.api.common.functions.RuntimeContext;
import org.apache.flink.api.common.state.MapState;
import org.apache.flink.api.common.state.MapStateDescriptor;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.PrimitiveArrayTypeInfo;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.apache.flink.util.FlinkRuntimeException;
import org.apache.flink.util.function.SupplierWithException;
import org.apache.flink.util.function.ThrowingRunnable;
import org.fengxiang.analytics.linking.TopicForest;

/**
 * The link forest in keyed state of the current key: one map entry per link, and the eviction queue as map
 * entries under consecutive sequence numbers between a head and a tail. Under RocksDB each link is its own
 * entry on disk, so the forest of a long surge costs no heap; on the heap backend the entries are the records
 * themselves.
 */
final class ForestStateStore implements TopicForest.Store {
    private final MapState<String, TopicForest.Link> links;
    private final MapState<Long, TopicForest.Entry> queue;
    private final ValueState<long[]> bounds; // {head, tail}: queue entries are at head..tail-1
    private long[] known; // bounds as last read or written (the function has a single key)

    ForestStateStore(RuntimeContext ctx) {
        links = ctx.getMapState(new MapStateDescriptor<>("forest-links", Types.STRING,
                new CodecTypeInfo<>(new LinkCodec())));
        queue = ctx.getMapState(new MapStateDescriptor<>("forest-queue", Types.LONG,
                new CodecTypeInfo<>(new EntryCodec())));
        bounds = ctx.getState(new ValueStateDescriptor<>("forest-bounds", PrimitiveArrayTypeInfo.LONG_PRIMITIVE_ARRAY_TYPE_INFO));
    }

    @Override public TopicForest.Link link(String storyId) { return call(() -> links.get(storyId)); }
    @Override public void putLink(String storyId, TopicForest.Link link) { run(() -> links.put(storyId, link)); }
    @Override public void removeLink(String storyId) { run(() -> links.remove(storyId)); }

    @Override
    public void append(TopicForest.Entry entry) {
        long[] b = bounds();
        run(() -> queue.put(b[1], entry));
        setBounds(b[0], b[1] + 1);
    }

    @Override
    public TopicForest.Entry oldest() {
        long[] b = bounds();
        return b[0] == b[1] ? null : call(() -> queue.get(b[0]));
    }

    @Override
    public void removeOldest() {
        long[] b = bounds();
        if (b[0] == b[1]) return;
        run(() -> queue.remove(b[0]));
        setBounds(b[0] + 1, b[1]);
    }

    @Override
    public long queued() {
        long[] b = bounds();
        return b[1] - b[0];
    }

    private long[] bounds() {
        if (known == null) {
            long[] b = call(bounds::value);
            known = b == null ? new long[2] : b.clone();
        }
        return known;
    }

    private void setBounds(long head, long tail) {
        known = new long[] {head, tail};
        run(() -> bounds.update(known.clone()));
    }

    private static <T> T call(SupplierWithException<T, Exception> c) {
        try {
            return c.get();
        } catch (Exception e) {
            throw new FlinkRuntimeException("link forest state: " + e.getMessage(), e);
        }
    }

    private static void run(ThrowingRunnable<Exception> r) {
        call(() -> {
            r.run();
            return null;
        });
    }

    /** Binary state encoding of a record of an id and an event time. */
    abstract static class IdTimeCodec<T> implements StateCodec<T> {
        abstract String id(T value);

        abstract long time(T value);

        abstract T of(String id, long time);

        @Override public final void write(T value, DataOutputView out) throws IOException {
            out.writeUTF(id(value));
            out.writeLong(time(value));
        }

        @Override public final T read(DataInputView in) throws IOException {
            return of(in.readUTF(), in.readLong());
        }

        @Override public final T copy(T value) {
            return value; // immutable records
        }
    }

    /** Binary state encoding of a {@link TopicForest.Link}. */
    static final class LinkCodec extends IdTimeCodec<TopicForest.Link> {
        @Override public Class<TopicForest.Link> type() { return TopicForest.Link.class; }
        @Override String id(TopicForest.Link l) { return l.root(); }
        @Override long time(TopicForest.Link l) { return l.eventTime(); }
        @Override TopicForest.Link of(String root, long time) { return new TopicForest.Link(root, time); }
    }

    /** Binary state encoding of a {@link TopicForest.Entry}. */
    static final class EntryCodec extends IdTimeCodec<TopicForest.Entry> {
        @Override public Class<TopicForest.Entry> type() { return TopicForest.Entry.class; }
        @Override String id(TopicForest.Entry e) { return e.storyId(); }
        @Override long time(TopicForest.Entry e) { return e.eventTime(); }
        @Override TopicForest.Entry of(String storyId, long time) { return new TopicForest.Entry(storyId, time); }
    }
}
