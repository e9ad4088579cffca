package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.runtime.state.StateBackend;
import org.apache.flink.runtime.state.hashmap.HashMapStateBackend;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.fengxiang.analytics.linking.LinkSettings;
import org.fengxiang.analytics.linking.Story;
import org.fengxiang.analytics.linking.StoryMatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The link resolver keeps the whole forest under one key: on the heap it writes it back at every release, under
 * RocksDB it keeps it deserialised (a write-back cache of one key) and writes it back at checkpoints. Either way a link made before a checkpoint
 * resolves a later link's root after a restore.
 */
class TopicResolveFunctionTest {
    private static final long T0 = 1_780_000_000_000L;

    private static KeyedOneInputStreamOperatorTestHarness<String, StoryProbe, TopicAssignment> harness(
            StateBackend backend, OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(
                new OrderedProcessOperator<>(new TopicResolveFunction(new LinkSettings().validate())),
                p -> TopicResolveFunction.KEY, Types.STRING);
        h.setStateBackend(backend);
        h.setup();
        if (restore != null) h.initializeState(restore);
        h.open();
        return h;
    }

    private static StoryProbe link(String story, long seconds, String candidate) {
        StoryProbe p = new StoryProbe(new Story(story, T0 + seconds * 1000, List.of()), null);
        p.match = new StoryMatch();
        p.match.candidateId = candidate;
        p.match.shared = 4;
        p.match.overlap = 0.8;
        return p;
    }

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void linksBeforeACheckpointResolveRootsAfterTheRestore(String backend) throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(backend(backend), null)) {
            h.processElement(link("b", 10, "a"), T0 + 10_000);
            h.processElement(link("c", 20, "b"), T0 + 20_000);
            h.processWatermark(T0 + 30_000);
            assertThat(h.extractOutputValues()).extracting(a -> a.incidentRootId).containsExactly("a", "a");
            snapshot = h.snapshot(1, 1);
            h.processElement(link("x", 40, "w"), T0 + 40_000); // after the checkpoint: lost with the failed run
            h.processWatermark(T0 + 50_000);
        }
        try (var h = harness(backend(backend), snapshot)) {
            h.processElement(link("d", 60, "c"), T0 + 60_000);
            h.processElement(link("y", 61, "x"), T0 + 61_000);
            h.processWatermark(T0 + 70_000);
            assertThat(h.extractOutputValues()).extracting(a -> a.storyId + "->" + a.incidentRootId)
                    .containsExactly("d->a", "y->x");
            OperatorSubtaskState again = h.snapshot(2, 2);
            try (var h2 = harness(backend(backend), again)) {
                h2.processElement(link("e", 80, "d"), T0 + 80_000);
                h2.processWatermark(T0 + 90_000);
                assertThat(h2.extractOutputValues()).extracting(a -> a.incidentRootId).containsExactly("a");
            }
        }
    }

    private static StateBackend backend(String name) {
        return name.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    }
}
