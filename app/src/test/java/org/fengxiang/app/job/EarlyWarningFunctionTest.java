package org.fengxiang.app.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.fengxiang.app.job.EarlyWarningsTest.post;

import java.time.OffsetDateTime;
import java.util.List;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.runtime.checkpoint.OperatorSubtaskState;
import org.apache.flink.streaming.api.operators.KeyedProcessOperator;
import org.apache.flink.streaming.util.KeyedOneInputStreamOperatorTestHarness;
import org.fengxiang.alerting.rules.AlertProcessor;
import org.fengxiang.alerting.rules.AlertRulesSettings;
import org.fengxiang.analytics.incident.IncidentProcessor;
import org.fengxiang.analytics.incident.IncidentSettings;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Config;
import org.fengxiang.core.Post;
import org.junit.jupiter.api.Test;

/**
 * The Flink adapter of the early warnings: a cascade below the floor is held as one byte array (its counters and
 * posts) and replayed into the detectors when it reaches the floor, across a checkpoint; every cascade's state
 * goes once the retention has passed.
 */
class EarlyWarningFunctionTest {
    private static final long T0 = OffsetDateTime.parse("2026-05-01T09:00:00+08:00").toInstant().toEpochMilli();
    private final IncidentSettings incidentSettings = IncidentSettings.from(Config.empty());
    private final AlertRulesSettings rules = AlertRulesSettings.from(Config.empty());
    private final EarlyWarnings<IncidentProcessor, AlertProcessor> early = new EarlyWarnings<>(
            new IncidentDriver(incidentSettings), new AlertDriver(rules), incidentSettings.tickMillis, rules.minPosts,
            20 * 60_000, 0);

    private KeyedOneInputStreamOperatorTestHarness<String, Post, Alert> harness(OperatorSubtaskState restore) throws Exception {
        var h = new KeyedOneInputStreamOperatorTestHarness<>(new KeyedProcessOperator<>(new EarlyWarningFunction<>(early, 0)),
                Post::rootId, Types.STRING);
        h.setup();
        if (restore != null) h.initializeState(restore);
        h.open();
        return h;
    }

    @Test
    void heldPostsCountWhenTheCascadeReachesTheFloorAndStateGoesAfterTheRetention() throws Exception {
        OperatorSubtaskState snapshot;
        try (var h = harness(null)) {
            h.processElement(post("ew:0", T0, null, true), T0);
            for (int i = 1; i < 20; i++) h.processElement(post("ew:" + i, T0 + 500L * i, "ew:0", false), T0 + 500L * i);
            // a small cascade that never reaches the floor
            for (int i = 0; i < 3; i++) h.processElement(post("sm:" + i, T0 + 1000L * i, i == 0 ? null : "sm:0", false), T0);
            assertThat(h.numKeyedStateEntries()).as("below the floor: one value per cascade").isEqualTo(2);
            snapshot = h.snapshot(1, 1);
        }
        try (var h = harness(snapshot)) {
            for (int i = 20; i <= 80; i++) h.processElement(post("ew:" + i, T0 + 500L * i, "ew:0", false), T0 + 500L * i);
            h.processWatermark(T0 + 60_000);
            List<Alert> warned = h.extractOutputValues();
            assertThat(warned).hasSize(1);
            Alert a = warned.get(0);
            assertThat(a.status).isEqualTo(Alert.EARLY_WARNING);
            assertThat(a.postCount).as("the 20 posts held below the floor count").isEqualTo(81);
            assertThat(a.originPostId).isEqualTo("ew:0");
            assertThat(a.evidencePostIds).contains("ew:0");

            h.processWatermark(T0 + 20 * 60_000);
            assertThat(h.numKeyedStateEntries()).as("the small cascade's retention has not passed yet").isGreaterThan(1);
            h.processWatermark(T0 + 22 * 60_000);
            assertThat(h.numKeyedStateEntries()).as("every cascade dropped after its retention").isZero();
            assertThat(h.extractOutputValues()).hasSize(1);
        }
    }
}
