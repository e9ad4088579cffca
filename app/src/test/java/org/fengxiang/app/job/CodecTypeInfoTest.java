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
    void aSnapshotRestoresItsCodecAndAcceptsOnlyTheSameCodecForTheSameState() throws Exception {
        TypeSerializerSnapshot<TopicForest> forest = restored(new CodecTypeInfo<>(new TopicForestCodec()));
        TypeSerializerSnapshot<SameHourBaseline> json = restored(CodecTypeInfo.json(SameHourBaseline.class));

        assertThat(new CodecTypeInfo<>(new TopicForestCodec()).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility(forest).isCompatibleAsIs()).isTrue();
        assertThat(CodecTypeInfo.json(SameHourBaseline.class).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility(json).isCompatibleAsIs()).isTrue();
        assertThat(CodecTypeInfo.json(TopicForest.class).createSerializer(new SerializerConfigImpl()).snapshotConfiguration()
                .resolveSchemaCompatibility(forest).isIncompatible()).as("JSON where the binary codec wrote").isTrue();

        TypeSerializer<TopicForest> s = forest.restoreSerializer();
        TopicForest f = new TopicForest();
        f.link("b", 10, "a", 1000);
        DataOutputSerializer out = new DataOutputSerializer(64);
        s.serialize(f, out);
        TopicForest back = s.deserialize(new DataInputDeserializer(out.getCopyOfBuffer()));
        assertThat(back.link("c", 20, "b", 1000)).isEqualTo("a");
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
