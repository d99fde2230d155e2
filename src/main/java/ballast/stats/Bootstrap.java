package ballast.stats;

import java.util.function.ToDoubleFunction;
import org.apache.commons.math3.random.MersenneTwister;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * The nonparametric bootstrap, seeded: resampling indices with replacement and percentile intervals.
 * The same seed gives the same resamples and the same interval on every run and machine (a Commons Math
 * {@link MersenneTwister} seeded with the caller's seed; derive the seed from the experiment's master
 * seed, never from the clock).
 *
 * <p>Resampling indices rather than values lets one resample carry several arrays together (a model's
 * and a baseline's forecasts of the same country-years, for a skill score's interval):
 * <pre>{@code
 * Interval skill = Bootstrap.interval(n, idx -> 1 - brier(model, idx) / brier(naive, idx), 2000, 0.95, seed);
 * }</pre>
 */
public final class Bootstrap {
    private Bootstrap() {
    }

    /** Returns a new Commons Math Mersenne Twister seeded with {@code seed}: the generator every method here uses. */
    public static RandomGenerator generator(long seed) {
        return new MersenneTwister(seed);
    }

    /**
     * Returns {@code n} indices drawn uniformly with replacement from 0 to {@code n - 1}.
     *
     * @throws IllegalArgumentException if {@code n} is below 1
     */
    public static int[] resample(int n, RandomGenerator random) {
        if (n < 1) {
            throw new IllegalArgumentException("cannot resample " + n + " items");
        }
        int[] indices = new int[n];
        for (int i = 0; i < n; i++) {
            indices[i] = random.nextInt(n);
        }
        return indices;
    }

    /**
     * Returns {@code resamples} bootstrap replicates of a statistic of {@code n} items: the statistic
     * applied to {@code resamples} index resamples (each {@code n} indices with replacement) drawn from a
     * generator seeded with {@code seed}.
     *
     * @param n items (rows) to resample, at least 1
     * @param statistic the statistic of the items whose indices it is given (repeats allowed)
     * @param resamples replicates, at least 1
     * @param seed seed of the generator
     * @throws IllegalArgumentException if {@code n} or {@code resamples} is below 1
     * @throws IllegalStateException if the statistic returns NaN for a resample
     */
    public static double[] replicates(int n, ToDoubleFunction<int[]> statistic, int resamples, long seed) {
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        RandomGenerator random = generator(seed);
        double[] values = new double[resamples];
        for (int b = 0; b < resamples; b++) {
            values[b] = statistic.applyAsDouble(resample(n, random));
            if (Double.isNaN(values[b])) {
                throw new IllegalStateException("the statistic is NaN on bootstrap resample " + b
                        + " (seed " + seed + ")");
            }
        }
        return values;
    }

    /**
     * Returns the percentile interval of bootstrap replicates: their {@code (1 - level) / 2} and
     * {@code (1 + level) / 2} quantiles, as Commons Math's {@link Percentile} estimates them by default
     * (position {@code p (B + 1)}, interpolated; the estimator the sensitivity analyses use).
     *
     * @param estimate the statistic on the original data, carried into the result
     * @param replicates the bootstrap replicates, at least one, none NaN
     * @param level nominal coverage in (0, 1)
     * @throws IllegalArgumentException if {@code level} is not in (0, 1), or there are no replicates, or one is NaN
     */
    public static Interval percentile(double estimate, double[] replicates, double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (replicates.length == 0) {
            throw new IllegalArgumentException("no bootstrap replicates");
        }
        for (double r : replicates) {
            if (Double.isNaN(r)) {
                throw new IllegalArgumentException("a bootstrap replicate is NaN");
            }
        }
        Percentile percentile = new Percentile();
        percentile.setData(replicates);
        double lower = percentile.evaluate(50 * (1 - level));
        double upper = percentile.evaluate(50 * (1 + level));
        return new Interval(estimate, lower, upper, level);
    }

    /**
     * Returns a statistic of {@code n} items with its percentile bootstrap interval: the estimate is the
     * statistic of all items in order (indices 0 to n - 1), the interval that of
     * {@link #replicates(int, ToDoubleFunction, int, long)}.
     *
     * @param n items, at least 1
     * @param statistic the statistic of the items whose indices it is given (repeats allowed)
     * @param resamples replicates, at least 1 (a thousand or more for a 95% interval)
     * @param level nominal coverage in (0, 1)
     * @param seed seed of the generator
     * @throws IllegalArgumentException if an argument is out of range
     * @throws IllegalStateException if the statistic returns NaN for a resample
     */
    public static Interval interval(int n, ToDoubleFunction<int[]> statistic, int resamples, double level,
            long seed) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (n < 1) {
            throw new IllegalArgumentException("cannot bootstrap " + n + " items");
        }
        int[] all = new int[n];
        for (int i = 0; i < n; i++) {
            all[i] = i;
        }
        double estimate = statistic.applyAsDouble(all);
        return percentile(estimate, replicates(n, statistic, resamples, seed), level);
    }
}
