package org.fengxiang.alerting.ack;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The acknowledgement endpoint over the JDK HTTP server: {@code GET /ack?t=…} shows the confirmation
 * form, {@code POST /ack} (form fields {@code t}, {@code by}) records it, {@code GET /healthz}
 * answers {@code ok}. Bound to {@code mail.ack.bind} (127.0.0.1 by default); {@link #close()} stops it.
 */
public final class AckServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(AckServer.class);
    private static final int MAX_BODY = 8 * 1024;
    private final HttpServer http;
    private final ExecutorService pool;
    private final AckService service;
    private final AckPages pages;
    private final AutoCloseable resources;

    private AckServer(HttpServer http, ExecutorService pool, AckService service, AckPages pages, AutoCloseable resources) {
        this.http = http;
        this.pool = pool;
        this.service = service;
        this.pages = pages;
        this.resources = resources;
    }

    /** Starts the endpoint for the settings: file store, secret from env or file, marks in Elasticsearch when {@code es} is given. */
    public static AckServer start(AckSettings settings, EsSettings es, String zone, Map<String, String> env) throws IOException {
        settings.validate();
        AckToken tokens = new AckToken(AckSecret.resolve(settings, env));
        FileAckStore store = new FileAckStore(settings.storePath());
        var client = es == null ? null : EsClients.create(es);
        EsAckMarker marker = client == null ? null : new EsAckMarker(client, EsIndices.of(es));
        AckPages pages = new AckPages(ZoneId.of(zone));
        AckService service = new AckService(tokens, store, marker, pages, Clock.systemUTC());
        return start(settings.bind, settings.port, service, pages, () -> {
            try {
                store.close();
            } finally {
                EsClients.close(client);
            }
        });
    }

    /** Starts the endpoint over a ready service (tests); {@code resources} are closed with the server. */
    public static AckServer start(String bind, int port, AckService service, AckPages pages, AutoCloseable resources)
            throws IOException {
        HttpServer http = HttpServer.create(new InetSocketAddress(bind, port), 16);
        ExecutorService pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "ack-http");
            t.setDaemon(true);
            return t;
        });
        AckServer s = new AckServer(http, pool, service, pages, resources);
        http.createContext("/", s::handle);
        http.setExecutor(pool);
        http.start();
        LOG.info("acknowledgement endpoint listening on http://{}:{}/ack", bind, s.port());
        return s;
    }

    /** The bound port. */
    public int port() {
        return http.getAddress().getPort();
    }

    private void handle(HttpExchange x) throws IOException {
        try (x) {
            String path = x.getRequestURI().getPath();
            String method = x.getRequestMethod();
            AckService.Answer a;
            if ("/healthz".equals(path)) {
                a = new AckService.Answer(200, "ok\n");
            } else if (!"/ack".equals(path)) {
                a = new AckService.Answer(404, pages.plain("未找到", "没有这个页面。"));
            } else if ("GET".equals(method)) {
                a = service.show(query(x.getRequestURI()).get("t"));
            } else if ("POST".equals(method)) {
                Optional<Map<String, String>> form = form(x);
                a = form.isEmpty() ? new AckService.Answer(413, pages.plain("请求过大", "表单内容过大。"))
                        : service.acknowledge(form.get().get("t"), form.get().get("by"));
            } else {
                x.getResponseHeaders().set("Allow", "GET, POST");
                a = new AckService.Answer(405, pages.plain("方法不允许", "只支持 GET 与 POST。"));
            }
            reply(x, a);
        } catch (IOException | RuntimeException e) {
            LOG.error("acknowledgement request failed", e);
            try {
                reply(x, new AckService.Answer(500, pages.plain("内部错误", "确认未能记录，请稍后重试。")));
            } catch (IOException | RuntimeException ignored) {
                // the response was already under way
            }
        }
    }

    private static void reply(HttpExchange x, AckService.Answer a) throws IOException {
        byte[] body = a.html().getBytes(StandardCharsets.UTF_8);
        var h = x.getResponseHeaders();
        h.set("Content-Type", a.html().startsWith("<!DOCTYPE") ? "text/html; charset=utf-8" : "text/plain; charset=utf-8");
        h.set("Cache-Control", "no-store");
        h.set("X-Content-Type-Options", "nosniff");
        h.set("Referrer-Policy", "no-referrer");
        h.set("X-Frame-Options", "DENY");
        h.set("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        x.sendResponseHeaders(a.status(), body.length);
        try (OutputStream out = x.getResponseBody()) {
            out.write(body);
        }
    }

    private static Optional<Map<String, String>> form(HttpExchange x) throws IOException {
        try (InputStream in = x.getRequestBody()) {
            byte[] b = in.readNBytes(MAX_BODY + 1);
            if (b.length > MAX_BODY) return Optional.empty();
            return Optional.of(params(new String(b, StandardCharsets.UTF_8)));
        }
    }

    static Map<String, String> query(URI uri) {
        return params(uri.getRawQuery());
    }

    /** Decodes {@code a=1&b=2} (first value of a key wins); undecodable pairs are skipped. */
    static Map<String, String> params(String raw) {
        Map<String, String> out = new HashMap<>();
        if (raw == null || raw.isEmpty()) return out;
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            if (eq <= 0) continue;
            try {
                out.putIfAbsent(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            } catch (IllegalArgumentException bad) {
                // a malformed escape: ignore the pair, the token check then reports it missing
            }
        }
        return out;
    }

    /** Stops accepting requests (waits up to a second for running ones) and closes the store. */
    @Override
    public void close() throws Exception {
        http.stop(1);
        pool.shutdown();
        pool.awaitTermination(2, TimeUnit.SECONDS);
        resources.close();
        LOG.info("acknowledgement endpoint stopped");
    }
}
