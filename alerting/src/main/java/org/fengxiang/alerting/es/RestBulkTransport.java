package org.fengxiang.alerting.es;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.apache.http.util.EntityUtils;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.Response;
import org.elasticsearch.client.ResponseException;
import org.elasticsearch.client.RestClient;

/** {@link BulkTransport} over the low-level REST client (the raw NDJSON body, no object model). */
final class RestBulkTransport implements BulkTransport {
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    private final RestClient client;

    RestBulkTransport(RestClient client) {
        this.client = client;
    }

    @Override
    public Reply send(byte[] ndjson) throws IOException {
        Request req = new Request("POST", "/_bulk");
        req.setEntity(new ByteArrayEntity(ndjson, NDJSON));
        Response resp;
        try {
            resp = client.performRequest(req);
        } catch (ResponseException e) {
            resp = e.getResponse();
        }
        String body = resp.getEntity() == null ? "" : EntityUtils.toString(resp.getEntity(), StandardCharsets.UTF_8);
        return new Reply(resp.getStatusLine().getStatusCode(), body);
    }

    @Override
    public void close() throws IOException {
        client.close();
    }
}
