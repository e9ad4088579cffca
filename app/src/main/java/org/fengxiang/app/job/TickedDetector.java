package org.fengxiang.app.job;

import java.util.List;

/**
 * The shape of a per-key, event-time detector driven by the job: inputs are buffered, and each
 * event-time tick turns them into outputs in a deterministic order.
 */
interface TickedDetector<I, O> {
    /** Buffers one input. */
    void onInput(I input);

    /** The next event-time tick to register, or -1 when none is needed. */
    long nextTimer();

    /** Applies inputs before {@code time} and returns what to emit at {@code time}. */
    List<O> onTimer(long time);

    /** True when the state may be cleared. */
    boolean finished();
}
