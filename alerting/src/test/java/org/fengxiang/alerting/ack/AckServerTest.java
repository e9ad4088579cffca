package org.fengxiang.alerting.ack;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The acknowledgement endpoint over real HTTP: form on GET, durable acknowledgement on POST, refusals with clear codes. */
class AckServerTest {
    @TempDir Path tmp;
    final TestClock clock = new TestClock(Instant.parse("2026-11-20T06:00:00Z"));
    final AckToken tokens = new AckToken(AckTokenTest.SECRET);
    final HttpClient http = HttpClient.newHttpClient();

    AckServer start() throws Exception {
        FileAckStore store = new FileAckStore(tmp.resolve("acks.jsonl"));
        AckPages pages = new AckPages(ZoneId.of("Asia/Shanghai"));
        return AckServer.start("127.0.0.1", 0, new AckService(tokens, store, null, pages, clock), pages, store);
    }

    HttpResponse<String> get(AckServer s, String pathAndQuery) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + pathAndQuery)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(AckServer s, String form) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void aValidLinkShowsAFormAndThePostRecordsTheAcknowledgementDurably() throws Exception {
        String t = tokens.sign("alert-x-1", 2, clock.instant().plus(Duration.ofHours(24)));
        try (AckServer s = start()) {
            HttpResponse<String> form = get(s, "/ack?t=" + enc(t));
            assertThat(form.statusCode()).isEqualTo(200);
            assertThat(form.headers().firstValue("Content-Type")).hasValue("text/html; charset=utf-8");
            assertThat(form.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(form.body()).contains("<form method=\"post\"", "alert-x-1", "确认已知悉");
            // a GET never acknowledges (mail scanners follow links)
            try (FileAckStore peek = new FileAckStore(tmp.resolve("acks.jsonl"))) {
                assertThat(peek.covering("alert-x-1", 2)).isEmpty();
            }
            HttpResponse<String> done = post(s, "t=" + enc(t) + "&by=" + enc("王<script>值班"));
            assertThat(done.statusCode()).isEqualTo(200);
            assertThat(done.body()).contains("已确认，谢谢", "王&lt;script&gt;值班").doesNotContain("<script>");
            HttpResponse<String> again = post(s, "t=" + enc(t) + "&by=other");
            assertThat(again.statusCode()).isEqualTo(200);
            assertThat(again.body()).contains("此前已被确认", "王&lt;script&gt;值班");
        }
        // after a restart of the endpoint the acknowledgement is still there
        try (AckServer s = start()) {
            assertThat(get(s, "/ack?t=" + enc(t)).body()).contains("此前已被确认");
        }
    }

    @Test
    void tamperedExpiredAndMalformedLinksAreRefusedWithClearPages() throws Exception {
        String t = tokens.sign("alert-x-1", 1, clock.instant().plus(Duration.ofHours(24)));
        String tampered = t.substring(0, t.length() - 2) + (t.endsWith("AA") ? "BB" : "AA");
        try (AckServer s = start()) {
            HttpResponse<String> forged = post(s, "t=" + enc(tampered));
            assertThat(forged.statusCode()).isEqualTo(403);
            assertThat(forged.body()).contains("链接无效");
            assertThat(get(s, "/ack?t=" + enc(tampered)).statusCode()).isEqualTo(403);
            HttpResponse<String> missing = get(s, "/ack");
            assertThat(missing.statusCode()).isEqualTo(400);
            assertThat(missing.body()).contains("请求无效");
            assertThat(get(s, "/ack?t=not-a-token").statusCode()).isEqualTo(400);
            assertThat(get(s, "/elsewhere").statusCode()).isEqualTo(404);
            assertThat(http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + s.port() + "/ack"))
                    .method("DELETE", HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode()).isEqualTo(405);
            assertThat(post(s, "t=" + "x".repeat(9000)).statusCode()).isEqualTo(413);
            assertThat(get(s, "/healthz").body()).isEqualTo("ok\n");
            clock.advance(Duration.ofHours(24));
            HttpResponse<String> expired = post(s, "t=" + enc(t));
            assertThat(expired.statusCode()).isEqualTo(410);
            assertThat(expired.body()).contains("链接已过期");
        }
        try (FileAckStore peek = new FileAckStore(tmp.resolve("acks.jsonl"))) {
            assertThat(peek.covering("alert-x-1", 1)).isEmpty();
        }
    }

    @Test
    void theEndpointIsBoundToLoopbackByDefaultAndStopsCleanly() throws Exception {
        AckSettings settings = new AckSettings();
        settings.port = 0;
        settings.storeFile = tmp.resolve("s/acks.jsonl").toString();
        settings.secretFile = tmp.resolve("s/secret").toString();
        AckServer s = AckServer.start(settings, null, "Asia/Shanghai", java.util.Map.of());
        int port = s.port();
        assertThat(settings.bind).isEqualTo("127.0.0.1");
        assertThat(get(s, "/healthz").statusCode()).isEqualTo(200);
        s.close();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/healthz")).timeout(Duration.ofSeconds(2)).build(),
                HttpResponse.BodyHandlers.ofString())).isInstanceOf(java.io.IOException.class);
    }
}
