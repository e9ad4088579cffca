package org.fengxiang.alerting.es;

import java.io.Serializable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Receives documents Elasticsearch rejected permanently (mapping errors, other 4xx), with the reason.
 * Called on the sink's task thread; {@link #open()} and {@link #close()} bracket the writer's life.
 */
public interface RejectHandler extends Serializable {
    /** One permanently rejected document. */
    void rejected(String index, String id, String source, int status, String reason) throws java.io.IOException;

    /** Called once when the writer starts. */
    default void open() throws java.io.IOException {}

    /** Called once when the writer closes. */
    default void close() throws java.io.IOException {}

    /** Logs every rejection at ERROR level (the default when nothing is wired). */
    static RejectHandler logging() {
        return new LoggingRejectHandler();
    }

    /** The logging handler. */
    final class LoggingRejectHandler implements RejectHandler {
        private static final Logger LOG = LoggerFactory.getLogger(RejectHandler.class);

        @Override
        public void rejected(String index, String id, String source, int status, String reason) {
            LOG.error("Elasticsearch rejected {}/{} (status {}): {}", index, id, status, reason);
        }
    }
}
