package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.fengxiang.alerting.mail.AlertContext;
import org.fengxiang.alerting.mail.EsAlertContextLookup;
import org.fengxiang.alerting.mail.EsMailLedger;
import org.fengxiang.alerting.mail.LedgerEntry;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Post;
import org.fengxiang.stack.Service;
import org.fengxiang.stack.SharedStack;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Templates, aliases, monthly indices, idempotent replays, retention and the ledger on a real embedded node. */
class EsIntegrationTest {
    static String url;
    static ElasticsearchClient client;

    @BeforeAll
    static void start() {
        url = SharedStack.get(Service.ELASTICSEARCH).elasticsearchUrl();
        client = EsClients.create(EsSettings.of(url));
    }

    @AfterAll
    static void stop() {
        EsClients.close(client);
    }

    static EsSettings settings(String prefix) {
        EsSettings s = EsSettings.of(url);
        s.indexPrefix = prefix;
        s.bulk.maxDocs = 100;
        return s;
    }

    long count(String index) throws IOException {
        client.indices().refresh(r -> r.index(index).allowNoIndices(true).ignoreUnavailable(true));
        return client.count(c -> c.index(index).allowNoIndices(true).ignoreUnavailable(true)).count();
    }

    static <T> BulkStats write(EsSettings s, List<DocumentMapper<T>> mappers, List<T> records, List<String> rejects)
            throws Exception {
        try (BulkWriter<T> w = BulkWriter.create(s, mappers, (i, id, src, status, reason) -> rejects.add(id + ": " + reason))) {
            for (T r : records) w.write(r);
            w.flush();
            return w.stats();
        }
    }

    @Test
    void setupIsIdempotentAndCreatesTemplatesAliasesAndIndices() throws Exception {
        EsSettings s = settings("it-setup");
        List<String> first = IndexSetup.install(client, s);
        List<String> second = IndexSetup.install(client, s);
        assertThat(first).contains("created index it-setup-alerts-v1", "index template it-setup-posts");
        assertThat(second).noneMatch(l -> l.startsWith("created index"));
        assertThat(client.indices().existsIndexTemplate(b -> b.name("it-setup-posts")).value()).isTrue();
        var aliases = client.indices().getAlias(b -> b.name("it-setup-alerts", "it-setup-incidents",
                "it-setup-alert-transitions")).result();
        assertThat(aliases).containsOnlyKeys("it-setup-alerts-v1", "it-setup-incidents-v1", "it-setup-alert-transitions-v1");
        var mapping = client.indices().getMapping(b -> b.index("it-setup-incidents-v1")).result()
                .get("it-setup-incidents-v1").mappings().properties();
        assertThat(mapping.get("title").isText()).isTrue();
        assertThat(mapping.get("title").text().fields()).containsKey("keyword");
        assertThat(mapping.get("keywords").isKeyword()).isTrue();
        assertThat(client.indices().getIndexTemplate(b -> b.name("it-setup-posts")).indexTemplates().get(0)
                .indexTemplate().composedOf()).containsExactly("it-setup-settings", "it-setup-post-mappings");
    }

    @Test
    void postsRollIntoMonthlyIndicesBehindTheAliasAndReplaysDoNotDuplicate() throws Exception {
        EsSettings s = settings("it1");
        IndexSetup.install(client, s);
        List<Post> posts = EsFixtures.posts(120, "2026-10-31T22:00:00Z", 2); // 22:00..01:58, across a month
        List<String> rejects = new ArrayList<>();
        BulkStats st = write(s, List.of(new PostMapper(EsIndices.of(s))), posts, rejects);
        assertThat(rejects).isEmpty();
        assertThat(st.written()).isEqualTo(120);
        assertThat(count("it1-posts")).isEqualTo(120);
        assertThat(count("it1-posts-2026.10")).isEqualTo(60);
        assertThat(count("it1-posts-2026.11")).isEqualTo(60);
        write(s, List.of(new PostMapper(EsIndices.of(s))), posts, rejects);
        assertThat(count("it1-posts")).isEqualTo(120);
        var props = client.indices().getMapping(b -> b.index("it1-posts-2026.11")).result().get("it1-posts-2026.11")
                .mappings().properties();
        assertThat(props.get("text").isText()).isTrue();
        assertThat(props.get("publishedAt").isDate()).isTrue();
        assertThat(props.get("author").object().properties().get("followers").isLong()).isTrue();
    }

    @Test
    void alertsKeepTheLatestStateAndTheirHistoryIdempotently() throws Exception {
        EsSettings s = settings("it2");
        IndexSetup.install(client, s);
        EsIndices n = EsIndices.of(s);
        List<DocumentMapper<Alert>> m = List.of(AlertMapper.latest(n), AlertMapper.transitions(n));
        List<String> rejects = new ArrayList<>();
        write(s, m, List.of(EsFixtures.alert("al-1", 1, "yellow", "open"), EsFixtures.alert("al-1", 2, "red", "escalated")), rejects);
        BulkStats replay = write(s, m, List.of(EsFixtures.alert("al-1", 1, "yellow", "open")), rejects);
        assertThat(rejects).isEmpty();
        assertThat(replay.stale()).isEqualTo(1);
        assertThat(count("it2-alerts")).isEqualTo(1);
        assertThat(count("it2-alert-transitions")).isEqualTo(2);
        var doc = client.get(g -> g.index("it2-alerts").id("al-1"), Map.class).source();
        assertThat(doc).containsEntry("level", "red").containsEntry("sequence", 2).containsEntry("open", true);
    }

