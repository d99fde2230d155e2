package ballast.experiment;

import org.apache.commons.math3.distribution.TDistribution;
import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/** Quantiles of counted values, and the intervals the tables report (binomial, paired, means). */
public final class Statistics {
    private Statistics() {
    }

    /**
     * Returns the {@code p}-quantile of a histogram ({@code counts[v]} runs had value {@code v}): the
     * smallest value whose cumulative share reaches {@code p}, the inverse of the empirical
     * distribution function (Hyndman and Fan's type 1, Commons Math's {@code EstimationType.R_1}).
     */
    public static int quantile(long[] counts, double p) {
        return quantile(null, counts, p);
    }

    /** The same for sorted {@code values} with {@code counts[i]} runs at {@code values[i]}. */
    public static int quantile(int[] values, long[] counts, double p) {
        if (p < 0 || p > 1) {
            throw new IllegalArgumentException("p must be in [0, 1], got " + p);
        }
        long n = 0;
        for (long c : counts) {
            n += c;
        }
        if (n == 0) {
            throw new IllegalArgumentException("no observations");
        }
        // Position ceil(n p), at least 1, counted from the smallest value (exact in integers when p*n is).
        long position = Math.max(1, (long) Math.ceil(n * p - 1e-9));
        long seen = 0;
        for (int i = 0; i < counts.length; i++) {
            seen += counts[i];
            if (counts[i] > 0 && seen >= position) {
                return values == null ? i : values[i];
            }
        }
        throw new AssertionError("unreachable");
    }

    /** Returns the mean of a histogram. */
    public static double mean(long[] counts) {
        return mean(null, counts);
    }

    /** Returns the mean of counted values. */
    public static double mean(int[] values, long[] counts) {
        long n = 0;
        long sum = 0;
        for (int i = 0; i < counts.length; i++) {
            n += counts[i];
            sum += counts[i] * (values == null ? i : values[i]);
        }
        return (double) sum / n;
    }

    /** Returns the 95% Wilson score interval of {@code successes} in {@code trials} (Commons Math). */
    public static double[] wilson95(long successes, long trials) {
        ConfidenceInterval ci = new WilsonScoreInterval().createInterval(Math.toIntExact(trials),
                Math.toIntExact(successes), 0.95);
        return new double[] {ci.getLowerBound(), ci.getUpperBound()};
    }

    /**
     * Returns the 95% confidence interval of the difference {@code p1 - p2} of two proportions
     * measured on the same units (paired data): Newcombe's hybrid score interval, method 10 of
     * Newcombe (1998), "Improved confidence intervals for the difference between binomial
     * proportions based on paired data", <i>Statistics in Medicine</i> 17:2635-2650. It combines the
     * Wilson intervals of {@code p1} and {@code p2} with the correlation between them, phi, whose
     * numerator {@code ad - bc} is shrunk by {@code n / 2} toward 0 when positive (and phi is 0 when
     * a margin is empty), as the paper defines it.
     *
     * @param both units with the outcome under 1 and under 2 (a)
     * @param firstOnly with the outcome under 1 only (b)
     * @param secondOnly with the outcome under 2 only (c)
     * @param neither with neither (d)
     * @return {@code {p1 - p2, lower, upper}} with {@code p1 = (a + b) / n}, {@code p2 = (a + c) / n}
     * @throws IllegalArgumentException if a count is negative or all are 0
     */
    public static double[] newcombePaired95(long both, long firstOnly, long secondOnly, long neither) {
        if (both < 0 || firstOnly < 0 || secondOnly < 0 || neither < 0) {
            throw new IllegalArgumentException("counts must be at least 0");
        }
        long n = both + firstOnly + secondOnly + neither;
        if (n == 0) {
            throw new IllegalArgumentException("no observations");
        }
        double p1 = (double) (both + firstOnly) / n;
        double p2 = (double) (both + secondOnly) / n;
        double[] w1 = wilson95(both + firstOnly, n);
        double[] w2 = wilson95(both + secondOnly, n);
        // In doubles: a*d can pass 2^63 for the billions of replications a batch allows.
        double product = (double) (both + firstOnly) * (secondOnly + neither) * (both + secondOnly)
                * (firstOnly + neither);
        double phi = 0;
        if (product > 0) {
            double numerator = (double) both * neither - (double) firstOnly * secondOnly;
            if (numerator > 0) {
                numerator = Math.max(numerator - n / 2.0, 0);
            }
            phi = numerator / Math.sqrt(product);
        }
        double l1 = p1 - w1[0];
        double u1 = w1[1] - p1;
        double l2 = p2 - w2[0];
        double u2 = w2[1] - p2;
        double delta = Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
        double epsilon = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
        double d = p1 - p2;
        return new double[] {d, Math.max(-1, d - delta), Math.min(1, d + epsilon)};
    }

    /**
     * Returns the mean of {@code n} values given their sum and sum of squares, with its 95% t
     * interval ({@code mean +- t(0.975, n - 1) s / sqrt(n)}, Student's t from Commons Math) and the
     * standard deviation s. Applied to paired differences this is the paired t interval.
     *
     * @return {@code {mean, lower, upper, sd}}; the interval and sd are NaN for fewer than two values
     * @throws IllegalArgumentException if {@code n < 1}
     */
    public static double[] tInterval95(long n, long sum, long sumOfSquares) {
        if (n < 1) {
            throw new IllegalArgumentException("no observations");
        }
        double mean = (double) sum / n;
        if (n < 2) {
            return new double[] {mean, Double.NaN, Double.NaN, Double.NaN};
        }
        // sum of squared deviations = sumOfSquares - sum^2 / n, in exact integer arithmetic where it fits.
        java.math.BigInteger ss = java.math.BigInteger.valueOf(sumOfSquares).multiply(java.math.BigInteger.valueOf(n))
                .subtract(java.math.BigInteger.valueOf(sum).multiply(java.math.BigInteger.valueOf(sum)));
        double variance = ss.doubleValue() / ((double) n * (n - 1));
        double sd = Math.sqrt(Math.max(0, variance));
        double[] ci = tInterval95(mean, sd, n);
        return new double[] {mean, ci[0], ci[1], sd};
    }

    /**
     * Returns the 95% t interval {@code {lower, upper}} of a mean of {@code n} values with standard
     * deviation {@code sd}: {@code mean +- t(0.975, n - 1) sd / sqrt(n)}; NaN for fewer than two values.
     */
    public static double[] tInterval95(double mean, double sd, long n) {
        if (n < 2 || !Double.isFinite(sd)) {
            return new double[] {Double.NaN, Double.NaN};
        }
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(0.975) * sd / Math.sqrt(n);
        return new double[] {mean - half, mean + half};
    }

    /** The same for a histogram: {@code counts[v]} values equal to {@code v}. */
    public static double[] tInterval95(long[] counts) {
        long n = 0;
        long sum = 0;
        long squares = 0;
        for (int v = 0; v < counts.length; v++) {
            n += counts[v];
            sum += counts[v] * v;
            squares += counts[v] * v * (long) v;
        }
        return tInterval95(n, sum, squares);
    }
}
