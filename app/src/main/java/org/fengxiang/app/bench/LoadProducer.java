package org.fengxiang.app.bench;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/**
 * Publishes generated posts to Kafka at a fixed rate (paced every few milliseconds), event time = the wall clock
 * at generation, with an optional incident burst on top. Every {@code probeEvery}-th post is a latency probe: its
 * Kafka acknowledgement time (the post is durably in Kafka) goes to the {@link Probes}.
 */
final class LoadProducer implements AutoCloseable {
    private final KafkaProducer<String, byte[]> producer;
    private final String topic;
    private final PostGenerator generator;
    private final Probes probes;
    private final int probeEvery;
    private final AtomicLong acked = new AtomicLong();
    private final AtomicLong failed = new AtomicLong();
    private long sent;

    /** What one step produced. */
    record Production(long sent, long acked, long failed, long burstPosts, long startMillis, long endMillis, String burstRootId,
                      long burstStartMillis) {
        double ratePerSecond() {
            return endMillis > startMillis ? acked * 1000.0 / (endMillis - startMillis) : 0;
        }
    }

    LoadProducer(String bootstrap, String topic, PostGenerator generator, Probes probes, int probeEvery) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        p.put(ProducerConfig.LINGER_MS_CONFIG, 20); // as the project's own publisher (import, crawl)
        p.put(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4");
        this.producer = new KafkaProducer<>(p, new StringSerializer(), new ByteArraySerializer());
        this.topic = topic;
        this.generator = generator;
        this.probes = probes;
        this.probeEvery = Math.max(1, probeEvery);
    }

    /**
     * Produces {@code rate} background posts per second for {@code duration}, plus the burst if given; probes are
     * labelled with {@code step} (none if it is null).
     */
    Production run(int rate, Duration duration, Burst burst, String step) throws InterruptedException {
        long ackedBefore = acked.get();
        long failedBefore = failed.get();
        long sentBefore = sent;
        long start = System.currentTimeMillis();
        long t0 = System.nanoTime();
        long total = duration.toNanos();
        long background = 0;
        long burstPosts = 0;
        String rootId = null;
        long burstStart = -1;
        while (true) {
            long elapsed = System.nanoTime() - t0;
            if (elapsed >= total) break;
            for (long due = (long) (rate * (elapsed / 1e9)); background < due; background++) {
                send(generator.next(System.currentTimeMillis()), step, true);
            }
            if (burst != null && elapsed >= burst.startSecond() * 1e9) {
                if (rootId == null) {
                    burstStart = System.currentTimeMillis();
                    PostGenerator.Generated root = generator.burstRoot(burstStart);
                    rootId = root.id();
                    send(root, step, false);
                }
                double inBurst = Math.min(burst.seconds(), elapsed / 1e9 - burst.startSecond());
                for (long due = (long) (burst.perSecond() * inBurst); burstPosts < due; burstPosts++) {
                    send(generator.burstRepost(System.currentTimeMillis()), step, false);
                }
            }
            Thread.sleep(2);
        }
        producer.flush();
        return new Production(sent - sentBefore, acked.get() - ackedBefore, failed.get() - failedBefore, burstPosts,
                start, System.currentTimeMillis(), rootId, burstStart);
    }

    private void send(PostGenerator.Generated g, String step, boolean mayProbe) {
        boolean probe = mayProbe && step != null && sent % probeEvery == 0;
        sent++;
        producer.send(new ProducerRecord<>(topic, g.id(), g.json().getBytes(StandardCharsets.UTF_8)), (meta, e) -> {
            if (e != null) {
                failed.incrementAndGet();
                return;
            }
            acked.incrementAndGet();
            if (probe) probes.acked(g.id(), step, System.currentTimeMillis());
        });
    }

    long ackedTotal() {
        return acked.get();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
