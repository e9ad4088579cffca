package org.fengxiang.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.fengxiang.core.Config;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.junit.jupiter.api.Test;

class IngestSettingsTest {
    @Test
    void theShippedConfigurationBinds() {
        Config c = Config.load(List.of(Path.of("../config/ingest.yaml")), Map.of("ingest.crawler.allowPrivateAddresses", "true"));
        IngestSettings s = c.section("ingest", IngestSettings.class);
        assertThat(s.topic).isEqualTo("posts");
        assertThat(s.crawler.allowPrivateAddresses).isTrue();
        assertThat(s.crawler.respectRobots).isTrue();
        assertThat(s.crawler.validate().maxRedirects).isEqualTo(5);
    }

    @Test
    void unknownKeysAndBadValuesAreErrors() {
        assertThatThrownBy(() -> Config.fromYaml("ingest:\n  crawler:\n    userAgnt: x\n").section("ingest", IngestSettings.class))
                .hasMessageContaining("userAgnt");
        IngestSettings s = Config.fromYaml("ingest:\n  crawler:\n    requestTimeoutMs: 0\n").section("ingest", IngestSettings.class);
        assertThatThrownBy(s.crawler::validate).hasMessageContaining("requestTimeoutMs");
    }

    @Test
    void kafkaProducerIsIdempotentWithAcksAllAndLz4() {
        Map<String, Object> p = KafkaPostPublisher.properties("127.0.0.1:9092", Map.of("security.protocol", "SSL"));
        assertThat(p).containsEntry(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true).containsEntry(ProducerConfig.ACKS_CONFIG, "all")
                .containsEntry(ProducerConfig.COMPRESSION_TYPE_CONFIG, "lz4").containsEntry("security.protocol", "SSL");
    }
}
