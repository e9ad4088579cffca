package org.fengxiang.alerting.ack;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.VersionType;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.StringReader;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.core.Json;

/**
 * Marks an acknowledgement on the alert documents: the transition document {@code alertId#sequence}
 * and, while it still shows that transition, the latest-state document (rewritten with
 * {@code version_type=external_gte} at its own version, so the sink's sequence guard is unchanged and
 * a newer transition is never overwritten). Documents already marked are left alone: idempotent.
 */
public final class EsAckMarker {
    private final ElasticsearchClient client;
    private final EsIndices names;

    public EsAckMarker(ElasticsearchClient client, EsIndices names) {
        this.client = client;
        this.names = names;
    }

    /** Marks what exists; returns how many documents were changed (0 when already marked or absent). */
    public int mark(Acknowledgement ack) throws IOException {
        int changed = 0;
        GetResponse<ObjectNode> t = get(names.alertTransitionsAlias(), ack.alertId + "#" + ack.sequence);
        if (t != null && unmarked(t.source())) {
            String body = Json.write(marked(t.source(), ack));
            client.index(i -> i.index(t.index()).id(t.id()).withJson(new StringReader(body)));
            changed++;
        }
        GetResponse<ObjectNode> l = get(names.alertsAlias(), ack.alertId);
        if (l != null && l.source().path("sequence").asInt() == ack.sequence && unmarked(l.source()) && l.version() != null) {
            String body = Json.write(marked(l.source(), ack));
            long version = l.version();
            try {
                client.index(i -> i.index(l.index()).id(l.id()).version(version).versionType(VersionType.ExternalGte)
                        .withJson(new StringReader(body)));
                changed++;
            } catch (IOException | RuntimeException e) {
                if (EsClients.statusOf(e) != 409) throw e; // 409: a newer transition arrived meanwhile
            }
        }
        return changed;
    }

    private GetResponse<ObjectNode> get(String alias, String id) throws IOException {
        try {
            GetResponse<ObjectNode> r = client.get(g -> g.index(alias).id(id), ObjectNode.class);
            return r.found() && r.source() != null ? r : null;
        } catch (IOException | RuntimeException e) {
            if (EsClients.statusOf(e) == 404) return null;
            throw e;
        }
    }

    private static boolean unmarked(ObjectNode doc) {
        return !doc.hasNonNull("acknowledgedAt");
    }

    private static ObjectNode marked(ObjectNode doc, Acknowledgement ack) {
        ObjectNode n = doc.deepCopy();
        n.put("acknowledgedAt", ack.acknowledgedAt);
        n.put("acknowledgedBy", ack.acknowledgedBy);
        n.put("acknowledgedSequence", ack.sequence);
        return n;
    }
}
