package org.fengxiang.ingest.publish;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes to a Kafka topic with an idempotent producer (acks=all, lz4, key = post id), so a
 * retried send never duplicates a record within a producer session.
 */
public final class KafkaPostPublisher implements PostPublisher {
    /**
     * A publisher from the shared Kafka settings (bootstrap and client properties, with their
     * environment overrides) and the ingest settings' topic and producer properties.
     */
    public static KafkaPostPublisher of(org.fengxiang.core.KafkaSettings kafka, org.fengxiang.ingest.IngestSettings ingest) {
        Map<String, Object> extra = new HashMap<>();
        kafka.clientProperties().forEach((k, v) -> extra.put(String.valueOf(k), v));
        extra.putAll(ingest.producer);
        return new KafkaPostPublisher(kafka.effectiveBootstrap(), ingest.topic, extra);
    }

    /** Default topic of the input contract. */
    public static final String DEFAULT_TOPIC = "posts";

    private final KafkaProducer<String, String> producer;
    private final String topic;

    /**
     * @param bootstrapServers Kafka bootstrap servers, e.g. {@code 127.0.0.1:9092}
     * @param topic target topic (null or blank: {@code posts})
     * @param extra further producer properties (e.g. security settings); may override the defaults
     */
    public KafkaPostPublisher(String bootstrapServers, String topic, Map<String, Object> extra) {
        if (bootstrapServers == null || bootstrapServers.isBlank()) {
            throw new IllegalArgumentException("Kafka bootstrap servers are required");
        }
        this.topic = topic == null || topic.isBlank() ? DEFAULT_TOPIC : topic;
        this.producer = new KafkaProducer<>(properties(bootstrapServers, extra));
    }

    /** The producer properties used: idempotence, acks=all, lz4, string serialisers, then {@code extra}. */
    public static Map<String, Object> properties(String bootstrapServers, Map<String, Object> extra) {
        Map<String, Object> p = new HashMap<>();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20);
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "fengxiang-ingest");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        if (extra != null) p.putAll(extra);
        return p;
    }

    /** The topic records go to. */
    public String topic() {
        return topic;
    }

    @Override
    public CompletableFuture<PublishAck> publish(String key, String json) {
        CompletableFuture<PublishAck> f = new CompletableFuture<>();
        try {
            producer.send(new ProducerRecord<>(topic, key, json), (meta, error) -> {
                if (error != null) f.completeExceptionally(error);
                else f.complete(new PublishAck(key, meta.partition(), meta.offset()));
            });
        } catch (RuntimeException e) {
            f.completeExceptionally(e);
        }
        return f;
    }

    @Override
    public void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close();
    }
}
