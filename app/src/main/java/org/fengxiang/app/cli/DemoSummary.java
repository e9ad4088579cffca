package org.fengxiang.app.cli;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.core.Alert;
import org.fengxiang.stack.Endpoints;

/** Prints what a demo run left behind: documents per index, alerts per level, e-mails, where to look. */
final class DemoSummary {
    private DemoSummary() {}

    static void print(ElasticsearchClient es, EsIndices names, Endpoints ep, Path work, String dlqTopic, double seconds)
            throws IOException, InterruptedException {
        es.indices().refresh(r -> r.index(names.prefix() + "-*"));
        long posts = count(es, names.postsAlias());
        long incidents = count(es, names.incidentsAlias());
        long emls = waitForMail(ep.mailDir(), 1, 15_000);
        System.out.println();
        System.out.println("══ Fengxiang demo summary (" + String.format("%.0f", seconds) + " s) ══");
        System.out.printf("posts indexed:    %d  (%s)%n", posts, names.postsAlias());
        System.out.printf("incidents:        %d  (%s)%n", incidents, names.incidentsAlias());
        StringBuilder levels = new StringBuilder();
        long alerts = 0;
        for (String level : List.of(Alert.RED, Alert.ORANGE, Alert.YELLOW, Alert.BLUE)) {
            long n = es.count(c -> c.index(names.alertsAlias()).query(q -> q.term(t -> t.field("level").value(level)))).count();
            alerts += n;
            levels.append(level).append('=').append(n).append(' ');
        }
        System.out.printf("alerts:           %d  (%s)%n", alerts, levels.toString().trim());
        System.out.printf("e-mails sent:     %d  (saved as .eml under %s)%n", emls, ep.mailDir());
        System.out.printf("dead letters:     Kafka topic %s%n", dlqTopic);
        System.out.println("where to look:");
        System.out.println("  - the e-mails: " + ep.mailDir() + "/*.eml (open in any mail client)");
        System.out.println("  - Elasticsearch was at " + ep.elasticsearchUrl() + " (stopped now; run `./fengxiang stack up`,");
        System.out.println("    then `./fengxiang import FILE` and `./fengxiang run` to keep it running)");
        System.out.println("  - Kibana: point it at Elasticsearch and import config/kibana/fengxiang-saved-objects.ndjson");
        System.out.println("    with `./fengxiang setup kibana --url http://localhost:5601` (data views for the three aliases)");
        System.out.println("  - logs: " + work.resolve("logs") + " and var/logs/fengxiang.log");
        if (emls == 0) throw new IllegalStateException("the demo sent no alert e-mail: see var/logs/fengxiang.log");
    }

    private static long count(ElasticsearchClient es, String index) throws IOException {
        return es.count(c -> c.index(index)).count();
    }

    static long waitForMail(Path dir, long atLeast, long timeoutMillis) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        while (true) {
            long n = 0;
            if (Files.isDirectory(dir)) {
                try (Stream<Path> s = Files.list(dir)) {
                    n = s.filter(p -> p.toString().endsWith(".eml")).count();
                }
            }
            if (n >= atLeast || System.nanoTime() > deadline) return n;
            Thread.sleep(250);
        }
    }
}
