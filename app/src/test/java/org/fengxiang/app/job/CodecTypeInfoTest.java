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

    private static <T> TypeSerializerSnapshot<T> restored(CodecTypeInfo<T> info) throws Exception {
        TypeSerializerSnapshot<T> snap = info.createSerializer(new SerializerConfigImpl()).snapshotConfiguration();
        DataOutputSerializer out = new DataOutputSerializer(64);
        snap.writeSnapshot(out);
        CodecTypeInfo.Snapshot<T> read = new CodecTypeInfo.Snapshot<>();
        read.readSnapshot(snap.getCurrentVersion(), new DataInputDeserializer(out.getCopyOfBuffer()), CodecTypeInfoTest.class.getClassLoader());
        return read;
    }
}
