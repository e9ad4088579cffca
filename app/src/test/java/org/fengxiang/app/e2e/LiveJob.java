package org.fengxiang.app.e2e;

import co.elastic.clients.elasticsearch.ElasticsearchClient;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.flink.core.execution.JobClient;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.fengxiang.alerting.es.EsClients;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IndexSetup;
import org.fengxiang.alerting.mail.MailSettings;
import org.fengxiang.app.job.Components;
import org.fengxiang.app.job.KafkaIO;
import org.fengxiang.app.job.StreamingRun;
import org.fengxiang.core.Config;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.ingest.publish.KafkaPostPublisher;
import org.fengxiang.stack.Endpoints;
import org.fengxiang.stack.SharedStack;

/** The live streaming job (parallelism 1, no e-mail) on the shared embedded stack, with its own topics and indices. */
final class LiveJob implements AutoCloseable {
    final Endpoints endpoints;
    final ElasticsearchClient client;
    final EsIndices names;
    private final JobClient job;

    private LiveJob(Endpoints endpoints, ElasticsearchClient client, EsIndices names, JobClient job) {
        this.endpoints = endpoints;
        this.client = client;
        this.names = names;
        this.job = job;
    }

    /** Installs the index templates and starts the unbounded job over the configuration {@code yaml}. */
    static LiveJob start(Path work, String yaml) throws Exception {
        Endpoints ep = SharedStack.get();
        Config cfg = Config.fromYaml(yaml);
        EsSettings es = cfg.section("elasticsearch", EsSettings.class);
        es.urls = List.of(ep.elasticsearchUrl());
        es.validate();
        MailSettings mail = new MailSettings();
        mail.enabled = false;
        ElasticsearchClient client = EsClients.create(es);
        try {
            IndexSetup.install(client, es);
            JobClient job = StreamingRun.start(new StreamingRun.Plan(Components.from(cfg), cfg.section("kafka", KafkaSettings.class),
                    ep.kafkaBootstrap(), es, mail, work.resolve("var"), 1, KafkaIO.Range.UNBOUNDED, "Asia/Shanghai"));
            return new LiveJob(ep, client, EsIndices.of(es), job);
        } catch (Exception | Error e) {
            EsClients.close(client);
            throw e;
        }
    }

    /** A producer to the shared Kafka. */
    KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(KafkaPostPublisher.properties(endpoints.kafkaBootstrap(), Map.of()));
    }

    @Override
    public void close() throws Exception {
        try {
            job.cancel().get();
        } finally {
            EsClients.close(client);
        }
    }
}
