package org.fengxiang.analytics.incident;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PoissonZTest {
    @Test
    void exactTailMatchesKnownValues() {
        // P(X >= 5 | mu = 1) = 0.00366 -> z = 2.68 (the normal approximation would say 4.0)
        assertThat(Math.exp(PoissonZ.logUpperTail(5, 1.0))).isCloseTo(0.003660, within(1e-5));
        assertThat(PoissonZ.z(5, 1.0)).isCloseTo(2.683, within(0.01));
        // P(X >= 20 | mu = 10) = 0.00345 -> z = 2.70
        assertThat(PoissonZ.z(20, 10.0)).isCloseTo(2.70, within(0.01));
    }

    @Test
    void quantileInvertsNormalTail() {
        assertThat(PoissonZ.upperQuantile(Math.log(0.00135))).isCloseTo(3.0, within(0.001));
        assertThat(PoissonZ.upperQuantile(Math.log(3.167e-5))).isCloseTo(4.0, within(0.001));
        assertThat(PoissonZ.upperQuantile(Math.log(0.1587))).isCloseTo(1.0, within(0.001));
    }

    @Test
    void hugeCountsStayFiniteAndMonotone() {
        double prev = Double.NEGATIVE_INFINITY;
        for (int w = 1; w <= 5000; w *= 2) {
            double z = PoissonZ.z(w, 0.33);
            assertThat(z).isFinite().isGreaterThan(prev);
            prev = z;
        }
        assertThat(PoissonZ.z(0, 2.0)).isNegative();
    }

    @Test
    void lgammaOfIntegersIsLogFactorial() {
        assertThat(PoissonZ.lgamma(11)).isCloseTo(Math.log(3628800), within(1e-9));
    }
}
