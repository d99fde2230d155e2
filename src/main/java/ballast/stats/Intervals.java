package ballast.stats;

import java.math.BigInteger;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Confidence intervals of a comparison: the difference of two proportions measured on the same units
 * (paired data), and a mean from its sums (the t interval, which on paired differences is the paired
 * t interval). Sums are integers, as the counts of a batch or comparison are, so the same counts give
 * the same interval.
 */
public final class Intervals {
    private Intervals() {
    }

    /**
     * Returns the confidence interval of the difference {@code p1 - p2} of two proportions measured on
     * the same units: Newcombe's hybrid score interval, method 10 of R. G. Newcombe (1998), "Improved
     * confidence intervals for the difference between binomial proportions based on paired data",
     * <i>Statistics in Medicine</i> 17:2635-2650. It combines the Wilson intervals of {@code p1} and
     * {@code p2} ({@link Scores#wilson}) with the correlation phi between the paired outcomes, whose
     * numerator {@code ad - bc} is shrunk by {@code n / 2} toward 0 when positive (and phi is 0 when a
     * margin is empty), as the paper defines it. Limits are kept within [-1, 1].
     *
     * @param both units with the outcome under 1 and under 2 (a)
     * @param firstOnly with the outcome under 1 only (b)
     * @param secondOnly with the outcome under 2 only (c)
     * @param neither with neither (d)
     * @param level nominal coverage in (0, 1)
     * @return the interval of {@code p1 - p2}, {@code p1 = (a + b) / n}, {@code p2 = (a + c) / n}
     * @throws IllegalArgumentException if a count is negative, all are 0, or n passes 2^31 - 1
     */
    public static Interval newcombePaired(long both, long firstOnly, long secondOnly, long neither, double level) {
        if (both < 0 || firstOnly < 0 || secondOnly < 0 || neither < 0) {
            throw new IllegalArgumentException("counts must be at least 0");
        }
        long n = both + firstOnly + secondOnly + neither;
        if (n < 1 || n > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("between 1 and 2^31 - 1 pairs, got " + n);
        }
        Interval w1 = Scores.wilson((int) (both + firstOnly), (int) n, level);
        Interval w2 = Scores.wilson((int) (both + secondOnly), (int) n, level);
        double p1 = w1.estimate();
        double p2 = w2.estimate();
        // In doubles: the products pass 2^63 for the counts a long batch gives.
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
        double l1 = p1 - w1.lower();
        double u1 = w1.upper() - p1;
        double l2 = p2 - w2.lower();
        double u2 = w2.upper() - p2;
        double delta = Math.sqrt(Math.max(0, l1 * l1 - 2 * phi * l1 * u2 + u2 * u2));
        double epsilon = Math.sqrt(Math.max(0, u1 * u1 - 2 * phi * u1 * l2 + l2 * l2));
        double d = p1 - p2;
        return new Interval(d, Math.max(-1, d - delta), Math.min(1, d + epsilon), level);
    }

    /**
     * Returns the standard deviation of {@code n} values from their sum and sum of squares (divisor
     * {@code n - 1}; the sum of squared deviations in exact integer arithmetic); NaN for fewer than two.
     */
    public static double sd(long n, long sum, long sumOfSquares) {
        if (n < 2) {
            return Double.NaN;
        }
        BigInteger ss = BigInteger.valueOf(sumOfSquares).multiply(BigInteger.valueOf(n))
                .subtract(BigInteger.valueOf(sum).multiply(BigInteger.valueOf(sum)));
        return Math.sqrt(Math.max(0, ss.doubleValue() / ((double) n * (n - 1))));
    }

    /**
     * Returns the t interval of a mean of {@code n} values with standard deviation {@code sd}:
     * {@code mean +- t(1 - (1 - level) / 2, n - 1) sd / sqrt(n)} (Student's t from Commons Math).
     *
     * @throws IllegalArgumentException if {@code n < 2}, {@code sd} is not finite or negative, or the level
     *     is not in (0, 1)
     */
    public static Interval tMean(double mean, double sd, long n, double level) {
        if (n < 2 || !(sd >= 0) || Double.isInfinite(sd)) {
            throw new IllegalArgumentException("a t interval needs 2 or more values and a finite sd, got n = " + n
                    + ", sd = " + sd);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        double half = new TDistribution(null, n - 1).inverseCumulativeProbability(1 - (1 - level) / 2) * sd
                / Math.sqrt(n);
        return new Interval(mean, mean - half, mean + half, level);
    }

    /** The same from the values' count, sum and sum of squares. */
    public static Interval tMean(long n, long sum, long sumOfSquares, double level) {
        return tMean((double) sum / n, sd(n, sum, sumOfSquares), n, level);
    }
}
