package org.fengxiang.alerting.es;

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
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.fengxiang.core.Json;

/**
 * Imports saved objects (NDJSON) into Kibana through {@code POST /api/saved_objects/_import?overwrite=true}.
 * Auth from the environment: {@code FENGXIANG_KIBANA_API_KEY} (encoded key), else
 * {@code FENGXIANG_KIBANA_USERNAME} + {@code FENGXIANG_KIBANA_PASSWORD}, else none.
 */
public final class KibanaSetup {
    /** The default saved-objects file. */
    public static final String DEFAULT_FILE = "config/kibana/fengxiang-saved-objects.ndjson";

    private KibanaSetup() {}

    /** The outcome of an import. */
    public record ImportResult(boolean success, int successCount, List<String> errors) {}

    /** Imports the file into Kibana at {@code url} (e.g. {@code http://127.0.0.1:5601}); throws unless it succeeded. */
    public static ImportResult importObjects(String url, Path file) throws IOException, InterruptedException {
        return importObjects(url, file, System.getenv());
    }

    /** As above with an explicit environment. */
    public static ImportResult importObjects(String url, Path file, Map<String, String> env)
            throws IOException, InterruptedException {
        if (url == null || !(url.startsWith("http://") || url.startsWith("https://"))) {
            throw new IllegalArgumentException("Kibana URL must be http(s): " + url);
        }
        String base = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        String boundary = "fengxiang" + Long.toHexString(Files.size(file)) + "b0undary";
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                + file.getFileName().toString().replaceAll("[\"\\r\\n]", "_") + "\"\r\nContent-Type: application/ndjson\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.write(Files.readAllBytes(file));
        body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(base + "/api/saved_objects/_import?overwrite=true"))
                .timeout(Duration.ofSeconds(60))
                .header("kbn-xsrf", "fengxiang")
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        String auth = authorization(env);
        if (auth != null) req.header("Authorization", auth);
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        HttpResponse<String> resp = http.send(req.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        if (resp.statusCode() != 200) {
            throw new IOException("Kibana import failed, HTTP " + resp.statusCode() + ": " + resp.body());
        }
        JsonNode r = Json.tree(resp.body());
        List<String> errors = new ArrayList<>();
        for (JsonNode e : r.path("errors")) {
            errors.add(e.path("type").asText() + "/" + e.path("id").asText() + ": " + e.path("error").path("type").asText()
                    + " " + e.path("error").path("message").asText(""));
        }
        ImportResult result = new ImportResult(r.path("success").asBoolean(false), r.path("successCount").asInt(0), errors);
        if (!result.success()) throw new IOException("Kibana import reported errors: " + errors);
        return result;
    }

    static String authorization(Map<String, String> env) {
        String key = env.get("FENGXIANG_KIBANA_API_KEY");
        if (key != null && !key.isBlank()) return "ApiKey " + key.trim();
        String user = env.get("FENGXIANG_KIBANA_USERNAME");
        if (user == null || user.isBlank()) return null;
        String pw = env.getOrDefault("FENGXIANG_KIBANA_PASSWORD", "");
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + pw).getBytes(StandardCharsets.UTF_8));
    }
}
