package org.fengxiang.app.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.fengxiang.alerting.ack.AckServer;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.OfflineRun;
import org.fengxiang.app.job.RawArchive;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.Json;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.ingest.FileImporter;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.SharedStack;
import org.fengxiang.stack.Topics;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** File → Kafka → Flink → Elasticsearch + e-mail on the real embedded stack, then a replay of the same data. */
class EndToEndTest {
    @TempDir Path tmp;

    @Test
    void postsIncidentsAlertsAndMailsLandOnceEvenWhenReplayed() throws Exception {
        Endpoints ep = SharedStack.get();
        Path input = tmp.resolve("posts.jsonl");
        int valid = writeBurst(input);

        Config cfg = Config.fromYaml("kafka: {partitions: 2}\nelasticsearch: {indexPrefix: e2e}\n");
        Components components = Components.from(cfg);
        EsSettings es = cfg.section("elasticsearch", EsSettings.class);
        es.urls = List.of(ep.elasticsearchUrl());
        es.validate();
        MailSettings mail = new MailSettings();
        mail.host = ep.smtpHost();
        mail.port = ep.smtpPort();
        mail.recipients.put("red", List.of("duty@localhost"));
        mail.recipients.put("orange", List.of("duty@localhost"));
        mail.recipients.put("yellow", List.of("duty@localhost"));
        mail.recipients.put("blue", List.of("duty@localhost"));
        mail.ledgerFile = tmp.resolve("ledger.jsonl").toString();
        mail.ack.storeFile = tmp.resolve("ack/acks.jsonl").toString();
        mail.ack.secretFile = tmp.resolve("ack/secret").toString();
        mail.ack.port = 0;
        mail.validate();
        AckServer ackServer = AckServer.start(mail.ack, es, mail.zone, java.util.Map.of());
        mail.ack.baseUrl = "http://127.0.0.1:" + ackServer.port();
        KafkaSettings kafka = cfg.section("kafka", KafkaSettings.class);
        ElasticsearchClient setup = EsClients.create(es);
        try {
            IndexSetup.install(setup, es);
        } finally {
            EsClients.close(setup);
        }
        Topics.ensure(ep.kafkaBootstrap(), List.of("posts", "posts.dlq"), 2);
        try (KafkaPostPublisher pub = new KafkaPostPublisher(ep.kafkaBootstrap(), "posts", java.util.Map.of())) {
            FileImporter.Result r = new FileImporter(pub).importFile(input);
            assertThat(r.published()).isEqualTo(valid + 3);
        }
        long mailsBefore = emls(ep.mailDir());
        StreamingRun.Plan plan = new StreamingRun.Plan(components, kafka, ep.kafkaBootstrap(), es, mail, tmp.resolve("var"),
                2, KafkaIO.Range.TO_CURRENT_END, "Asia/Shanghai");
        StreamingRun.build(plan).execute("e2e-1");

        ElasticsearchClient client = EsClients.create(es);
        try {
            EsIndices names = EsIndices.of(es);
            client.indices().refresh(r -> r.index("e2e-*"));
            assertThat(client.count(c -> c.index(names.postsAlias())).count()).isEqualTo(valid);
            assertThat(client.count(c -> c.index(names.postsAlias()).query(q -> q.exists(e -> e.field("provisional"))))
                    .count()).as("early copies are stored as the final document they will be, unmarked").isZero();
            long alerts = client.count(c -> c.index(names.alertsAlias())).count();
            assertThat(alerts).isGreaterThanOrEqualTo(1);
            assertThat(client.count(c -> c.index(names.incidentsAlias())).count()).isGreaterThanOrEqualTo(1);
            var hit = client.search(s -> s.index(names.postsAlias()).query(q -> q.ids(i -> i.values("e2e:0"))), java.util.Map.class)
                    .hits().hits().get(0).source();
            assertThat(hit.get("text").toString()).doesNotContain("13812345678").contains("138****5678");
            assertThat(hit.get("incidentId")).isNotNull();
            long mails = emls(ep.mailDir()) - mailsBefore;
            assertThat(mails).isGreaterThanOrEqualTo(1);
            assertThat(deadLetters(ep.kafkaBootstrap())).hasSize(3)
                    .allSatisfy(r -> assertThat(Json.tree(r).get("reason").asText()).isNotBlank());

            // Replay the same topic from the start with a fresh consumer group: same documents, no new e-mail.
            // (The live run committed its offsets to its own group; reusing that group would replay only a tail
            // whose length depends on when the last offset commit landed.)
            Components replay = Components.from(Config.fromYaml(
                    "kafka: {partitions: 2}\nelasticsearch: {indexPrefix: e2e}\npipeline: {consumerGroup: e2e-replay}\n"));
            StreamingRun.build(new StreamingRun.Plan(replay, kafka, ep.kafkaBootstrap(), es, mail, tmp.resolve("var2"),
                    1, KafkaIO.Range.TO_CURRENT_END, "Asia/Shanghai")).execute("e2e-2");
            client.indices().refresh(r -> r.index("e2e-*"));
            assertThat(client.count(c -> c.index(names.postsAlias())).count()).isEqualTo(valid);
            StringBuilder why = new StringBuilder("alert transitions after the replay:");
            client.search(s -> s.index(names.alertTransitionsAlias()).size(100), java.util.Map.class).hits().hits()
                    .forEach(h -> why.append("\n  ").append(key(Json.mapper().convertValue(h.source(), org.fengxiang.core.Alert.class))));
            deadLetters(ep.kafkaBootstrap()).forEach(d -> why.append("\n  dead letter: ").append(d, 0, Math.min(d.length(), 200)));
            assertThat(client.count(c -> c.index(names.alertsAlias())).count()).as(why.toString()).isEqualTo(alerts);
            Thread.sleep(1000);
            assertThat(emls(ep.mailDir()) - mailsBefore).isEqualTo(mails);

            // A rerun from the raw archive the live run wrote reproduces the live alert transitions exactly.
            Path out = tmp.resolve("rerun");
            var archive = RawArchive.source(tmp.resolve("var/archive").toUri().toString(),
                    java.time.LocalDate.of(2026, 3, 4), java.time.LocalDate.of(2026, 3, 6));
            OfflineRun.Summary rerun = OfflineRun.run(archive, out, 2, components.enrichment(), components.detection(),
                    components.pipeline(), Long.MIN_VALUE, Long.MAX_VALUE);
            assertThat(rerun.posts()).isEqualTo(valid);
            java.util.Set<String> live = new java.util.TreeSet<>();
            client.search(s -> s.index(names.alertTransitionsAlias()).size(1000), java.util.Map.class).hits().hits()
                    .forEach(h -> live.add(key(Json.mapper().convertValue(h.source(), org.fengxiang.core.Alert.class))));
            java.util.Set<String> replayed = new java.util.TreeSet<>();
            for (String l : Files.readAllLines(out.resolve("alerts.jsonl"))) replayed.add(key(Json.read(l, org.fengxiang.core.Alert.class)));
            assertThat(replayed).isNotEmpty().isEqualTo(live);

            // The duty officer acknowledges through the link in a received e-mail: marked on the alert document.
            acknowledgeThroughAMail(ep.mailDir(), mail.ack.baseUrl, client, names);
        } finally {
            EsClients.close(client);
            ackServer.close();
        }
    }

