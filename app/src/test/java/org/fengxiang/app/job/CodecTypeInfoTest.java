package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.flink.api.common.serialization.SerializerConfigImpl;
import org.apache.flink.api.common.typeutils.TypeSerializer;
import org.apache.flink.api.common.typeutils.TypeSerializerSnapshot;
import org.apache.flink.core.memory.DataInputDeserializer;
import org.apache.flink.core.memory.DataOutputSerializer;
import org.fengxiang.alerting.rules.SameHourBaseline;
import org.fengxiang.analytics.linking.TopicForest;
import org.junit.jupiter.api.Test;

class CodecTypeInfoTest {
    @Test
    void aSnapshotRestoresItsCodecAsIsAndAnotherCodecOfTheSameStateByMigration() throws Exception {
        TypeSerializerSnapshot<TopicForest.Link> forest = restored(new CodecTypeInfo<>(new ForestStateStore.LinkCodec()));
        TypeSerializerSnapshot<SameHourBaseline> json = restored(CodecTypeInfo.json(SameHourBaseline.class));

        assertThat(new CodecTypeInfo<>(new ForestStateStore.LinkCodec()).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility(forest).isCompatibleAsIs()).isTrue();
        assertThat(CodecTypeInfo.json(SameHourBaseline.class).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility(json).isCompatibleAsIs()).isTrue();
        assertThat(CodecTypeInfo.json(TopicForest.Link.class).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility(forest).isCompatibleAfterMigration()).as("JSON where the binary codec wrote").isTrue();
        assertThat(CodecTypeInfo.json(SameHourBaseline.class).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility((TypeSerializerSnapshot) forest).isIncompatible()).as("another state class").isTrue();

        TypeSerializer<TopicForest.Link> s = forest.restoreSerializer();
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(new TopicForest.Link("根", 10), out);
        assertThat(s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()))).isEqualTo(new TopicForest.Link("根", 10));
    }

    @Test
    void aStreamTargetGetsTheCodecsBytesInOneWriteAndTheBufferNeverLeaksBytesIntoTheNextValue() throws Exception {
        BandBucket.Codec codec = new BandBucket.Codec();
        TypeSerializer<BandBucket> s = new CodecTypeInfo<>(codec).createSerializer(new SerializerConfigImpl());
        BandBucket big = BandBuckets.filled("一个很长的帖子编号_", 30_000, 0, 100_000);
        BandBucket small = BandBuckets.filled("p", 3, 0, 100_000);
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int[] writes = {0};
        java.io.OutputStream counting = new java.io.OutputStream() {
            @Override public void write(int b) { writes[0]++; bytes.write(b); }
            @Override public void write(byte[] b, int off, int len) { writes[0]++; bytes.write(b, off, len); }
        };
        org.apache.flink.core.memory.DataOutputViewStreamWrapper target = new org.apache.flink.core.memory.DataOutputViewStreamWrapper(counting);
        s.serialize(small, target);
        assertThat(writes[0]).as("writes for one value").isEqualTo(1);
        s.serialize(big, target); // over 1 MiB: the thread's buffer is dropped afterwards
        s.serialize(small, target);

        DataOutputSerializer direct = new DataOutputSerializer(64);
        codec.write(small, direct);
        codec.write(big, direct);
        codec.write(small, direct);
        assertThat(direct.length()).isGreaterThan(1 << 20);
        assertThat(bytes.toByteArray()).as("the same bytes as the codec writes").isEqualTo(direct.getCopyOfBuffer());
        DataInputDeserializer in = new DataInputDeserializer(bytes.toByteArray());
        assertThat(s.deserialize(in).size()).isEqualTo(3);
        assertThat(s.deserialize(in).size()).isEqualTo(30_000);
        assertThat(s.deserialize(in).size()).isEqualTo(3);
    }

    private static <T> TypeSerializerSnapshot<T> restored(CodecTypeInfo<T> info) throws Exception {
        TypeSerializerSnapshot<T> snap = info.createSerializer(new SerializerConfigImpl()).snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        snap.writeSnapshot(out);
        CodecTypeInfo.Snapshot<T> read = new CodecTypeInfo.Snapshot<>();
        read.readSnapshot(snap.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()), CodecTypeInfoTest.class.getClassLoader());
        return read;
    }
}
