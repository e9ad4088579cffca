package org.fengxiang.app.fault;

import java.time.Duration;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/** Bounded waits for eventual outcomes (never timing assertions). */
final class Await {
    private Await() {}

    /** Polls every second until the condition holds; fails after the timeout with the description of the last state. */
    static void until(Duration timeout, Supplier<String> state, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            boolean ok;
            try {
                ok = condition.getAsBoolean();
            } catch (RuntimeException e) {
                ok = false; // a service that is still coming back
            }
            if (ok) return;
            if (System.nanoTime() > deadline) throw new AssertionError("not reached within " + timeout + ": " + state.get());
            Thread.sleep(1000);
        }
    }

    /** Seconds since {@code t0} (for reports). */
    static long secondsSince(long t0) {
        return (System.nanoTime() - t0) / 1_000_000_000L;
    }
}
