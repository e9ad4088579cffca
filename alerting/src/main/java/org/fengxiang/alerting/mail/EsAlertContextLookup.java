package org.fengxiang.alerting.mail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch.core.search.Hit;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.fengxiang.core.Json;
import org.fengxiang.core.Post;

/**
 * Looks up an alert's incident (real-time GET through the incidents alias) and its origin and
 * evidence posts (a search through the posts alias: near-real-time, so posts indexed within the
 * last refresh interval may be missing) through the Fengxiang aliases.
 */
public final class EsAlertContextLookup implements AlertContextLookup {
    private final EsSettings settings;
    private transient ElasticsearchClient client;

    public EsAlertContextLookup(EsSettings settings) {
        this.settings = settings;
    }

    @Override
    public AlertContext lookup(Alert a) throws IOException {
        EsIndices names = EsIndices.of(settings);
        Incident incident = null;
        if (a.incidentId != null) {
            if (client == null) client = EsClients.create(settings);
            try {
                var r = client.get(g -> g.index(names.incidentsAlias()).id(a.incidentId), ObjectNode.class);
                if (r.found() && r.source() != null) incident = Json.mapper().treeToValue(r.source(), Incident.class);
            } catch (IOException | RuntimeException e) {
                if (EsClients.statusOf(e) != 404) throw e;
            }
        }
        Set<String> ids = new LinkedHashSet<>();
        if (a.originPostId != null) ids.add(a.originPostId);
        if (a.evidencePostIds != null) a.evidencePostIds.stream().limit(8).forEach(ids::add);
        Map<String, Post> posts = new LinkedHashMap<>();
        for (ObjectNode n : byIds(names.postsAlias(), new ArrayList<>(ids))) {
            Post p = Json.mapper().treeToValue(n, Post.class);
            posts.put(p.id, p);
        }
        List<Post> evidence = new ArrayList<>();
        if (a.evidencePostIds != null) {
            for (String id : a.evidencePostIds) if (posts.containsKey(id)) evidence.add(posts.get(id));
        }
        return new AlertContext(incident, posts.get(a.originPostId), evidence);
    }

    private List<ObjectNode> byIds(String alias, List<String> ids) throws IOException {
        if (ids.isEmpty()) return List.of();
        if (client == null) client = EsClients.create(settings);
        var r = client.search(s -> s.index(alias).allowNoIndices(true).ignoreUnavailable(true)
                .size(ids.size()).query(q -> q.ids(i -> i.values(ids))), ObjectNode.class);
        List<ObjectNode> out = new ArrayList<>();
        for (Hit<ObjectNode> h : r.hits().hits()) if (h.source() != null) out.add(h.source());
        return out;
    }

    @Override
    public void close() {
        EsClients.close(client);
        client = null;
    }
}
