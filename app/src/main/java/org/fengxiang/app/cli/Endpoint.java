package org.fengxiang.app.cli;

import java.util.List;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.StackControl;
import org.fengxiang.stack.StackSettings;

/**
 * Resolves where Kafka and Elasticsearch are: configuration or environment first, else the
 * embedded stack started with {@code fengxiang stack up}.
 */
final class Endpoint {
    private Endpoint() {}

    static String kafka(Config cfg) {
        String b = cfg.section("kafka", KafkaSettings.class).effectiveBootstrap();
        if (b != null && !b.isBlank()) return b;
        return embedded(cfg).kafkaBootstrap();
    }

    static EsSettings elasticsearch(Config cfg) {
        EsSettings es = cfg.section("elasticsearch", EsSettings.class);
        String env = System.getenv("FENGXIANG_ES_URLS");
        if (env != null && !env.isBlank()) es.urls = List.of(env.split(","));
        else if (cfg.get("elasticsearch.urls") == null || isDefault(es)) {
            Endpoints e = StackControl.status(cfg.section("stack", StackSettings.class).resolvedDataDir()).endpoints();
            if (e != null && e.elasticsearchUrl() != null) es.urls = List.of(e.elasticsearchUrl());
        }
        return es.validate();
    }

    static Endpoints embedded(Config cfg) {
        StackSettings s = cfg.section("stack", StackSettings.class);
        var st = StackControl.status(s.resolvedDataDir());
        if (!st.running() || st.endpoints() == null) {
            throw new IllegalArgumentException("no Kafka configured (kafka.bootstrapServers or FENGXIANG_KAFKA_BOOTSTRAP) and the embedded stack is not running: start it with ./fengxiang stack up");
        }
        return st.endpoints();
    }

    private static boolean isDefault(EsSettings es) {
        return es.urls.equals(List.of("http://127.0.0.1:9200"));
    }
}
