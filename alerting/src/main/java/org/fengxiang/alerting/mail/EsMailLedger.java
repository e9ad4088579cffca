package org.fengxiang.alerting.mail;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import co.elastic.clients.elasticsearch._types.ElasticsearchException;
import co.elastic.clients.elasticsearch.core.GetResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.Optional;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.core.Json;

/**
 * A {@link MailLedger} in the Elasticsearch index {@code <prefix>-mail-ledger}: claims are
 * {@code op_type=create} (409 when the key exists), reads are real-time GETs by id.
 */
public final class EsMailLedger implements MailLedger {
    private final ElasticsearchClient client;
    private final String index;
    private final boolean ownsClient;

    /** A ledger over its own client for the settings. */
    public EsMailLedger(EsSettings settings) {
        this(EsClients.create(settings), EsIndices.of(settings).mailLedger(), true);
    }

    /** A ledger over a given client (not closed by {@link #close()}). */
    public EsMailLedger(ElasticsearchClient client, String index) {
        this(client, index, false);
    }

    private EsMailLedger(ElasticsearchClient client, String index, boolean ownsClient) {
        this.client = client;
        this.index = index;
        this.ownsClient = ownsClient;
    }

    @Override
    public Optional<LedgerEntry> get(String key) throws IOException {
        try {
            GetResponse<ObjectNode> r = client.get(g -> g.index(index).id(key), ObjectNode.class);
            if (!r.found() || r.source() == null) return Optional.empty();
            return Optional.of(Json.mapper().treeToValue(r.source(), LedgerEntry.class));
        } catch (ElasticsearchException | IOException e) {
            if (EsClients.statusOf(e) == 404) return Optional.empty();
            throw e;
        }
    }

    @Override
    public java.util.List<LedgerEntry> withStatus(String status) throws IOException {
        client.indices().refresh(r -> r.index(index));
        var r = client.search(s -> s.index(index).size(10_000).query(q -> q.term(t -> t.field("status").value(status)))
                .sort(o -> o.field(f -> f.field("key"))), ObjectNode.class);
        java.util.List<LedgerEntry> out = new java.util.ArrayList<>();
        for (var h : r.hits().hits()) if (h.source() != null) out.add(Json.mapper().treeToValue(h.source(), LedgerEntry.class));
        return out;
    }

    @Override
    public java.util.List<LedgerEntry> sentSince(java.time.Instant since) throws IOException {
        client.indices().refresh(r -> r.index(index));
        var r = client.search(s -> s.index(index).size(10_000)
                .query(q -> q.bool(b -> b.filter(f -> f.term(t -> t.field("status").value(LedgerEntry.SENT)))
                        .filter(f -> f.range(g -> g.date(d -> d.field("sentAt").gte(since.toString()))))))
                .sort(o -> o.field(f -> f.field("key"))), ObjectNode.class);
        java.util.List<LedgerEntry> out = new java.util.ArrayList<>();
        for (var h : r.hits().hits()) if (h.source() != null) out.add(Json.mapper().treeToValue(h.source(), LedgerEntry.class));
        return out;
    }

    @Override
    public boolean claim(LedgerEntry entry) throws IOException {
        try {
            client.create(c -> c.index(index).id(entry.key).document(entry));
            return true;
        } catch (ElasticsearchException | IOException e) {
            if (EsClients.statusOf(e) == 409) return false;
            throw e;
        }
    }

    @Override
    public void record(LedgerEntry entry) throws IOException {
        client.index(i -> i.index(index).id(entry.key).document(entry));
    }

    @Override
    public void close() {
        if (ownsClient) EsClients.close(client);
    }
}
