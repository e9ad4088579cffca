package org.fengxiang.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The searchable rate of a step is the slope of the sampled count, not the difference of its two ends. */
class EsWatcherTest {
    @Test
    void aStallAtTheEndOfTheWindowBarelyMovesTheRate() {
        List<long[]> samples = new ArrayList<>();
        long count = 0;
        for (long t = 0; t <= 60_000; t += 200) {
            boolean stalled = t >= 58_000; // the last two seconds: nothing becomes searchable
            if (!stalled) count += 600; // 3,000/s
            samples.add(new long[] {t, count});
        }
        double endToEnd = (samples.get(samples.size() - 1)[1] - samples.get(0)[1]) / 60.0;
        assertThat(endToEnd).isLessThan(2900);
        assertThat(EsWatcher.slope(samples, 0, 60_000)).isCloseTo(3000, within(60.0));
    }

    @Test
    void aJobThatFallsBehindShowsItsOwnRate() {
        List<long[]> samples = new ArrayList<>();
        for (long t = 0; t <= 60_000; t += 200) samples.add(new long[] {t, t * 2});
        assertThat(EsWatcher.slope(samples, 10_000, 50_000)).isCloseTo(2000, within(1.0));
        assertThat(EsWatcher.slope(samples.subList(0, 2), 0, 60_000)).as("too few samples: the ends").isCloseTo(200 * 2 / 60.0, within(1.0));
    }
}
