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
 * The link resolver keeps the forest under one key as map state (one entry per link, plus an eviction queue).
 * On either backend a link made before a checkpoint resolves a later link's root after a restore, and links
 * leave the state with the window.
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

    @ParameterizedTest
    @ValueSource(strings = {"hashmap", "rocksdb"})
    void linksLeaveWithTheWindowAcrossARestore(String backend) throws Exception {
        long window = new LinkSettings().validate().windowMillis() / 1000;
        OperatorSubtaskState snapshot;
        try (var h = harness(backend(backend), null)) {
            for (int i = 0; i < 50; i++) h.processElement(link("b" + i, 10 + i, "a"), T0 + (10 + i) * 1000);
            h.processWatermark(T0 + 100_000);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(backend(backend), snapshot)) {
            h.processElement(link("c", window + 30, "b40"), T0 + (window + 30) * 1000);
            h.processElement(link("d", window + 31, "b10"), T0 + (window + 31) * 1000);
            h.processWatermark(T0 + (window + 40) * 1000);
            assertThat(h.extractOutputValues()).extracting(a -> a.storyId + "->" + a.incidentRootId)
                    .as("b40 is still in the window, b10 left it with its link").containsExactly("c->a", "d->b10");
            OperatorSubtaskState again = h.snapshot(2, 2);
            try (var h2 = harness(backend(backend), again)) {
                h2.processElement(link("e", 2 * window + 100, "c"), T0 + (2 * window + 100) * 1000);
                h2.processElement(link("f", 2 * window + 101, "e"), T0 + (2 * window + 101) * 1000);
                h2.processWatermark(T0 + (2 * window + 200) * 1000);
                assertThat(h2.extractOutputValues()).extracting(a -> a.incidentRootId).containsExactly("c", "c");
            }
        }
    }

    private static StateBackend backend(String name) {
        return name.equals("rocksdb") ? new EmbeddedRocksDBStateBackend() : new HashMapStateBackend();
    }
}
