package org.fengxiang.stack;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.fengxiang.core.Json;

/**
 * A small client of the Flink REST API (a session cluster's JobManager or a MiniCluster): jar upload and run,
 * job state, vertices and metrics.
 */
public final class FlinkRest {
    private static final Set<String> TERMINAL = Set.of("FINISHED", "FAILED", "CANCELED", "SUSPENDED");
    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** A client of the REST endpoint at {@code baseUrl}, e.g. {@code http://127.0.0.1:8081}. */
    public FlinkRest(String baseUrl) {
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** {@code GET /overview}: task managers, slots, jobs. */
    public JsonNode overview() throws IOException {
        return get("/overview");
    }

    /** {@code GET path} as JSON; throws on a non-2xx answer. */
    public JsonNode get(String path) throws IOException {
        return send(HttpRequest.newBuilder(uri(path)).GET());
    }

    /** Uploads a job jar ({@code POST /jars/upload}) and returns its jar id. */
    public String uploadJar(Path jar) throws IOException {
        String boundary = "----fengxiang" + UUID.randomUUID();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"jarfile\"; filename=\"" + jar.getFileName()
                + "\"\r\nContent-Type: application/x-java-archive\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(jar));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        JsonNode r = send(HttpRequest.newBuilder(uri("/jars/upload"))
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
        String file = r.path("filename").asText();
        return file.substring(file.lastIndexOf('/') + 1);
    }

    /** Runs an uploaded jar ({@code POST /jars/:id/run}) with program arguments and parallelism; returns the job id. */
    public String runJar(String jarId, List<String> programArgs, int parallelism) throws IOException {
        Map<String, Object> req = new LinkedHashMap<>();
        req.put("programArgsList", programArgs);
        if (parallelism > 0) req.put("parallelism", parallelism);
        JsonNode r = send(HttpRequest.newBuilder(uri("/jars/" + jarId + "/run"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(Json.write(req))));
        return r.path("jobid").asText();
    }

    /** The job's state ({@code RUNNING}, {@code FINISHED}, ...). */
    public String jobState(String jobId) throws IOException {
        return get("/jobs/" + jobId).path("state").asText();
    }

    /** Polls until the job reaches a terminal state and returns it; throws when time runs out. */
    public String awaitTerminal(String jobId, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            String state = jobState(jobId);
            if (TERMINAL.contains(state)) return state;
            if (System.nanoTime() > deadline) throw new IOException("job " + jobId + " still " + state + " after " + timeout.toSeconds() + " s");
            Thread.sleep(250);
        }
    }

    /** The root exception of a failed job ({@code GET /jobs/:id/exceptions}), for diagnostics. */
    public String rootException(String jobId) {
        try {
            JsonNode e = get("/jobs/" + jobId + "/exceptions");
            return e.path("exceptionHistory").path("entries").path(0).path("stacktrace").asText(e.toString());
        } catch (IOException e) {
            return "(no exceptions: " + e.getMessage() + ")";
        }
    }

    private URI uri(String path) {
        return URI.create(baseUrl + path);
    }

    private JsonNode send(HttpRequest.Builder request) throws IOException {
        try {
            HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            if (r.statusCode() / 100 != 2) throw new IOException(r.request().method() + " " + r.uri() + ": HTTP " + r.statusCode() + " " + r.body());
            return r.body().isBlank() ? Json.tree("{}") : Json.tree(r.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        }
    }
}
