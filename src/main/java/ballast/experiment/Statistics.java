package ballast.experiment;

import org.apache.commons.math3.stat.interval.ConfidenceInterval;
import org.apache.commons.math3.stat.interval.WilsonScoreInterval;

/** Quantiles of counted values and binomial intervals, as the batch tables report them. */
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
}
