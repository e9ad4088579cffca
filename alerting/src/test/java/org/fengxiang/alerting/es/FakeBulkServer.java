package org.fengxiang.alerting.es;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/** An HTTP server answering {@code POST /_bulk} from a {@link FakeTransport} (for Flink wiring tests without a node). */
final class FakeBulkServer implements AutoCloseable {
    final FakeTransport store = new FakeTransport();
    private final HttpServer server;

    FakeBulkServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/_bulk", ex -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            BulkTransport.Reply r;
            synchronized (store) {
                try {
                    r = store.send(in);
                } catch (IOException e) {
                    r = new BulkTransport.Reply(503, "{\"error\":\"down\"}");
                }
            }
            byte[] out = r.body().getBytes(StandardCharsets.UTF_8);
            ex.getResponseHeaders().add("Content-Type", "application/json");
            ex.sendResponseHeaders(r.status(), out.length);
            ex.getResponseBody().write(out);
            ex.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
