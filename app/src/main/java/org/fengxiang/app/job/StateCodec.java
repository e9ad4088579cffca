package org.fengxiang.app.job;

import java.io.IOException;
import java.io.Serializable;
import org.apache.flink.core.memory.DataInputView;
import org.apache.flink.core.memory.DataOutputView;

/**
 * Binary encoding and deep copy of one keyed-state type, for state that is large or touched on every
 * record: checkpoints write it without JSON, and the heap backend's copy-on-write (taken while a
 * checkpoint is being written) clones arrays instead of round-tripping through a codec. A codec is
 * Java-serialised into the checkpoint's serializer snapshot, so it must stay small and serialisable, and it
 * must be stateless (one instance serves every thread).
 */
public interface StateCodec<T> extends Serializable {
    /** The state class. */
    Class<T> type();

    /** Writes {@code value} (never null). */
    void write(T value, DataOutputView out) throws IOException;

    /** Reads a value written by {@link #write}. */
    T read(DataInputView in) throws IOException;

    /** A copy that shares nothing mutable with {@code value}. */
    T copy(T value);
}
