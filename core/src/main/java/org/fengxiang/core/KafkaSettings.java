package org.fengxiang.core;

import java.io.Serializable;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * Kafka connection settings (configuration section {@code kafka}). The environment variable
 * {@code FENGXIANG_KAFKA_BOOTSTRAP} overrides {@link #bootstrapServers}; secrets (SASL passwords)
 * belong in {@code FENGXIANG_KAFKA_SASL_JAAS_CONFIG}, never in files.
 */
public class KafkaSettings implements Serializable {
    /** Bootstrap servers; empty means the embedded broker. */
    public String bootstrapServers = "";
    /** Extra client properties (security.protocol, sasl.mechanism, ...). */
    public Map<String, String> properties = new LinkedHashMap<>();
    /** Partitions for topics the project creates. */
    public int partitions = 2;

    /** The bootstrap servers after the environment override, or empty. */
    public String effectiveBootstrap() {
        String env = System.getenv("FENGXIANG_KAFKA_BOOTSTRAP");
        return env != null && !env.isBlank() ? env : bootstrapServers;
    }

    /** Client properties including the secret from the environment. */
    public Properties clientProperties() {
        Properties p = new Properties();
        p.putAll(properties);
        String jaas = System.getenv("FENGXIANG_KAFKA_SASL_JAAS_CONFIG");
        if (jaas != null && !jaas.isBlank()) p.put("sasl.jaas.config", jaas);
        return p;
    }
}
