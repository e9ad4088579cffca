package org.fengxiang.alerting.es;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.http.entity.ByteArrayEntity;
import org.apache.http.entity.ContentType;
import org.elasticsearch.client.Request;
import org.elasticsearch.client.RestClient;
import org.fengxiang.core.Post;
import org.fengxiang.stack.EmbeddedStack;
import org.fengxiang.stack.Service;

/**
 * Bench main: indexing N posts through the sink's {@link BulkWriter} beside a bare {@code _bulk} of the
 * same pre-serialised documents, on an embedded node. Args: [N=50000] [batch=1000].
 */
public final class EsSinkBench {
    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 50_000;
        int batch = args.length > 1 ? Integer.parseInt(args[1]) : 1_000;
        Path dir = Files.createTempDirectory("es-bench");
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(dir).services(Service.ELASTICSEARCH).build()) {
            String url = stack.start().elasticsearchUrl();
            List<Post> posts = EsFixtures.posts(n, "2026-11-01T00:00:00Z", 0);
            for (int i = 0; i < n; i++) posts.get(i).id = "bench:" + i;
            for (String prefix : List.of("warm", "bare", "sink", "bare2", "sink2")) {
                EsSettings s = EsSettings.of(url);
                s.indexPrefix = prefix;
                s.bulk.maxDocs = batch;
                s.bulk.maxBytes = 64L * 1024 * 1024;
                var client = EsClients.create(s);
                IndexSetup.install(client, s);
                EsClients.close(client);
                long t0 = System.nanoTime();
                if (prefix.startsWith("bare") || prefix.equals("warm")) bare(s, posts, batch);
                else sink(s, posts);
                double secs = (System.nanoTime() - t0) / 1e9;
                System.out.printf("%-6s %d docs in %.2f s = %.0f docs/s%n", prefix, n, secs, n / secs);
            }
        }
    }

    static void sink(EsSettings s, List<Post> posts) throws Exception {
        try (BulkWriter<Post> w = BulkWriter.create(s, List.of(new PostMapper(EsIndices.of(s))), RejectHandler.logging())) {
            for (Post p : posts) w.write(p);
            w.flush();
            System.out.println("  sink stats: " + w.stats());
        }
    }

    /** Pre-serialised bodies (serialisation not timed), sent one after another. */
    static void bare(EsSettings s, List<Post> posts, int batch) throws Exception {
        PostMapper m = new PostMapper(EsIndices.of(s));
        List<byte[]> bodies = new ArrayList<>();
        ByteArrayOutputStream cur = new ByteArrayOutputStream();
        int inBatch = 0;
        for (Post p : posts) {
            cur.write(BulkItem.of(m, p).bytes);
            if (++inBatch == batch) {
                bodies.add(cur.toByteArray());
                cur.reset();
                inBatch = 0;
            }
        }
        if (inBatch > 0) bodies.add(cur.toByteArray());
        long t0 = System.nanoTime();
        try (RestClient rest = EsClients.restClient(s, Map.of())) {
            for (byte[] b : bodies) {
                Request r = new Request("POST", "/_bulk");
                r.setEntity(new ByteArrayEntity(b, ContentType.create("application/x-ndjson")));
                rest.performRequest(r);
            }
        }
        System.out.printf("  bare send only: %.2f s%n", (System.nanoTime() - t0) / 1e9);
    }
}
