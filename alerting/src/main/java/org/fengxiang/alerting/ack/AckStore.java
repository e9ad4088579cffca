package org.fengxiang.alerting.ack;

import java.io.IOException;
import java.time.Instant;
import java.util.Optional;

/** Durable acknowledgements of alerts. */
public interface AckStore extends AutoCloseable {
    /** The acknowledgement covering the transition {@code alertId#sequence}, if any. */
    Optional<Acknowledgement> covering(String alertId, int sequence) throws IOException;

    /**
     * Records an acknowledgement unless one already covers the transition (then that one is returned
     * and nothing is written): idempotent.
     */
    Acknowledgement acknowledge(String alertId, int sequence, String by, Instant at) throws IOException;

    @Override
    void close() throws IOException;
}
