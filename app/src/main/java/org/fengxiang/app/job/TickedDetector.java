package org.fengxiang.app.job;

import java.io.Serializable;
import java.util.List;

/**
 * Drives a per-key, event-time detector whose state {@code D} is a plain Java object: inputs may
 * emit at once, and each event-time tick turns buffered inputs into outputs in a deterministic
 * order. The driver holds the settings; the state does not (it is re-attached after a restore).
 */
public interface TickedDetector<D, I, O> extends Serializable {
    /** The state class. */
    Class<D> stateType();

    /** The state's encoding in checkpoints, under RocksDB and for copies (default: JSON of its public fields). */
    default StateCodec<D> stateCodec() {
        return new JsonCodec<>(stateType());
    }

    /** A fresh state for a new key. */
    D create(String key);

    /** Re-attaches settings to a state restored from a checkpoint. */
    D attach(D restored);

    /** The part of an input that {@link #onInput} reads, for holding inputs cheaply before they are applied (default: all of it). */
    default I compact(I input) {
        return input;
    }

    /** Applies one input; returns what to emit at once. */
    List<O> onInput(D state, I input);

    /** The next event-time tick to register, or -1 when none is needed. */
    long nextTimer(D state);

    /** Returns what to emit at {@code time}. */
    List<O> onTimer(D state, long time);

    /** True when the state may be cleared. */
    boolean finished(D state);

    /** Estimated heap bytes of a state, for bounding caches of deserialised states (default: a small state). */
    default long weight(D state) {
        return 1024;
    }
}
