package org.fengxiang.stack;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/** Starts the real stack (Kafka, Elasticsearch, SMTP in three JVMs), uses each service, and stops it. */
class EmbeddedStackTest {
    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void startsUsesAndStopsAllThreeServices() throws Exception {
        Path dir = Path.of("target", "it-stack-" + ProcessHandle.current().pid());
        Map<Service, Long> pids;
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(dir).build()) {
            long t0 = System.nanoTime();
            Endpoints e = stack.start();
            System.out.printf("stack started in %d ms: %s%n", (System.nanoTime() - t0) / 1_000_000, e);
            pids = stack.pids();
            assertThat(pids).containsOnlyKeys(Service.values());
            pids.forEach((s, pid) -> System.out.printf("%s pid %d RSS %s%n", s, pid, rss(pid)));
            assertThat(Files.readString(e.dataDir().resolve("endpoints.json"))).contains(e.kafkaBootstrap());

            kafkaRoundTrip(e.kafkaBootstrap());
            elasticsearchRoundTrip(e.elasticsearchUrl());
            mailRoundTrip(e);
            pids.forEach((s, pid) -> System.out.printf("after use: %s RSS %s%n", s, rss(pid)));
        }
        for (long pid : pids.values()) {
            assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).as("pid %d alive", pid).isFalse();
        }
        assertThat(dir.resolve("kafka.pid")).doesNotExist();
        assertThat(dir.resolve("endpoints.json")).doesNotExist();
    }

    private static void kafkaRoundTrip(String bootstrap) {
        assertThat(Topics.ensure(bootstrap, List.of("stack-it"), 2)).containsExactly("stack-it");
        assertThat(Topics.ensure(bootstrap, List.of("stack-it"), 2)).isEmpty();
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>("stack-it", 1, "k", "舆情 hello")).get();
        } catch (Exception ex) {
            throw new AssertionError(ex);
        }
        Properties c = new Properties();
        c.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(c, new StringDeserializer(), new StringDeserializer())) {
            TopicPartition tp = new TopicPartition("stack-it", 1);
            consumer.assign(List.of(tp));
            consumer.seekToBeginning(List.of(tp));
            ConsumerRecord<String, String> got = null;
            for (int i = 0; i < 60 && got == null; i++) {
                var records = consumer.poll(Duration.ofMillis(500));
                if (!records.isEmpty()) got = records.iterator().next();
            }
            assertThat(got).isNotNull();
            assertThat(got.value()).isEqualTo("舆情 hello");
        }
    }

    private void elasticsearchRoundTrip(String url) throws Exception {
        assertThat(send("GET", url + "/", null).body()).contains("\"number\" : \"8.19.21\"");
        assertThat(send("HEAD", url + "/", null).statusCode()).isEqualTo(200);
        HttpResponse<String> template = send("PUT", url + "/_index_template/it-template",
                "{\"index_patterns\":[\"it-*\"],\"template\":{\"settings\":{\"number_of_shards\":1,\"number_of_replicas\":0},"
                + "\"mappings\":{\"properties\":{\"text\":{\"type\":\"text\"},\"n\":{\"type\":\"long\"}}}}}");
        assertThat(template.body()).contains("\"acknowledged\":true");
        HttpResponse<String> put = send("PUT", url + "/it-docs/_doc/1?refresh=true",
                "{\"text\":\"风向 public opinion\",\"n\":1}");
        assertThat(put.statusCode()).isEqualTo(201);
        HttpResponse<String> bulk = sendNdjson(url + "/_bulk?refresh=true",
                "{\"index\":{\"_index\":\"it-docs\",\"_id\":\"2\"}}\n{\"text\":\"second\",\"n\":2}\n"
                + "{\"index\":{\"_index\":\"it-docs\",\"_id\":\"3\"}}\n{\"text\":\"third\",\"n\":3}\n");
        assertThat(bulk.body()).contains("\"errors\":false");
        assertThat(send("GET", url + "/it-docs/_count", null).body()).contains("\"count\":3");
        assertThat(send("GET", url + "/_cluster/health", null).body()).contains("\"status\":\"green\"");
        HttpResponse<String> search = send("POST", url + "/it-docs/_search",
                "{\"query\":{\"match\":{\"text\":\"opinion\"}}}");
        assertThat(search.body()).contains("\"value\":1").contains("风向 public opinion");
    }

    private HttpResponse<String> send(String method, String url, String json) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60));
        if (json == null) b.method(method, HttpRequest.BodyPublishers.noBody());
        else b.header("Content-Type", "application/json").method(method, HttpRequest.BodyPublishers.ofString(json));
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private HttpResponse<String> sendNdjson(String url, String body) throws Exception {
        HttpRequest r = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(60))
                .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(body)).build();
        return http.send(r, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    private static void mailRoundTrip(Endpoints e) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", e.smtpHost());
        p.put("mail.smtp.port", Integer.toString(e.smtpPort()));
        Session session = Session.getInstance(p);
        MimeMessage m = new MimeMessage(session);
        m.setFrom(new InternetAddress("fengxiang@localhost"));
        m.setRecipients(Message.RecipientType.TO, "analyst@example.org, duty@example.org");
        m.setSubject("预警: stack test", "UTF-8");
        m.setText("舆情预警正文", "UTF-8");
        Transport.send(m);
        try (Stream<Path> files = Files.list(e.mailDir())) {
            List<Path> eml = files.filter(f -> f.toString().endsWith(".eml")).toList();
            assertThat(eml).hasSize(1); // one file per message, not per recipient
            String raw = Files.readString(eml.get(0), StandardCharsets.UTF_8);
            assertThat(raw).contains("analyst@example.org").contains("Subject: =?UTF-8?");
        }
        jakarta.mail.Store imap = session.getStore("imap");
        imap.connect(e.smtpHost(), e.imapPort(), "duty@example.org", "any");
        try {
            jakarta.mail.Folder inbox = imap.getFolder("INBOX");
            inbox.open(jakarta.mail.Folder.READ_ONLY);
            assertThat(inbox.getMessageCount()).isEqualTo(1);
            assertThat(inbox.getMessage(1).getSubject()).isEqualTo("预警: stack test");
            inbox.close(false);
        } finally {
            imap.close();
        }
    }

    private static String rss(long pid) {
        try {
            return Files.readAllLines(Path.of("/proc/" + pid + "/status")).stream()
                    .filter(l -> l.startsWith("VmRSS")).findFirst().orElse("?").replaceAll("\\s+", " ");
        } catch (Exception ex) {
            return "?";
        }
    }
}