    @Test
    void incidentSnapshotsNeverGoBackInTime() throws Exception {
        EsSettings s = settings("it-inc");
        IndexSetup.install(client, s);
        IncidentMapper m = new IncidentMapper(EsIndices.of(s));
        List<String> rejects = new ArrayList<>();
        long t = Instant.parse("2026-11-20T06:00:00Z").toEpochMilli();
        var newer = EsFixtures.incident("inc-9", t + 60_000);
        newer.postCount = 99;
        write(s, List.of(m), List.of(newer), rejects);
        write(s, List.of(m), List.of(EsFixtures.incident("inc-9", t)), rejects);
        var doc = client.get(g -> g.index("it-inc-incidents").id("inc-9"), Map.class).source();
        assertThat(doc).containsEntry("postCount", 99).containsEntry("incidentId", "inc-9");
    }

    @Test
    void mappingErrorsGoToTheRejectHandlerWithTheReason() throws Exception {
        EsSettings s = settings("it-reject");
        IndexSetup.install(client, s);
        List<Post> posts = EsFixtures.posts(3, "2026-11-20T00:00:00Z", 1);
        posts.get(1).publishedAt = "not a date";
        List<String> rejects = new ArrayList<>();
        BulkStats st = write(s, List.of(new PostMapper(EsIndices.of(s))), posts, rejects);
        assertThat(st.written()).isEqualTo(2);
        assertThat(rejects).singleElement().asString().startsWith("weibo:p1: document_parsing_exception");
        assertThat(count("it-reject-posts")).isEqualTo(2);
    }

    @Test
    void retentionDeletesWholeExpiredMonthsOnly() throws Exception {
        EsSettings s = settings("it3");
        IndexSetup.install(client, s);
        List<Post> posts = new ArrayList<>();
        posts.addAll(EsFixtures.posts(3, "2026-01-15T00:00:00Z", 1));
        List<Post> may = EsFixtures.posts(3, "2026-05-20T00:00:00Z", 1);
        may.forEach(p -> p.id = p.id + "-may");
        List<Post> nov = EsFixtures.posts(3, "2026-11-20T00:00:00Z", 1);
        nov.forEach(p -> p.id = p.id + "-nov");
        posts.addAll(may);
        posts.addAll(nov);
        write(s, List.of(new PostMapper(EsIndices.of(s))), posts, new ArrayList<>());
        List<String> deleted = Retention.deleteOlderThan(client, s, Duration.ofDays(180), Instant.parse("2026-11-26T00:00:00Z"));
        assertThat(deleted).containsExactly("it3-posts-2026.01");
        assertThat(count("it3-posts")).isEqualTo(6);
        assertThat(Retention.deleteOlderThan(client, s, Duration.ofDays(180), Instant.parse("2026-11-26T00:00:00Z"))).isEmpty();
        assertThat(client.indices().exists(b -> b.index("it3-incidents-v1")).value()).isTrue();
    }

    @Test
    void alertContextLookupFindsTheIncidentAndItsPosts() throws Exception {
        EsSettings s = settings("it4");
        IndexSetup.install(client, s);
        EsIndices n = EsIndices.of(s);
        List<String> rejects = new ArrayList<>();
        write(s, List.of(new PostMapper(n)), EsFixtures.posts(10, "2026-11-20T00:00:00Z", 1), rejects);
        write(s, List.of(new IncidentMapper(n)), List.of(EsFixtures.incident("inc-0", 1_000L)), rejects);
        count(n.postsAlias()); // refresh: posts are found by search
        EsAlertContextLookup lookup = new EsAlertContextLookup(s);
        try {
            AlertContext ctx = lookup.lookup(EsFixtures.alert("al-5", 1, "red", "open"));
            assertThat(ctx.incident).isNotNull();
            assertThat(ctx.incident.title).startsWith("滨江化工厂");
            assertThat(ctx.origin).isNotNull();
            assertThat(ctx.origin.author.name).isEqualTo("作者0");
            assertThat(ctx.evidence).extracting(p -> p.id).containsExactly("weibo:p0", "weibo:p4");
        } finally {
            lookup.close();
        }
    }

    @Test
    void mailLedgerClaimsOnceAndFindsHeldEntries() throws Exception {
        EsSettings s = settings("it-ledger");
        IndexSetup.install(client, s);
        try (EsMailLedger l = new EsMailLedger(client, EsIndices.of(s).mailLedger())) {
            Alert a = EsFixtures.alert("al-9", 1, "red", "open");
            LedgerEntry e = LedgerEntry.of(a, LedgerEntry.PENDING, "<m@x>", List.of("d@x"), null);
            assertThat(l.claim(e)).isTrue();
            assertThat(l.claim(e)).isFalse();
            assertThat(l.get("al-9#1")).hasValueSatisfying(x -> assertThat(x.status).isEqualTo(LedgerEntry.PENDING));
            l.record(LedgerEntry.of(a, LedgerEntry.SENT, "<m@x>", List.of("d@x"), null));
            assertThat(l.get("al-9#1")).hasValueSatisfying(x -> assertThat(x.done()).isTrue());
            LedgerEntry held = LedgerEntry.of(EsFixtures.alert("al-9", 2, "blue", "deescalated"), LedgerEntry.HELD, "<n@x>",
                    List.of("d@x"), "quiet hours");
            held.alert = "{\"id\":\"al-9\"}";
            l.record(held);
            assertThat(l.withStatus(LedgerEntry.HELD)).extracting(x -> x.key).containsExactly("al-9#2");
            assertThat(l.get("nope#1")).isEmpty();
        }
    }
}
