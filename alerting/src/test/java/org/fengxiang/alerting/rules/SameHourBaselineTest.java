package org.fengxiang.alerting.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.fengxiang.core.Alert;
import org.fengxiang.core.Incident;
import org.junit.jupiter.api.Test;

class SameHourBaselineTest {
    static final long H = 3_600_000L;
    static final long D = 24 * H;
    static final long T = AlertProcessorTest.T0 + 10 * D + 14 * H; // day 10, 14:00 (+08:00)

    @Test
    void countsTheLastSixtyMinutesExactlyAndPreviousDaysFromHourCounts() {
        SameHourBaseline b = new SameHourBaseline();
        for (int day = 1; day <= 9; day++) {
            for (int k = 0; k < 10; k++) b.add(T - day * D - H + k * 60_000); // 10 posts in 13:00-13:10 on each earlier day
        }
        for (int k = 0; k < 40; k++) b.add(T - 30 * 60_000 + k * 1000); // 40 posts from 13:30 today
        b.add(T + 20_000); // in the current minute: not in the window
        assertThat(b.lastHour(T + 30_000)).isEqualTo(40);
        List<Double> prev = b.previousDays(T + 30_000, 7);
        assertThat(prev).hasSize(7).allSatisfy(x -> assertThat(x).isCloseTo(10.0, within(1e-9)));
        // a window shifted by 30 min takes half of each hour's posts (spread evenly)
        assertThat(b.previousDays(T + 30 * 60_000, 1)).singleElement().satisfies(x -> assertThat(x).isCloseTo(5.0, within(1e-9)));
        assertThat(SameHourBaseline.ratio(40, SameHourBaseline.mean(prev, 7))).isCloseTo(41.0 / 11.0, within(1e-9));
    }

    @Test
    void daysBeforeTheFirstPostAreNotObservedAndPruningBoundsTheState() {
        SameHourBaseline b = new SameHourBaseline();
        b.add(T - 2 * D - 2 * H);
        b.add(T - 1000);
        assertThat(b.previousDays(T, 7)).hasSize(2);
        b.prune(T + 3 * H);
        assertThat(b.minutes).isEmpty();
        assertThat(b.hours).hasSize(2);
        b.prune(T + 20 * D);
        assertThat(b.empty()).isTrue();
    }

    @Test
    void theRatioIsInTheSpikeReasonAndFiresOnlyWithEnoughObservedDays() {
        AlertRulesSettings s = AlertProcessorTest.settings();
        Incident quiet = AlertProcessorTest.snap(1800, 45, 30, 1.0, "forming"); // no σ spike, no stream anomaly, no growth
        quiet.sameHourKeyword = "化工厂";
        quiet.sameHourPosts = 128;
        quiet.sameHourPrevious = new ArrayList<>(List.of(9.0, 10.0, 9.5, 8.0, 11.0, 10.0, 9.0, 50.0));
        List<Alert> out = new AlertProcessor(s).onSnapshot(quiet);
        assertThat(out).singleElement().satisfies(a -> {
            assertThat(a.rule).isEqualTo("volume-spike");
            assertThat(a.reasons).noneMatch(r -> r.startsWith("stream-volume") || r.startsWith("growth"));
            assertThat(a.reasons).anyMatch(r -> r.contains("keyword '化工厂': 128 posts in the last 60 min, x12.3 the same hour on the previous 7 days (mean 9.5, >= x5.0)"));
        });
        quiet.sameHourPrevious = new ArrayList<>(List.of(9.0, 10.0)); // two observed days < minDays 3
        assertThat(new AlertProcessor(s).onSnapshot(quiet)).isEmpty();
        Incident sigma = AlertProcessorTest.snap(10, 45, 30, 12, "forming");
        sigma.sameHourKeyword = "化工厂";
        sigma.sameHourPosts = 128;
        sigma.sameHourPrevious = new ArrayList<>(List.of(9.0, 10.0));
        assertThat(new AlertProcessor(s).onSnapshot(sigma)).singleElement().satisfies(a -> assertThat(a.reasons)
                .anyMatch(r -> r.contains("(z=12.0 >= 4.0); keyword '化工厂': 128 posts in the last 60 min, x12.3 the same hour on the previous 2 days (mean 9.5)")));
    }
}
