package org.fengxiang.app.job;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.flink.api.common.serialization.SerializationSchema;
import org.apache.flink.api.common.typeinfo.TypeInformation;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.connector.base.DeliveryGuarantee;
import org.apache.flink.connector.kafka.sink.KafkaRecordSerializationSchema;
import org.apache.flink.connector.kafka.sink.KafkaSink;
import org.apache.flink.connector.kafka.source.KafkaSource;
import org.apache.flink.connector.kafka.source.KafkaSourceBuilder;
import org.apache.flink.connector.kafka.source.enumerator.initializer.OffsetsInitializer;
import org.apache.flink.connector.kafka.source.reader.deserializer.KafkaRecordDeserializationSchema;
import org.apache.flink.util.Collector;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetResetStrategy;
import org.fengxiang.core.Json;
import org.fengxiang.core.KafkaSettings;
import org.fengxiang.core.Rejected;

/** Kafka sources and sinks of the job. */
public final class KafkaIO {
    private KafkaIO() {}

    /** How far the source reads. */
    public enum Range {
        /** Unbounded: from the committed offsets (or the earliest) onwards. */
        UNBOUNDED,
        /** From the committed offsets (or the earliest) to the end offsets at start. */
        TO_CURRENT_END
    }

    /** The posts source. */
    public static KafkaSource<RawRecord> postsSource(KafkaSettings kafka, String bootstrap, String topic, String groupId, Range range) {
        KafkaSourceBuilder<RawRecord> b = KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId(groupId)
                .setStartingOffsets(OffsetsInitializer.committedOffsets(OffsetResetStrategy.EARLIEST))
                .setDeserializer(new RawDeserializer())
                .setProperties(batchedFetches())
                .setProperties(kafka.clientProperties());
        if (range == Range.TO_CURRENT_END) b.setBounded(OffsetsInitializer.latest());
        return b.build();
    }

    /**
     * Fetch defaults of the posts sources (overridden by {@code kafka.properties}): a fetch waits for 64 KB or
     * 100 ms instead of returning each record as it comes, so at a few thousand posts/s the broker and the
     * readers handle tens of fetches a second instead of hundreds, at the cost of at most 100 ms of latency.
     */
    static java.util.Properties batchedFetches() {
        java.util.Properties p = new java.util.Properties();
        p.setProperty("fetch.min.bytes", "65536");
        p.setProperty("fetch.max.wait.ms", "100");
        return p;
    }

    /** A source over the event-time-independent range [fromMillis, toMillis) of Kafka timestamps. */
    public static KafkaSource<RawRecord> rangeSource(KafkaSettings kafka, String bootstrap, String topic, long fromMillis, long toMillis) {
        return KafkaSource.<RawRecord>builder()
                .setBootstrapServers(bootstrap)
                .setTopics(topic)
                .setGroupId("fengxiang-rerun")
                .setStartingOffsets(OffsetsInitializer.timestamp(fromMillis))
                .setBounded(OffsetsInitializer.timestamp(toMillis))
                .setDeserializer(new RawDeserializer())
                .setProperties(batchedFetches())
                .setProperties(kafka.clientProperties())
                .build();
    }

    /** The dead-letter sink: rejected records as JSON on the {@code *.dlq} topic, keyed by post id. */
    public static Sink<Rejected> deadLetterSink(KafkaSettings kafka, String bootstrap, String topic) {
        return KafkaSink.<Rejected>builder()
                .setBootstrapServers(bootstrap)
                .setKafkaProducerConfig(kafka.clientProperties())
                .setDeliveryGuarantee(DeliveryGuarantee.AT_LEAST_ONCE)
                .setRecordSerializer(KafkaRecordSerializationSchema.<Rejected>builder()
                        .setTopic(topic)
                        .setKeySerializationSchema(new RejectedKey())
                        .setValueSerializationSchema(new RejectedJson())
                        .build())
                .build();
    }

    /** The dead letter's key: the post id when known. */
    static final class RejectedKey implements SerializationSchema<Rejected> {
        @Override
        public byte[] serialize(Rejected r) {
            return r.id == null ? null : r.id.getBytes(StandardCharsets.UTF_8);
        }
    }

    /** The dead letter as JSON. */
    static final class RejectedJson implements SerializationSchema<Rejected> {
        @Override
        public byte[] serialize(Rejected r) {
            return Json.write(r).getBytes(StandardCharsets.UTF_8);
        }
    }

    /** Decodes message values strictly as UTF-8; undecodable values carry an error. */
    static final class RawDeserializer implements KafkaRecordDeserializationSchema<RawRecord> {
        @Override
        public void deserialize(ConsumerRecord<byte[], byte[]> record, Collector<RawRecord> out) {
            byte[] v = record.value();
            if (v == null) {
                out.collect(new RawRecord("", 0, "empty message (null value) at " + where(record)));
                return;
            }
            try {
                String s = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                        .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(v)).toString();
                out.collect(new RawRecord(s, 0, null).ingestedAt(Math.max(0, record.timestamp())));
            } catch (CharacterCodingException e) {
                out.collect(new RawRecord(new String(v, StandardCharsets.UTF_8), 0, "message is not valid UTF-8 at " + where(record)));
            }
        }

        private static String where(ConsumerRecord<?, ?> r) {
            return r.topic() + "-" + r.partition() + "@" + r.offset();
        }

        @Override
        public TypeInformation<RawRecord> getProducedType() {
            return TypeInformation.of(RawRecord.class);
        }
    }
}
