package org.fengxiang.app.job;

import java.util.List;
import org.apache.flink.api.connector.sink2.Sink;
import org.fengxiang.alerting.es.AlertMapper;
import org.fengxiang.alerting.es.ElasticsearchSink;
import org.fengxiang.alerting.es.EsIndices;
import org.fengxiang.alerting.es.EsSettings;
import org.fengxiang.alerting.es.IncidentMapper;
import org.fengxiang.alerting.es.PostMapper;
import org.fengxiang.alerting.es.RejectHandler;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Rejected;

/**
 * The sinks of a streaming run: Elasticsearch for posts (early provisional copies, then the final
 * posts), incidents and alerts, plus the dead-letter sink.
 */
public final class DeliverySinks {
    private DeliverySinks() {}

    /** Elasticsearch sinks under the settings' index prefix (reruns use their own prefix). */
    public static PipelineJob.Sinks elasticsearch(EsSettings es, Sink<Rejected> deadLetter, RejectHandler esRejects,
                                                  List<Sink<Alert>> notifiers, Sink<RawRecord> archive) {
        EsIndices names = EsIndices.of(es);
        return new PipelineJob.Sinks(
                new ElasticsearchSink<>(es, new PostMapper(names), esRejects),
                new ElasticsearchSink<>(es, new IncidentMapper(names), esRejects).flushEvery(es.bulk.alertsFlushIntervalMs),
                new ElasticsearchSink<>(es, List.of(AlertMapper.latest(names), AlertMapper.transitions(names)), esRejects)
                        .flushEvery(es.bulk.alertsFlushIntervalMs),
                deadLetter, notifiers, archive, true);
    }
}
