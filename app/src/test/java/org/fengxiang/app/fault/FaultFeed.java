package org.fengxiang.app.fault;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.fengxiang.core.Json;
import org.fengxiang.ingest.publish.KafkaPostPublisher;

/**
 * Publishes posts to a two-partition topic at a steady rate from a background thread, like a live source: record
 * {@code i} of a batch goes to partition {@code i % 2} (so each partition stays in event-time order), keyed by post
 * id, through the same idempotent producer settings as the importer, patient enough (5 min) to ride out a broker
 * restart. Every send must be acknowledged in the end.
 */
final class FaultFeed implements AutoCloseable {
    private final KafkaProducer<String, String> producer;
    private final String topic;
    private final ConcurrentLinkedQueue<Exception> errors = new ConcurrentLinkedQueue<>();
    private volatile long sent;

    FaultFeed(String bootstrap, String topic) {
        this.topic = topic;
        this.producer = new KafkaProducer<>(KafkaPostPublisher.properties(bootstrap, Map.of(
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000, ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 20_000, ProducerConfig.CLIENT_ID_CONFIG, "fault-feed")));
    }

    /** Sends the lines at {@code perSecond} in the background; the future completes once all are acknowledged. */
    CompletableFuture<Void> send(List<String> lines, int perSecond) {
        return CompletableFuture.runAsync(() -> {
            long t0 = System.nanoTime();
            for (int i = 0; i < lines.size(); i++) {
                long due = t0 + i * 1_000_000_000L / perSecond;
                long wait = due - System.nanoTime();
                if (wait > 0) sleep(wait / 1_000_000);
                String line = lines.get(i);
                producer.send(new ProducerRecord<>(topic, i % 2, Json.tree(line).get("id").asText(), line), (m, e) -> {
                    if (e != null) errors.add(e);
                });
                sent++;
            }
            producer.flush();
            if (!errors.isEmpty()) throw new IllegalStateException("unacknowledged sends: " + errors.peek(), errors.peek());
        });
    }

    /** Records sent so far (handed to the producer). */
    long sent() {
        return sent;
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close(java.time.Duration.ofSeconds(10));
    }
}
