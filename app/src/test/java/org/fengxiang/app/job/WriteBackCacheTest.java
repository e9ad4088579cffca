package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.configuration.Configuration;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.state.rocksdb.EmbeddedRocksDBStateBackend;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.apache.flink.util.Collector;
import org.junit.jupiter.api.Test;

/**
 * Under RocksDB, a keyed count kept in a write-back cache of two keys (so most accesses evict and write back)
 * counts like plain state, across checkpoints and restores, and a cleared key starts again from nothing; bounded
 * by bytes instead (each count weighing its value in MiB, the budget a job parameter), it stays within its budget
 * and still counts right.
 */
class WriteBackCacheTest {
    /** Counts elements per key; "reset" clears the key's count. */
    static final class Counting extends KeyedProcessFunction<String, String, String> implements WriteBackProcessOperator.Cached {
        private final int keys;
        private final long bytes;
        private transient WriteBackCache<Long> cache;
        boolean cached;
        final List<String> overBudget = new ArrayList<>();

        Counting(int keys, long bytes) {
            this.keys = keys;
            this.bytes = bytes;
        }

        @Override
        public void open(OpenContext ctx) {
            // each count weighs its value in MiB, against a budget of `bytes` MiB
            cache = WriteBackCache.of(getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG)), keys, n -> n << 20);
        }

        @Override
        public List<WriteBackCache<?>> caches() {
            cached = true; // asked for its caches: the operator enables them under RocksDB
            return List.of(cache);
        }

        @Override
        public void processElement(String value, Context ctx, Collector<String> out) throws Exception {
            if (value.endsWith("reset")) {
                cache.clear();
                return;
            }
            Long c = cache.value();
            long n = c == null ? 1 : c + 1;
            cache.update(n);
            if (cache.weight() > bytes << 20 && cache.size() > 1) overBudget.add(value + ": " + (cache.weight() >> 20));
            out.collect(ctx.getCurrentKey() + "=" + n);
        }
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(OperatorSubtaskState restore) throws Exception {
        return harness(new Counting(2, WriteBackCache.DEFAULT_BUDGET_MIB), restore);
    }

    private static KeyedOneInputStreamOperatorTestHarness<String, String, String> harness(Counting f, OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new WriteBackProcessOperator<>(f), v -> v.substring(0, 1), Types.STRING);
        h.setStateBackend(new EmbeddedRocksDBStateBackend());
        h.getExecutionConfig().setGlobalJobParameters(
                Configuration.fromMap(Map.of(WriteBackCache.BUDGET_PARAMETER, String.valueOf(f.bytes))));
        h.setup();
        if (restore != null) h.initializeState(restore);
        h.open();
        assertThat(f.cached).as("RocksDB: the cache is in use").isTrue();
        return h;
    }

    @Test
    void countsLikePlainStateAcrossEvictionsCheckpointsAndRestores() throws Exception {
        OperatorSubtaskState snapshot;
        List<String> keys = List.of("a", "b", "c", "a", "d", "a", "b", "e", "c", "a");
        try (var h = harness(null)) {
            for (String k : keys) h.processElement(k, 0);
            h.processElement("b-reset", 0);
            assertThat(h.extractOutputValues()).containsExactly("a=1", "b=1", "c=1", "a=2", "d=1", "a=3", "b=2", "e=1", "c=2", "a=4");
            snapshot = h.snapshot(1, 1);
            h.processElement("a", 0); // after the checkpoint: gone with the failed run
        }
        try (var h = harness(snapshot)) {
            List<String> more = new ArrayList<>(List.of("a", "b", "c", "d", "e", "a"));
            for (String k : more) h.processElement(k, 0);
            assertThat(h.extractOutputValues()).containsExactly("a=5", "b=1", "c=3", "d=2", "e=2", "a=6");
        }
    }

    @Test
    void aCacheBoundedByBytesStaysWithinItsBudgetAndCountsRight() throws Exception {
        Counting f = new Counting(100, 6);
        OperatorSubtaskState snapshot;
        try (var h = harness(f, null)) {
            for (String k : List.of("a", "a", "a", "b", "b", "c", "a", "a", "a", "a", "b", "c")) h.processElement(k, 0);
            assertThat(h.extractOutputValues()).containsExactly("a=1", "a=2", "a=3", "b=1", "b=2", "c=1", "a=4", "a=5", "a=6",
                    "a=7", "b=3", "c=2");
            assertThat(f.overBudget).as("more than one key over the budget").isEmpty();
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(new Counting(100, 6), snapshot)) {
            for (String k : List.of("c", "b", "a")) h.processElement(k, 0);
            assertThat(h.extractOutputValues()).containsExactly("c=3", "b=4", "a=8");
        }
    }
}
