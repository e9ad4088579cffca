package org.fengxiang.stack;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Properties;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Rough throughput of the embedded Kafka and Elasticsearch JVMs under given JVM options (not a test).
 * Usage: {@code StackThroughputBench DIR [JVM-OPTION...]}: 3 x 100k Kafka records (acks=all, lz4), 3 x 10k-doc _bulk.
 */
public final class StackThroughputBench {
    private StackThroughputBench() {}

    public static void main(String[] args) throws Exception {
        List<String> opts = Arrays.asList(args).subList(1, args.length);
        try (EmbeddedStack stack = EmbeddedStack.builder().dataDir(Path.of(args[0])).services(Service.KAFKA, Service.ELASTICSEARCH)
                .jvmOptions(opts).build()) {
            Endpoints e = stack.start();
            Topics.ensure(e.kafkaBootstrap(), List.of("bench"), 2);
            Properties p = new Properties();
            p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, e.kafkaBootstrap());
            p.put(ProducerConfig.ACKS_CONFIG, "all");
            p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
            p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
            String value = "{\"id\":\"%d\",\"text\":\"某地出现舆情事件, people discuss it widely on the platform today\",\"n\":%d}";
            try (KafkaProducer<String, String> prod = new KafkaProducer<>(p, new StringSerializer(), new StringSerializer())) {
                for (int round = 0; round < 3; round++) {
                    long t0 = System.nanoTime();
                    for (int i = 0; i < 100_000; i++) prod.send(new ProducerRecord<>("bench", Integer.toString(i), String.format(value, i, i)));
                    prod.flush();
                    System.out.printf("opts %s kafka round %d: 100k records in %.2f s%n", opts, round, (System.nanoTime() - t0) / 1e9);
                }
            }
            HttpClient http = HttpClient.newHttpClient();
            for (int round = 0; round < 3; round++) {
                StringBuilder b = new StringBuilder();
                for (int i = 0; i < 10_000; i++) {
                    b.append("{\"index\":{\"_index\":\"bench\",\"_id\":\"").append(round).append('-').append(i).append("\"}}\n")
                            .append(String.format(value, i, i)).append('\n');
                }
                long t0 = System.nanoTime();
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(e.elasticsearchUrl() + "/_bulk"))
                        .header("Content-Type", "application/x-ndjson").POST(HttpRequest.BodyPublishers.ofString(b.toString())).build(),
                        HttpResponse.BodyHandlers.ofString());
                System.out.printf("opts %s es round %d: 10k docs bulk in %.2f s (HTTP %d, errors=%s)%n", opts, round,
                        (System.nanoTime() - t0) / 1e9, r.statusCode(), r.body().contains("\"errors\":true"));
            }
            stack.pids().forEach((s, pid) -> System.out.printf("opts %s RSS %s %d MiB%n", opts, s.id(), StackStartupBench.rssMb(pid)));
        }
    }
}
