package org.fengxiang.analytics.incident;

/**
 * The burst statistic: the exact Poisson upper-tail probability {@code P(X >= w | mu)} of a window
 * count, expressed as the equivalent standard-normal z (so z = 3 means p = 0.00135 and z = 4 means
 * p = 3.2e-5, whatever mu is). Small means are where the usual {@code (w - mu)/sqrt(mu)} is badly
 * anti-conservative (w = 5 at mu = 1 gives 4.0 but p = 0.0037, i.e. z = 2.7).
 */
final class PoissonZ {
    private static final double[] LANCZOS = {0.99999999999980993, 676.5203681218851, -1259.1392167224028,
        771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012,
        9.9843695780195716e-6, 1.5056327351493116e-7};

    private PoissonZ() {}

    /** Equivalent z of observing {@code w} or more events when {@code mu} are expected (mu > 0). */
    static double z(long w, double mu) {
        if (w <= mu) return (w - mu) / Math.sqrt(mu);
        return upperQuantile(logUpperTail(w, mu));
    }

    /** ln P(X >= w) for X ~ Poisson(mu), w > mu, summing pmf ratios from w upwards. */
    static double logUpperTail(long w, double mu) {
        double logPmf = w * Math.log(mu) - mu - lgamma(w + 1.0);
        double term = 1;
        double sum = 1;
        for (long k = w + 1; term > 1e-17 * sum && k < w + 100_000; k++) {
            term *= mu / k;
            sum += term;
        }
        return Math.min(0, logPmf + Math.log(sum));
    }

    /** The z with upper-tail probability exp(logP) (Acklam's rational approximation, rel. error 1e-9). */
    static double upperQuantile(double logP) {
        double p = Math.exp(logP);
        if (p >= 0.5) return -lowerQuantileCentral(p);
        if (p > 0.02425) return -lowerQuantileCentral(p);
        double q = Math.sqrt(-2 * logP);
        double num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00;
        double den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                + 3.754408661907416e+00) * q + 1;
        return -num / den;
    }

    private static double lowerQuantileCentral(double p) {
        if (p > 1 - 0.02425) {
            double q = Math.sqrt(-2 * Math.log(1 - p));
            double num = ((((-7.784894002430293e-03 * q - 3.223964580411365e-01) * q - 2.400758277161838e+00) * q
                    - 2.549732539343734e+00) * q + 4.374664141464968e+00) * q + 2.938163982698783e+00;
            double den = (((7.784695709041462e-03 * q + 3.224671290700398e-01) * q + 2.445134137142996e+00) * q
                    + 3.754408661907416e+00) * q + 1;
            return -num / den;
        }
        double q = p - 0.5;
        double r = q * q;
        double num = (((((-3.969683028665376e+01 * r + 2.209460984245205e+02) * r - 2.759285104469687e+02) * r
                + 1.383577518672690e+02) * r - 3.066479806614716e+01) * r + 2.506628277459239e+00) * q;
        double den = ((((-5.447609879822406e+01 * r + 1.615858368580409e+02) * r - 1.556989798598866e+02) * r
                + 6.680131188771972e+01) * r - 1.328068155288572e+01) * r + 1;
        return num / den;
    }

    /** ln Γ(x) for x > 0 (Lanczos, g = 7). */
    static double lgamma(double x) {
        if (x < 0.5) return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - lgamma(1 - x);
        x -= 1;
        double a = LANCZOS[0];
        double t = x + 7.5;
        for (int i = 1; i < 9; i++) a += LANCZOS[i] / (x + i);
        return 0.5 * Math.log(2 * Math.PI) + (x + 0.5) * Math.log(t) - t + Math.log(a);
    }
}
