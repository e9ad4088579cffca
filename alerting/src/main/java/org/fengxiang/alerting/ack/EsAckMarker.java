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
 * and, while it still shows that transition, the latest-state document. Each is rewritten with
 * {@code version_type=external_gte} one above its (even) version, so replays of the same transition by
 * the sink become stale and keep the mark, while the next transition (version {@code 2·(sequence+1)})
 * still replaces the latest state. Documents already marked are left alone: idempotent.
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
        if (t != null && unmarked(t.source()) && write(t, ack, Long.MAX_VALUE)) changed++;
        GetResponse<ObjectNode> l = get(names.alertsAlias(), ack.alertId);
        // the next transition is written at version 2·(sequence+1): the mark must stay below it
        if (l != null && l.source().path("sequence").asInt() == ack.sequence && unmarked(l.source())
                && write(l, ack, 2L * (ack.sequence + 1))) {
            changed++;
        }
        return changed;
    }

    /** Rewrites the document with the mark at its version + 1 (if below {@code limit}); false on a lost race. */
    private boolean write(GetResponse<ObjectNode> doc, Acknowledgement ack, long limit) throws IOException {
        if (doc.version() == null || doc.version() + 1 >= limit) return false;
        long version = doc.version() + 1;
        String body = Json.write(marked(doc.source(), ack));
        try {
            client.index(i -> i.index(doc.index()).id(doc.id()).version(version).versionType(VersionType.ExternalGte)
                    .withJson(new StringReader(body)));
            return true;
        } catch (IOException | RuntimeException e) {
            if (EsClients.statusOf(e) == 409) return false; // a newer write arrived meanwhile
            throw e;
        }
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
