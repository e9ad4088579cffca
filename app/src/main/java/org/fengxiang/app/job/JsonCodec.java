package org.fengxiang.app.job;

import java.io.IOException;
import java.util.Objects;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;
import org.fengxiang.core.Json;

/**
 * State encoded as length-prefixed UTF-8 JSON with the project's codec: for plain-Java state objects with
 * public fields (detector state machines), which tolerate added fields. Copies go through JSON too.
 */
public final class JsonCodec<T> implements StateCodec<T> {
    private final Class<T> type;

    public JsonCodec(Class<T> type) {
        this.type = Objects.requireNonNull(type);
    }

    @Override public Class<T> type() { return type; }
    @Override public T copy(T value) { return Json.copy(value, type); }

    @Override
    public void write(T value, DataOutputView out) throws IOException {
        byte[] bytes = Json.mapper().writeValueAsBytes(value);
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    @Override
    public T read(DataInputView in) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return Json.mapper().readValue(bytes, type);
    }
}