    private static void acknowledgeThroughAMail(Path mailDir, String ackBase, ElasticsearchClient client, EsIndices names)
            throws Exception {
        java.util.regex.Pattern link = java.util.regex.Pattern.compile(java.util.regex.Pattern.quote(ackBase) + "/ack\\?t=\\S+");
        String alertId = null;
        String url = null;
        int sequence = 0;
        try (Stream<Path> s = Files.list(mailDir)) {
            for (Path f : s.filter(p -> p.toString().endsWith(".eml")).sorted().toList()) {
                jakarta.mail.internet.MimeMessage m;
                try (var in = Files.newInputStream(f)) {
                    m = new jakarta.mail.internet.MimeMessage((jakarta.mail.Session) null, in);
                }
                if (m.getHeader("X-Fengxiang-Alert") == null || !(m.getContent() instanceof jakarta.mail.internet.MimeMultipart mp)) continue;
                var x = link.matcher((String) mp.getBodyPart(0).getContent());
                int seq = Integer.parseInt(m.getHeader("X-Fengxiang-Sequence")[0]);
                if (x.find() && seq > sequence) { // the latest transition: the one the latest-state document shows
                    alertId = m.getHeader("X-Fengxiang-Alert")[0];
                    sequence = seq;
                    url = x.group();
                }
            }
        }
        assertThat(url).as("an alert e-mail with an acknowledgement link").isNotNull();
        var http = java.net.http.HttpClient.newHttpClient();
        var form = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(url)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(form.statusCode()).isEqualTo(200);
        String token = url.substring(url.indexOf("?t=") + 3);
        var done = http.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(ackBase + "/ack"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("t=" + token + "&by=e2e")).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(done.statusCode()).isEqualTo(200);
        String id = alertId;
        var doc = client.get(g -> g.index(names.alertsAlias()).id(id), java.util.Map.class).source();
        assertThat(doc).containsKey("acknowledgedAt").containsEntry("sequence", sequence);
        String tid = alertId + "#" + sequence;
        assertThat(client.get(g -> g.index(names.alertTransitionsAlias()).id(tid), java.util.Map.class).source())
                .containsEntry("acknowledgedBy", "e2e");
    }

