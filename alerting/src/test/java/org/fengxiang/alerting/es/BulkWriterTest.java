package org.fengxiang.alerting.es;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;
import org.junit.jupiter.api.Test;

class BulkWriterTest {
    final FakeTransport es = new FakeTransport();
    final List<String> sleeps = new ArrayList<>();
    final List<String> rejected = new ArrayList<>();
    final EsSettings.Bulk limits = new EsSettings.Bulk();
    final EsIndices names = new EsIndices("fengxiang");

    BulkWriter<Alert> writer(List<DocumentMapper<Alert>> mappers) {
        limits.initialBackoffMs = 100;
        limits.maxBackoffMs = 1000;
        return new BulkWriter<>(mappers, es, limits,
                (index, id, source, status, reason) -> rejected.add(id + "|" + status + "|" + reason),
                ms -> sleeps.add(String.valueOf(ms)));
    }

    static Alert alert(String id, int seq, String level) {
        Alert a = new Alert();
        a.id = id;
        a.incidentId = "inc-" + id;
        a.sequence = seq;
        a.level = level;
        a.status = seq == 1 ? "open" : "escalated";
        a.detectedAt = "2026-11-20T10:00:00+08:00";
        return a;
    }

    @Test
    void onlyAResponseLedByErrorsFalseSkipsTheItemByItemCheck() {
        assertThat(BulkWriter.allSucceeded("{\"errors\":false,\"items\":[{\"index\":{\"status\":201}}]}")).isTrue();
        assertThat(BulkWriter.allSucceeded(" {\"errors\":false}")).isTrue();
        assertThat(BulkWriter.allSucceeded("{\"errors\":true,\"items\":[{\"index\":{\"status\":400}}]}")).isFalse();
        assertThat(BulkWriter.allSucceeded("{\"items\":[],\"errors\":false}")).as("other shapes are parsed").isFalse();
        assertThat(BulkWriter.allSucceeded("")).isFalse();
    }

    @Test
    void batchesAreBoundedByDocsAndTheBufferNeverExceedsTheLimit() throws Exception {
        limits.maxDocs = 3;
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names)));
        for (int i = 0; i < 7; i++) {
            w.write(alert("a" + i, 1, "red"));
            assertThat(w.pending()).isLessThan(3);
        }
        w.flush();
        assertThat(es.requestSizes).containsExactly(3, 3, 1);
        assertThat(es.store).hasSize(7);
        assertThat(w.stats().written()).isEqualTo(7);
    }

    @Test
    void batchesAreBoundedByBytes() throws Exception {
        limits.maxBytes = 1024;
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names)));
        for (int i = 0; i < 10; i++) w.write(alert("a" + i, 1, "red"));
        w.flush();
        assertThat(es.requestSizes).hasSizeGreaterThan(2).allSatisfy(n -> assertThat(n).isBetween(1, 4));
        assertThat(es.store).hasSize(10);
    }

    @Test
    void retriesConnectionLossAndServerErrorsWithExponentialBackoff() throws Exception {
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names)));
        es.script.add("down");
        es.script.add(503);
        es.script.add(429);
        w.write(alert("a1", 1, "red"));
        w.write(alert("a2", 1, "red"));
        w.flush();
        assertThat(sleeps).containsExactly("100", "200", "400");
        assertThat(es.store).hasSize(2);
        assertThat(w.stats().retried()).isEqualTo(6);
        assertThat(w.stats().written()).isEqualTo(2);
    }

    @Test
    void retriesOnlyTheFailedItemsAndRejectsMappingErrors() throws Exception {
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names)));
        es.script.add(new int[] {201, 429, 400});
        w.write(alert("a1", 1, "red"));
        w.write(alert("a2", 1, "red"));
        w.write(alert("a3", 1, "red"));
        w.flush();
        assertThat(es.requestSizes).containsExactly(3, 1);
        assertThat(es.store).containsOnlyKeys("fengxiang-alerts-v1/a1", "fengxiang-alerts-v1/a2");
        assertThat(rejected).singleElement().asString().startsWith("a3|400|document_parsing_exception");
        assertThat(w.stats().rejected()).isEqualTo(1);
    }

    @Test
    void failsAfterMaxRetriesSoThatFlinkReplaysFromTheCheckpoint() throws Exception {
        limits.maxRetries = 2;
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names)));
        for (int i = 0; i < 5; i++) es.script.add("down");
        w.write(alert("a1", 1, "red"));
        assertThatThrownBy(w::flush).isInstanceOf(IOException.class).hasMessageContaining("after 2 retries");
        assertThat(sleeps).hasSize(2);
    }

    @Test
    void replaysAreIdempotentAndAnOlderTransitionNeverOverwritesTheLatest() throws Exception {
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names), AlertMapper.transitions(names)));
        w.write(alert("a1", 1, "yellow"));
        w.write(alert("a1", 2, "red"));
        w.flush();
        w.write(alert("a1", 1, "yellow"));
        w.write(alert("a1", 2, "red"));
        w.flush();
        assertThat(es.store).containsOnlyKeys("fengxiang-alerts-v1/a1", "fengxiang-alert-transitions-v1/a1#1",
                "fengxiang-alert-transitions-v1/a1#2");
        assertThat(es.store.get("fengxiang-alerts-v1/a1")).contains("\"level\":\"red\"").contains("\"sequence\":2");
        assertThat(w.stats().stale()).isEqualTo(1);
        assertThat(rejected).isEmpty();
    }

    @Test
    void recordsWithoutAnIdAreRejectedNotIndexedUnderARandomId() throws Exception {
        BulkWriter<Alert> w = writer(List.of(AlertMapper.latest(names)));
        w.write(alert(null, 1, "red"));
        w.flush();
        assertThat(es.store).isEmpty();
        assertThat(rejected).singleElement().asString().contains("no document id");
    }

    @Test
    void backoffDoublesUpToTheCap() {
        Backoff b = new Backoff(100, 1000);
        assertThat(List.of(b.delayMs(0), b.delayMs(1), b.delayMs(3), b.delayMs(4), b.delayMs(60)))
                .containsExactly(100L, 200L, 800L, 1000L, 1000L);
    }
}
