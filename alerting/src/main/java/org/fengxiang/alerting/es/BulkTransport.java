package org.fengxiang.alerting.es;

import java.io.IOException;

/** Sends one {@code _bulk} body; an {@link IOException} means the connection failed. */
interface BulkTransport extends AutoCloseable {
    /** The HTTP status and response body of {@code POST /_bulk}. */
    Reply send(byte[] ndjson) throws IOException;

    @Override
    void close() throws IOException;

    /** An HTTP reply. */
    record Reply(int status, String body) {}
}
