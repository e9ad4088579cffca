package org.fengxiang.app.job;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.apache.flink.core.memory.DataOutputView;

/** Explicit type information for keyed state encoded by a {@link StateCodec}. */
public final class CodecTypeInfo<T> extends TypeInformation<T> {
    private final StateCodec<T> codec;

    public CodecTypeInfo(StateCodec<T> codec) {
        this.codec = Objects.requireNonNull(codec);
    }

    @Override public boolean isBasicType() { return false; }
    @Override public boolean isTupleType() { return false; }
    @Override public int getArity() { return 1; }
    @Override public int getTotalFields() { return 1; }
    @Override public Class<T> getTypeClass() { return codec.type(); }
    @Override public boolean isKeyType() { return false; }
    @Override public TypeSerializer<T> createSerializer(SerializerConfig config) { return new CodecSerializer<>(codec); }
    @Override public String toString() { return "Codec<" + codec.type().getSimpleName() + ">"; }
    @Override public boolean equals(Object o) { return o instanceof CodecTypeInfo<?> c && c.codec.getClass() == codec.getClass(); }
    @Override public int hashCode() { return codec.getClass().hashCode(); }
    @Override public boolean canEqual(Object o) { return o instanceof CodecTypeInfo; }

    /** Serialises values as a length-prefixed codec record (so records can be skipped and copied as bytes). */
    static final class CodecSerializer<T> extends TypeSerializer<T> {
        private final StateCodec<T> codec;
        private DataOutputSerializer buffer = new DataOutputSerializer(256);

        CodecSerializer(StateCodec<T> codec) {
            this.codec = codec;
        }

        @Override public boolean isImmutableType() { return false; }
        @Override public TypeSerializer<T> duplicate() { return new CodecSerializer<>(codec); }
        @Override public T createInstance() { return null; }
        @Override public T copy(T from) { return from == null ? null : codec.copy(from); }
        @Override public T copy(T from, T reuse) { return copy(from); }
        @Override public int getLength() { return -1; }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            buffer.clear();
            codec.write(record, buffer);
            target.writeInt(buffer.length());
            target.write(buffer.getSharedBuffer(), 0, buffer.length());
            if (buffer.getSharedBuffer().length > 1 << 20) buffer = new DataOutputSerializer(256); // a rare huge value
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            source.readInt();
            return codec.read(source);
        }

        @Override public T deserialize(T reuse, DataInputView source) throws IOException { return deserialize(source); }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            int len = source.readInt();
            target.writeInt(len);
            target.write(source, len);
        }

        @Override public boolean equals(Object o) { return o instanceof CodecSerializer<?> s && s.codec.getClass() == codec.getClass(); }
        @Override public int hashCode() { return codec.getClass().hashCode(); }
        @Override public TypeSerializerSnapshot<T> snapshotConfiguration() { return new Snapshot<>(codec); }
    }

    /** Snapshot holding the codec's class name; a checkpoint restores with the same codec only. */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
        private StateCodec<T> codec;

        public Snapshot() {}

        Snapshot(StateCodec<T> codec) {
            this.codec = codec;
        }

        @Override public int getCurrentVersion() { return 1; }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(codec.getClass().getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int version, DataInputView in, ClassLoader cl) throws IOException {
            try {
                codec = (StateCodec<T>) Class.forName(in.readUTF(), false, cl).getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IOException("cannot re-create the state codec", e);
            }
        }

        @Override public TypeSerializer<T> restoreSerializer() { return new CodecSerializer<>(codec); }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old instanceof Snapshot<T> s && s.codec.getClass() == codec.getClass()
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
