package org.fengxiang.app.job;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.fengxiang.alerting.es.RejectHandler;
import org.fengxiang.core.Json;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Rejected;

/** Sends documents Elasticsearch refused for good to the dead-letter topic, with the reason. */
public final class KafkaRejectHandler implements RejectHandler {
    private final KafkaSettings kafka;
    private final String bootstrap;
    private final String topic;
    private transient KafkaProducer<byte[], byte[]> producer;

    public KafkaRejectHandler(KafkaSettings kafka, String bootstrap, String topic) {
        this.kafka = kafka;
        this.bootstrap = bootstrap;
        this.topic = topic;
    }

    @Override
    public void open() {
        Properties p = kafka.clientProperties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        producer = new KafkaProducer<>(p, new ByteArraySerializer(), new ByteArraySerializer());
    }

    @Override
    public void rejected(String index, String id, String source, int status, String reason) throws IOException {
        if (producer == null) open();
        Rejected r = new Rejected(null, "elasticsearch", index + " status " + status + ": " + reason, id, source);
        try {
            producer.send(new ProducerRecord<>(topic, id == null ? null : id.getBytes(StandardCharsets.UTF_8),
                    Json.write(r).getBytes(StandardCharsets.UTF_8))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException(e);
        } catch (ExecutionException e) {
            throw new IOException("dead-letter topic " + topic + " unavailable", e.getCause());
        }
    }

    @Override
    public void close() {
        if (producer != null) producer.close();
        producer = null;
    }
}
