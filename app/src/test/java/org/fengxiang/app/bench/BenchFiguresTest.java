package org.fengxiang.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BenchFiguresTest {
    @Test
    void percentilesByNearestRank() {
        List<Long> ms = new ArrayList<>();
        for (long i = 100; i >= 1; i--) ms.add(i * 10);
        Latency l = Latency.of(ms);
        assertThat(l.count()).isEqualTo(100);
        assertThat(l.p50()).isEqualTo(500);
        assertThat(l.p95()).isEqualTo(950);
        assertThat(l.p99()).isEqualTo(990);
        assertThat(l.max()).isEqualTo(1000);
        assertThat(Latency.of(List.of()).seconds()).isEqualTo("n/a");
    }

    @Test
    void aStepIsSustainedOnlyIfItKeptUpAndTheBacklogStayedSmall() {
        assertThat(step(3000, 2990, 4000).sustained()).isTrue();
        assertThat(step(3000, 2500, 4000).sustained()).isFalse();
        assertThat(step(3000, 2990, 20_000).sustained()).isFalse();
    }

    @Test
    void goalsAreJudgedFromTheMeasurements() {
        long end = 1_000_000;
        List<AlertTiming> alerts = List.of(
                new AlertTiming("early-a#1", "orange", "early", "3000/s", end, end + 2_500, end + 2_000, end - 90_000),
                new AlertTiming("early-b#1", "orange", "early", "3000/s", end + 60_000, end + 66_000, -1, -1),
                new AlertTiming("a#1", "red", "open", "3000/s", end, end + 63_000, end + 66_000, end - 90_000),
                new AlertTiming("a#2", "red", "open", "3000/s", end + 60_000, end + 124_000, -1, end - 90_000));
        BenchRun.Result r = new BenchRun.Result(List.of(step(1000, 1000, 100), step(3000, 2000, 60_000)), alerts, 60_000, 10_000, 2, 2,
                Map.of("cores", 2), new java.util.TreeMap<>(Map.of("bench-posts", new long[] {1_500, 900, 1_000},
                        "bench-alerts-v1", new long[] {3, 20})),
                120, 1000, 30, 500);
        Map<String, String> goals = new BenchReport(r).goals();
        assertThat(goals.get(">= 3,000 posts/s sustained into Elasticsearch")).startsWith("NOT met").contains("1000/s sustained");
        assertThat(goals.get("p95 post→searchable <= 5 s")).as("shedding named").startsWith("met")
                .contains("p95 2.00 s at step 3000/s; 1200 early copies shed in the step (1 % of its posts waited for the watermark)");
        BenchRun.Result above = new BenchRun.Result(List.of(step(3000, 2962, 14), step(3500, 3460, 300)), alerts, 60_000, 10_000,
                2, 2, Map.of("cores", 2), Map.of(), 120, 1000, 30, 500);
        assertThat(new BenchReport(above).goals().get(">= 3,000 posts/s sustained into Elasticsearch")).startsWith("met")
                .contains("3460/s sustained at step 3500/s");
        BenchRun.Result atTarget = new BenchRun.Result(List.of(step(3000, 2999.7, 710)), alerts, 60_000, 10_000, 2, 2,
                Map.of("cores", 2), Map.of(), 120, 1000, 30, 500);
        assertThat(new BenchReport(atTarget).goals().get(">= 3,000 posts/s sustained into Elasticsearch")).as("strict")
                .startsWith("NOT met");
        assertThat(goals.get("p95 burst→alert <= 5 s after the window that shows it (early warning)")).startsWith("met")
                .contains("p95 2.50 s after the window end over 1 early warnings");
        assertThat(goals.get("confirmed burst alerts after the window closes (end + disorder), for information"))
                .contains("p95 4.00 s over 2 transitions");
        assertThat(AlertTimings.everyBurstMailed(alerts.subList(0, 1), List.of("3000/s"))).as("an early warning alone").isFalse();
        assertThat(AlertTimings.everyBurstMailed(alerts, List.of("3000/s"))).isTrue();
        assertThat(goals.get("alert→e-mail <= 15 s")).startsWith("met").contains("max 3.00 s");
        assertThat(new BenchReport(r).markdown()).contains("| 3000/s |", "no e-mail", "after a 120 s warm-up at 1000 posts/s",
                "post→searchable p50 by minute of step 3000/s (s): 1.2, 40.0, –",
                "early copies shed by minute of step 3000/s (posts): 0, 1200, 0 (behind by more than",
                "bench-alerts-v1 3 / 0.0 s; bench-posts 1500 / 0.9 s / 1000: 1.50.");
    }

    @Test
    void earlyCopiesShedPerMinuteAreDifferencesOfTheJobsCumulativeCount() {
        JobSampler.StepSamples s = new JobSampler.StepSamples();
        long start = 1_000_000;
        s.shed.add(new long[] {start + 500, 400});        // shed before the step: not counted
        s.shed.add(new long[] {start + 59_000, 400});
        s.shed.add(new long[] {start + 61_000, 900});
        s.shed.add(new long[] {start + 119_500, 3_400});
        s.shed.add(new long[] {start + 150_000, 3_500}); // the third minute, partly sampled
        assertThat(StepSummary.shedByMinute(s, start, start + 150_000)).containsExactly(0L, 3_000L, 100L);
        assertThat(StepSummary.shedByMinute(new JobSampler.StepSamples(), start, start + 150_000)).as("counter not read").isEmpty();
    }

    @Test
    void probesGiveTheMedianLatencyOfEachMinuteOfAStep() {
        Probes probes = new Probes();
        long start = 1_000_000;
        probes.acked("a", "3000/s", start + 10_000);
        probes.acked("b", "3000/s", start + 70_000);
        probes.acked("c", "3000/s", start + 190_000);
        probes.acked("d", "1000/s", start + 20_000);
        probes.found(List.of("a", "d"), start + 11_500);
        probes.found(List.of("b"), start + 110_000);
        probes.found(List.of("c"), start + 192_000);
        List<Double> byMinute = probes.medianByMinute("3000/s", start);
        assertThat(byMinute).hasSize(4);
        assertThat(byMinute.get(0)).isEqualTo(1.5);
        assertThat(byMinute.get(1)).isEqualTo(40.0);
        assertThat(byMinute.get(2)).isNaN();
        assertThat(byMinute.get(3)).isEqualTo(2.0);
    }

    private static StepResult step(int target, double searchable, long backlog) {
        return new StepResult(target + "/s", target, 60, target * 60L, target, searchable, backlog, Latency.of(List.of(1000L, 2000L)), 0,
                "enrich", 10, "source", 900, Map.of("bench", 1000L), 500, 1000, Map.of("bench", 1500.0), 0.9, 0.0, List.of(1.2, 40.0, Double.NaN),
                List.of(0L, 1200L, 0L));
    }
}
