package org.fengxiang.stack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Waits over HTTP until the node reports at least yellow cluster health. */
final class ElasticsearchProbe {
    private ElasticsearchProbe() {}

    /** Null when healthy, else the last problem seen. */
    static String awaitHealthy(String baseUrl, Duration timeout) {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        long deadline = System.nanoTime() + timeout.toNanos();
        String last = "no answer";
        while (System.nanoTime() < deadline) {
            try {
                HttpRequest req = HttpRequest.newBuilder(URI.create(baseUrl + "/_cluster/health?wait_for_status=yellow&timeout=10s"))
                        .timeout(Duration.ofSeconds(20)).GET().build();
                HttpResponse<String> r = http.send(req, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200 && !r.body().contains("\"status\":\"red\"")) return null;
                last = "HTTP " + r.statusCode() + ": " + r.body();
            } catch (IOException e) {
                last = e.toString();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return "interrupted";
            }
            ChildProcess.sleep(200);
        }
        return last;
    }
}
