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

/**
 * {@link BulkTransport} over the low-level REST client (the raw NDJSON body, no object model). The
 * response is filtered to what the writer reads (the errors flag, each item's status and error): a full
 * bulk response repeats index, id, version, shard counts and sequence numbers for every document, some
 * 200 bytes each, which Elasticsearch writes and the job reads at every bulk request.
 */
final class RestBulkTransport implements BulkTransport {
    private static final ContentType NDJSON = ContentType.create("application/x-ndjson", StandardCharsets.UTF_8);
    private final RestClient client;

    RestBulkTransport(RestClient client) {
        this.client = client;
    }

    @Override
    public Reply send(byte[] ndjson) throws IOException {
        Request req = new Request("POST", "/_bulk");
        req.addParameter("filter_path", "errors,items.*.status,items.*.error");
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
