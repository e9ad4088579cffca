package org.fengxiang.app.rerun;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.alerting.es.AlertMapper;
import org.fengxiang.alerting.es.BulkWriter;
import org.fengxiang.alerting.es.DocumentMapper;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IncidentMapper;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.es.PostMapper;
import org.fengxiang.alerting.es.RejectHandler;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;

/**
 * Indexes a rerun's outputs into its own indices ({@code <prefix>-rerun-NAME-posts-*}, …) with the
 * same templates and deterministic ids as the live indices, which it never touches.
 */
public final class RerunIndexer {
    private RerunIndexer() {}

    /** The settings of a rerun's indices. */
    public static EsSettings settingsFor(EsSettings live, String name) {
        EsSettings s = Json.copy(live, EsSettings.class);
        s.indexPrefix = live.indexPrefix + "-rerun-" + Reruns.validate(name);
        return s;
    }

    /** Installs the rerun's templates and indexes its JSONL outputs; returns the aliases written. */
    public static List<String> index(EsSettings rerun, Path dir) throws IOException, InterruptedException {
        ElasticsearchClient client = EsClients.create(rerun);
        try {
            IndexSetup.install(client, rerun);
        } finally {
            EsClients.close(client);
        }
        EsIndices names = EsIndices.of(rerun);
        write(rerun, dir.resolve("posts.jsonl"), Post.class, List.of(new PostMapper(names)));
        write(rerun, dir.resolve("incidents.jsonl"), Incident.class, List.of(new IncidentMapper(names)));
        write(rerun, dir.resolve("alerts.jsonl"), Alert.class, List.of(AlertMapper.latest(names), AlertMapper.transitions(names)));
        return List.of(names.postsAlias(), names.incidentsAlias(), names.alertsAlias(), names.alertTransitionsAlias());
    }

    /** Deletes every index of a rerun (by concrete name: wildcard deletes are refused by default). */
    public static List<String> delete(EsSettings rerun) throws IOException {
        ElasticsearchClient client = EsClients.create(rerun);
        try {
            List<String> indices = new ArrayList<>(client.indices().get(g -> g.index(rerun.indexPrefix + "-*")
                    .ignoreUnavailable(true).allowNoIndices(true)).result().keySet());
            for (String i : indices) client.indices().delete(d -> d.index(i));
            return indices;
        } finally {
            EsClients.close(client);
        }
    }

    private static <T> void write(EsSettings s, Path file, Class<T> type, List<DocumentMapper<T>> mappers)
            throws IOException, InterruptedException {
        if (!Files.isRegularFile(file)) return;
        try (BulkWriter<T> w = BulkWriter.create(s, mappers, RejectHandler.logging());
             BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank()) w.write(Json.read(line, type));
            }
            w.flush();
        }
    }
}
