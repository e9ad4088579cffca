package org.fengxiang.alerting.es;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apache.flink.api.common.operators.ProcessingTimeService;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.sink2.WriterInitContext;
import org.apache.flink.metrics.Counter;
import org.apache.flink.metrics.groups.SinkWriterMetricGroup;
import org.apache.flink.runtime.metrics.DescriptiveStatisticsHistogram;

/**
 * A Flink Sink V2 writing records to Elasticsearch with {@code _bulk} requests: bounded batches,
 * flushed at least every {@code bulk.flushIntervalMs} and on every checkpoint (at-least-once; deterministic ids make replays idempotent),
 * backpressure instead of unbounded buffering, retries with backoff, permanent rejections to a
 * {@link RejectHandler}. Metrics in group {@code elasticsearch}: {@code docsWritten}, {@code docsStale},
 * {@code docsRetried}, {@code docsRejected}, {@code bulkRequests}, {@code bulkLatencyMs} (histogram).
 */
public final class ElasticsearchSink<T> implements Sink<T> {
    private final EsSettings settings;
    private final List<DocumentMapper<T>> mappers;
    private final RejectHandler rejects;
    private long flushIntervalMs;

    /** One document per record and mapper (e.g. an alert's latest state and its transition). */
    public ElasticsearchSink(EsSettings settings, List<DocumentMapper<T>> mappers, RejectHandler rejects) {
        this.settings = Objects.requireNonNull(settings, "settings").validate();
        this.mappers = new ArrayList<>(mappers);
        this.rejects = rejects == null ? RejectHandler.logging() : rejects;
        if (this.mappers.isEmpty()) throw new IllegalArgumentException("at least one DocumentMapper needed");
        this.flushIntervalMs = this.settings.bulk.flushIntervalMs;
    }

    /** Sends buffered documents at least every {@code ms} instead of {@code bulk.flushIntervalMs} (0 = only when full / at checkpoints); returns this. */
    public ElasticsearchSink<T> flushEvery(long ms) {
        if (ms < 0) throw new IllegalArgumentException("flush interval must be >= 0");
        this.flushIntervalMs = ms;
        return this;
    }

    /** One document per record. */
    public ElasticsearchSink(EsSettings settings, DocumentMapper<T> mapper, RejectHandler rejects) {
        this(settings, List.of(mapper), rejects);
    }

    @Override
    public SinkWriter<T> createWriter(WriterInitContext context) throws IOException {
        rejects.open();
        BulkWriter<T> writer = BulkWriter.create(settings, mappers, rejects);
        register(context.metricGroup(), writer);
        Writer<T> w = new Writer<>(writer, rejects, context.metricGroup().getNumRecordsSendCounter());
        if (flushIntervalMs > 0) w.flushEvery(context.getProcessingTimeService(), flushIntervalMs);
        return w;
    }

    private static void register(SinkWriterMetricGroup group, BulkWriter<?> writer) {
        var g = group.addGroup("elasticsearch");
        BulkStats s = writer.stats();
        g.gauge("docsWritten", s::written);
        g.gauge("docsStale", s::stale);
        g.gauge("docsRetried", s::retried);
        g.gauge("docsRejected", s::rejected);
        g.gauge("bulkRequests", s::bulkRequests);
        g.gauge("bulkFailedRequests", s::failedRequests);
        g.gauge("bulkLatencyLastMs", s::lastBulkMillis);
        DescriptiveStatisticsHistogram h = g.histogram("bulkLatencyMs", new DescriptiveStatisticsHistogram(500));
        writer.onLatency(h::update);
    }

    /** The Flink-facing writer: delegates to the {@link BulkWriter}. */
    private static final class Writer<T> implements SinkWriter<T> {
        private final BulkWriter<T> writer;
        private final RejectHandler rejects;
        private final Counter sent;

        Writer(BulkWriter<T> writer, RejectHandler rejects, Counter sent) {
            this.writer = writer;
            this.rejects = rejects;
            this.sent = sent;
        }

        @Override
        public void write(T element, Context context) throws IOException, InterruptedException {
            writer.write(element);
            sent.inc();
        }

        @Override
        public void flush(boolean endOfInput) throws IOException, InterruptedException {
            writer.flush();
        }

        /** Sends buffered documents every {@code intervalMs} of processing time (on the task's mailbox thread). */
        void flushEvery(ProcessingTimeService time, long intervalMs) {
            time.registerTimer(time.getCurrentProcessingTime() + intervalMs, t -> {
                if (writer.pending() > 0) writer.flush();
                flushEvery(time, intervalMs);
            });
        }

        @Override
        public void close() throws Exception {
            try {
                writer.close();
            } finally {
                rejects.close();
            }
        }
    }
}
