package org.fengxiang.app.job;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.api.common.serialization.SerializerConfig;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSchemaCompatibility;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fengxiang.core.Json;

/**
 * Explicit type information for plain-Java state objects (detector state machines) serialised as
 * JSON with the project's codec. Used for keyed state only, where the heap backend serialises on
 * checkpoints; records on the wire are POJOs.
 */
public final class JsonTypeInfo<T> extends TypeInformation<T> {
    private final Class<T> type;

    public JsonTypeInfo(Class<T> type) {
        this.type = Objects.requireNonNull(type);
    }

    @Override public boolean isBasicType() { return false; }
    @Override public boolean isTupleType() { return false; }
    @Override public int getArity() { return 1; }
    @Override public int getTotalFields() { return 1; }
    @Override public Class<T> getTypeClass() { return type; }
    @Override public boolean isKeyType() { return false; }

    @Override
    public TypeSerializer<T> createSerializer(SerializerConfig config) {
        return new JsonSerializer<>(type);
    }

    @Override public String toString() { return "Json<" + type.getSimpleName() + ">"; }
    @Override public boolean equals(Object o) { return o instanceof JsonTypeInfo<?> j && j.type.equals(type); }
    @Override public int hashCode() { return type.hashCode(); }
    @Override public boolean canEqual(Object o) { return o instanceof JsonTypeInfo; }

    /** Serialises values as length-prefixed UTF-8 JSON. */
    static final class JsonSerializer<T> extends TypeSerializer<T> {
        private final Class<T> type;

        JsonSerializer(Class<T> type) {
            this.type = type;
        }

        @Override public boolean isImmutableType() { return false; }
        @Override public TypeSerializer<T> duplicate() { return this; }

        @Override
        public T createInstance() {
            try {
                return type.getDeclaredConstructor().newInstance();
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(type + " needs a public no-argument constructor", e);
            }
        }

        @Override public T copy(T from) { return from == null ? null : Json.copy(from, type); }
        @Override public T copy(T from, T reuse) { return copy(from); }
        @Override public int getLength() { return -1; }

        @Override
        public void serialize(T record, DataOutputView target) throws IOException {
            byte[] bytes = Json.mapper().writeValueAsBytes(record);
            target.writeInt(bytes.length);
            target.write(bytes);
        }

        @Override
        public T deserialize(DataInputView source) throws IOException {
            byte[] bytes = new byte[source.readInt()];
            source.readFully(bytes);
            return Json.mapper().readValue(bytes, type);
        }

        @Override public T deserialize(T reuse, DataInputView source) throws IOException { return deserialize(source); }

        @Override
        public void copy(DataInputView source, DataOutputView target) throws IOException {
            int len = source.readInt();
            target.writeInt(len);
            target.write(source, len);
        }

        @Override public boolean equals(Object o) { return o instanceof JsonSerializer<?> s && s.type.equals(type); }
        @Override public int hashCode() { return type.hashCode(); }

        @Override
        public TypeSerializerSnapshot<T> snapshotConfiguration() {
            return new Snapshot<>(type);
        }
    }

    /** Snapshot holding the class name; JSON tolerates added fields, so all versions are compatible. */
    public static final class Snapshot<T> implements TypeSerializerSnapshot<T> {
        private Class<T> type;

        public Snapshot() {}

        Snapshot(Class<T> type) {
            this.type = type;
        }

        @Override public int getCurrentVersion() { return 1; }

        @Override
        public void writeSnapshot(DataOutputView out) throws IOException {
            out.writeUTF(type.getName());
        }

        @Override
        @SuppressWarnings("unchecked")
        public void readSnapshot(int version, DataInputView in, ClassLoader cl) throws IOException {
            try {
                type = (Class<T>) Class.forName(in.readUTF(), false, cl);
            } catch (ClassNotFoundException e) {
                throw new IOException(e);
            }
        }

        @Override public TypeSerializer<T> restoreSerializer() { return new JsonSerializer<>(type); }

        @Override
        public TypeSerializerSchemaCompatibility<T> resolveSchemaCompatibility(TypeSerializerSnapshot<T> old) {
            return old instanceof Snapshot<T> s && s.type.equals(type)
                    ? TypeSerializerSchemaCompatibility.compatibleAsIs()
                    : TypeSerializerSchemaCompatibility.incompatible();
        }
    }
}