    /** A root post, 80 reposts by distinct authors within 20 minutes, background posts and 3 bad lines. */
    private static int writeBurst(Path file) throws Exception {
        OffsetDateTime t0 = OffsetDateTime.of(2026, 3, 5, 9, 0, 0, 0, ZoneOffset.ofHours(8));
        List<String> lines = new ArrayList<>();
        lines.add(post("e2e:0", t0, null, "u0", "临江化工厂今晨排放刺鼻气体，周边居民头晕呕吐，联系电话13812345678，要求彻查！"));
        for (int i = 1; i <= 80; i++) {
            lines.add(post("e2e:" + i, t0.plusSeconds(15L * i), "e2e:0", "u" + i, i % 4 == 0 ? "太可怕了，必须严查 #临江化工厂#" : ""));
        }
        for (int i = 0; i < 10; i++) lines.add(post("bg:" + i, t0.plusMinutes(7L * i), null, "b" + i, "今天天气不错，周末去公园散步" + i));
        // Arrival in event-time order (disorder beyond 60 s would rightly be dead-lettered as late).
        lines.sort(java.util.Comparator.comparing(l -> OffsetDateTime.parse(Json.tree(l).get("publishedAt").asText())));
        int valid = lines.size();
        lines.add("{broken json");
        lines.add("{\"id\":\"x1\",\"source\":\"t\",\"text\":\"a\",\"publishedAt\":\"yesterday\"}");
        lines.add("{\"id\":\"x2\",\"source\":\"t\",\"publishedAt\":\"2026-03-05T09:00:00+08:00\"}");
        Files.write(file, lines, StandardCharsets.UTF_8);
        return valid;
    }

    private static String post(String id, OffsetDateTime at, String root, String author, String text) {
        return Json.write(java.util.Map.of("id", id, "source", "e2e", "channel", "microblog", "text", text,
                "publishedAt", at.toString(), "repostOf", root == null ? "" : root, "parentId", root == null ? "" : root,
                "author", java.util.Map.of("id", author, "followers", 1000)));
    }

    private static String key(org.fengxiang.core.Alert a) {
        return a.id + "#" + a.sequence + " " + a.level + " " + a.status + " @" + a.detectedAtMillis;
    }

    private static long emls(Path dir) throws Exception {
        if (!Files.isDirectory(dir)) return 0;
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> p.toString().endsWith(".eml")).count();
        }
    }

    private static List<String> deadLetters(String bootstrap) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, "e2e-dlq-check-" + System.nanoTime());
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        List<String> out = new ArrayList<>();
        try (KafkaConsumer<String, String> c = new KafkaConsumer<>(p, new StringDeserializer(), new StringDeserializer())) {
            c.subscribe(List.of("posts.dlq"));
            long deadline = System.currentTimeMillis() + 15_000;
            boolean quiet = false;
            while (System.currentTimeMillis() < deadline && !(quiet && out.size() >= 3)) {
                int before = out.size();
                for (ConsumerRecord<String, String> r : c.poll(Duration.ofMillis(1000))) out.add(r.value());
                quiet = out.size() == before;
            }
        }
        return out;
    }
}
