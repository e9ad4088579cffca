package org.fengxiang.app.job;

import java.io.IOException;
import org.apache.flink.api.common.typeutils.SimpleTypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.api.common.typeutils.base.TypeSerializerSingleton;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Serializer of a held element (key, key group, event time, serialised element) for operator list state.
 * Held elements are immutable, so the state backend's copy at snapshot time copies references, not bytes.
 */
public final class HeldSerializer extends TypeSerializerSingleton<HeldElements.Held> {
    private static final long serialVersionUID = 1L;
    static final HeldSerializer INSTANCE = new HeldSerializer();

    @Override public boolean isImmutableType() { return true; }
    @Override public HeldElements.Held createInstance() { return null; }
    @Override public HeldElements.Held copy(HeldElements.Held from) { return from; }
    @Override public HeldElements.Held copy(HeldElements.Held from, HeldElements.Held reuse) { return from; }
    @Override public int getLength() { return -1; }

    @Override
    public void serialize(HeldElements.Held h, DataOutputView out) throws IOException {
        out.writeInt(h.keyGroup());
        HeldElements.writeOne(h, out);
    }

    @Override
    public HeldElements.Held deserialize(DataInputView in) throws IOException {
        return HeldElements.readOne(in.readInt(), in);
    }

    @Override
    public HeldElements.Held deserialize(HeldElements.Held reuse, DataInputView in) throws IOException {
        return deserialize(in);
    }

    @Override
    public void copy(DataInputView in, DataOutputView out) throws IOException {
        serialize(deserialize(in), out);
    }

    @Override
    public TypeSerializerSnapshot<HeldElements.Held> snapshotConfiguration() {
        return new Snapshot();
    }

    /** Snapshot of the (stateless) serializer. */
    public static final class Snapshot extends SimpleTypeSerializerSnapshot<HeldElements.Held> {
        public Snapshot() {
            super(() -> INSTANCE);
        }
    }
}
