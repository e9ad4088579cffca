package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.fengxiang.core.Post;
import org.fengxiang.stack.EmbeddedStack;
import org.fengxiang.stack.Service;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The node is stopped mid-run and restarted on the same data: the writer retries through it, no loss, no duplicates. */
class EsNodeRestartTest {
    @TempDir Path tmp;

    static EmbeddedStack node(Path dir, int port) {
        return EmbeddedStack.builder().dataDir(dir).services(Service.ELASTICSEARCH).elasticsearchPort(port).build();
    }

    @Test
    void writerRidesThroughANodeRestart() throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        EmbeddedStack first = node(tmp, port);
        String url = first.start().elasticsearchUrl();
        EsSettings s = EsSettings.of(url);
        s.indexPrefix = "it-restart";
        s.bulk.maxDocs = 100;
        s.bulk.initialBackoffMs = 200;
        s.bulk.maxBackoffMs = 2_000;
        s.bulk.maxRetries = 500; // a generous budget: the outcome must not depend on how fast the node restarts
        ElasticsearchClient client = EsClients.create(s);
        IndexSetup.install(client, s);
        EsClients.close(client);
        List<Post> posts = EsFixtures.posts(1000, "2026-11-20T00:00:00Z", 1);
        AtomicReference<EmbeddedStack> second = new AtomicReference<>();
        try (BulkWriter<Post> w = BulkWriter.create(s, List.of(new PostMapper(EsIndices.of(s))), (i, id, src, st, r) -> {
            throw new AssertionError("rejected " + id + ": " + r);
        })) {
            for (int i = 0; i < 500; i++) w.write(posts.get(i));
            w.flush();
            first.close(); // node down mid-run
            Thread restarter = new Thread(() -> second.set(startAgain(tmp, port)));
            restarter.start();
            for (int i = 500; i < 1000; i++) w.write(posts.get(i)); // blocks in retries until the node is back
            w.flush();
            restarter.join();
            assertThat(w.stats().retried()).isGreaterThan(0);
            for (Post p : posts) w.write(p); // a full replay
            w.flush();
        }
        try {
            ElasticsearchClient c = EsClients.create(s);
            c.indices().refresh(r -> r.index("it-restart-posts"));
            assertThat(c.count(b -> b.index("it-restart-posts")).count()).isEqualTo(1000);
            EsClients.close(c);
        } finally {
            if (second.get() != null) second.get().close();
        }
    }

    private static EmbeddedStack startAgain(Path dir, int port) {
        EmbeddedStack again = node(dir, port);
        again.start();
        return again;
    }
}
