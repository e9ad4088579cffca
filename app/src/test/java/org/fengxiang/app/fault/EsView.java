package org.fengxiang.app.fault;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Json;

/** What a fault test's run left in Elasticsearch, read through the product's own index names. */
final class EsView implements AutoCloseable {
    private final EsSettings settings;
    private final EsIndices names;
    private ElasticsearchClient client;

    EsView(String url, String indexPrefix) {
        settings = EsSettings.of(url);
        settings.indexPrefix = indexPrefix;
        settings.validate();
        names = EsIndices.of(settings);
    }

    private ElasticsearchClient client() {
        if (client == null) client = EsClients.create(settings);
        return client;
    }

    /** Documents behind the posts alias (-1 while the node or the index is not there). */
    long posts() {
        try {
            client().indices().refresh(r -> r.index(settings.indexPrefix + "-*"));
            return client().count(c -> c.index(names.postsAlias())).count();
        } catch (IOException | RuntimeException e) {
            reset();
            return -1;
        }
    }

    /** How many of the given ids have a post document (each id is one document: ids are deterministic). */
    long postsWithIds(Collection<String> ids) throws IOException {
        client().indices().refresh(r -> r.index(settings.indexPrefix + "-*"));
        List<String> values = List.copyOf(ids);
        return client().count(c -> c.index(names.postsAlias()).query(q -> q.ids(i -> i.values(values)))).count();
    }

    /**
     * The fields de-duplication and incident linking settle ({@link #settledKey}) of the given posts' documents, by id:
     * an early copy the job did not rewrite must already hold its post's final values.
     */
    Map<String, String> settled(Collection<String> ids) {
        List<String> values = List.copyOf(ids);
        Map<String, String> out = new java.util.TreeMap<>();
        try {
            client().indices().refresh(r -> r.index(settings.indexPrefix + "-*"));
            client().search(s -> s.index(names.postsAlias()).size(10_000).query(q -> q.ids(i -> i.values(values))), Map.class)
                    .hits().hits().forEach(h -> out.put(h.id(),
                            settledKey(h.source().get("dupOf"), h.source().get("incidentId"), h.source().get("incidentRootId"))));
        } catch (IOException | RuntimeException e) {
            reset();
        }
        return out;
    }

    /** The comparison key of a post's settled fields. */
    static String settledKey(Object dupOf, Object incidentId, Object incidentRootId) {
        return "dupOf=" + dupOf + " incident=" + incidentId + " root=" + incidentRootId;
    }

    /** Every alert transition document as {@code id#sequence level status @detectedAt} (empty while unreachable). */
    Set<String> transitions() {
        return transitions(false);
    }

    /** The early warnings' keys (speculative, timing-dependent: not part of the confirmed outcome). */
    Set<String> earlyWarnings() {
        return transitions(true);
    }

    private Set<String> transitions(boolean early) {
        Set<String> out = new TreeSet<>();
        try {
            client().indices().refresh(r -> r.index(settings.indexPrefix + "-*"));
            client().search(s -> s.index(names.alertTransitionsAlias()).size(10_000), Map.class).hits().hits().stream()
                    .map(h -> Json.mapper().convertValue(h.source(), Alert.class))
                    .filter(a -> Alert.isEarlyWarning(a.status) == early)
                    .forEach(a -> out.add(key(a)));
        } catch (IOException | RuntimeException e) {
            reset();
        }
        return out;
    }

    /** The mail ledger's entries as key ({@code alertId#sequence}) → status (empty while unreachable). */
    Map<String, String> ledger() {
        Map<String, String> out = new java.util.TreeMap<>();
        try {
            client().indices().refresh(r -> r.index(names.mailLedger()));
            client().search(s -> s.index(names.mailLedger()).size(10_000), Map.class).hits().hits()
                    .forEach(h -> out.put(h.id(), String.valueOf(h.source().get("status"))));
        } catch (IOException | RuntimeException e) {
            reset();
        }
        return out;
    }

    /** The comparison key of a transition. */
    static String key(Alert a) {
        return a.id + "#" + a.sequence + " " + a.level + " " + a.status + " @" + a.detectedAtMillis;
    }

    private void reset() {
        if (client != null) EsClients.close(client);
        client = null;
    }

    @Override
    public void close() {
        reset();
    }
}
