package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class CountersTest {
    @Test
    void distinctCounterIsExactBelowTheCapAndCloseAbove() {
        DistinctCounter d = new DistinctCounter();
        for (int i = 0; i < 1000; i++) d.add("a" + (i % 700), 4096);
        assertThat(d.estimate()).isEqualTo(700);
        DistinctCounter big = new DistinctCounter();
        for (int i = 0; i < 200_000; i++) big.add("u" + i, 1024);
        assertThat(big.hashes.size()).isLessThanOrEqualTo(1024);
        assertThat(big.estimate()).isBetween(170_000L, 230_000L);
    }

    @Test
    void termCounterKeepsHeavyTermsWithinItsCap() {
        TermCounter t = new TermCounter();
        for (int i = 0; i < 5000; i++) {
            t.add("rare" + i, 20);
            if (i % 10 == 0) t.add("heavy", 20);
        }
        assertThat(t.counts.size()).isLessThanOrEqualTo(40);
        assertThat(t.top(1)).containsExactly("heavy");
    }

    @Test
    void incidentIdsAreStableAndSafe() {
        assertThat(IncidentIds.of("weibo:AbC")).isEqualTo(IncidentIds.of("weibo:AbC")).startsWith("inc-weibo_AbC-");
        assertThat(IncidentIds.of("weibo:AbC")).isNotEqualTo(IncidentIds.of("weibo_AbC"));
        assertThat(IncidentIds.of("x".repeat(500))).hasSizeLessThan(100);
        for (String root : new String[] {"weibo:AbC", "a", "新闻:1", "x".repeat(500), "bench:r1:p673"}) {
            assertThat(IncidentIds.of(root)).as(root).endsWith("-" + String.format("%08x", IncidentIds.fnv32(root)));
        }
        assertThat(IncidentIds.of("weibo:4321")).isEqualTo("inc-weibo_4321-" + String.format("%08x", IncidentIds.fnv32("weibo:4321")));
    }

    @Test
    void heatGrowsWithSizeSpeedAndSurpriseAndIsCapped() {
        double lone = SnapshotBuilder.heat(1, 6, 0.6);
        double fresh = SnapshotBuilder.heat(50, 300, 20);
        assertThat(lone).isBetween(15.0, 20.0);
        assertThat(fresh).isBetween(70.0, 85.0);
        assertThat(SnapshotBuilder.heat(50, 300, 2)).isLessThan(fresh);
        assertThat(SnapshotBuilder.heat(100_000, 100_000, 50)).isEqualTo(100.0);
    }
}
