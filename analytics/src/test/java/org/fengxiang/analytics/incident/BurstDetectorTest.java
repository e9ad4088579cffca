package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BurstDetectorTest {
    static final double PRIOR = 2.0 / 60;
    static final double ALPHA = BurstDetector.alpha(60);

    @Test
    void flatPoissonNoiseNeverReachesTheAlertThreshold() {
        for (double rate : new double[] {0.02, 0.2, 1.0, 5.0}) {
            Random rnd = new Random(42);
            BurstDetector d = BurstDetector.create(10, PRIOR);
            // warm up: let the baseline learn the rate (5 half-lives)
            for (int m = 0; m < 300; m++) d.closeMinute(TestPosts.poisson(rate, rnd), ALPHA);
            double max = Double.NEGATIVE_INFINITY;
            int over3 = 0;
            for (int m = 0; m < 3 * 1440; m++) {
                d.closeMinute(TestPosts.poisson(rate, rnd), ALPHA);
                double z = d.z(PRIOR);
                max = Math.max(max, z);
                if (z >= 3) over3++;
            }
            assertThat(max).as("max z at rate %s", rate).isLessThan(4.0);
            assertThat(over3).as("minutes with z >= 3 at rate %s in 3 days", rate).isLessThan(30);
        }
    }

    @Test
    void aTenfoldBurstIsFoundWithinFiveMinutes() {
        Random rnd = new Random(7);
        BurstDetector d = BurstDetector.create(10, PRIOR);
        for (int m = 0; m < 600; m++) d.closeMinute(TestPosts.poisson(0.5, rnd), ALPHA);
        int foundAfter = -1;
        double growthAt10 = 0;
        for (int m = 0; m < 15; m++) {
            d.closeMinute(TestPosts.poisson(5.0, rnd), ALPHA);
            if (foundAfter < 0 && d.z(PRIOR) >= 4) foundAfter = m + 1;
            if (m == 9) growthAt10 = d.growth();
        }
        assertThat(foundAfter).isBetween(1, 5);
        assertThat(growthAt10).isGreaterThan(3);
    }

    @Test
    void theBaselineAdaptsSoALastingPlateauStopsBeingABurst() {
        BurstDetector d = BurstDetector.create(10, PRIOR);
        for (int m = 0; m < 60; m++) d.closeMinute(0, ALPHA);
        d.closeMinute(5, ALPHA);
        assertThat(d.z(PRIOR)).isGreaterThan(3);
        for (int m = 0; m < 600; m++) d.closeMinute(3, ALPHA);
        assertThat(d.z(PRIOR)).isLessThan(1);
        assertThat(d.baseline).isCloseTo(3.0, org.assertj.core.api.Assertions.within(0.05));
    }

    @Test
    void windowAndPreviousWindowSlide() {
        BurstDetector d = BurstDetector.create(3, PRIOR);
        int[] counts = {1, 2, 3, 4, 5, 6, 7};
        for (int c : counts) d.closeMinute(c, ALPHA);
        assertThat(d.windowCount).isEqualTo(5 + 6 + 7);
        assertThat(d.previousCount).isEqualTo(2 + 3 + 4);
        assertThat(d.growth()).isEqualTo(19.0 / 10.0);
    }
}
