package ballast.stats;

/**
 * The Poisson binomial distribution: the number of events among independent Bernoulli trials with
 * probabilities {@code p_1, ..., p_n} (e.g. how many of the allies switch in a year, each with its own
 * forecast). Exact, by the recursion {@code P_k(j) = P_{k-1}(j) (1 - p_k) + P_{k-1}(j - 1) p_k} over the
 * trials ({@code O(n^2)} work, only additions of non-negative terms, so no cancellation). Immutable.
 *
 * <pre>{@code
 * PoissonBinomial leavers = PoissonBinomial.of(hazards);   // one probability per ally
 * PoissonBinomial.Band band = leavers.band(0.80);           // 80% band of the number that leave
 * int alliesLow = allies - band.upper(), alliesHigh = allies - band.lower();
 * }</pre>
 */
public final class PoissonBinomial {
    /**
     * Slack for rounding when comparing a cumulative probability with a quantile's level: sums of the
     * probabilities are exact to about 1e-15 per trial, so a level equal to a cumulative probability
     * (e.g. 0.25 for two fair coins) still returns the count where it is reached.
     */
    private static final double SLACK = 1e-12;

    private final double[] pmf;
    private final double[] cdf;
    private final double mean;
    private final double variance;
    /** Trials certain to be events: the smallest possible count. */
    private final int certain;
    /** Trials that can be events: the largest possible count. */
    private final int possible;

    private PoissonBinomial(double[] pmf, double mean, double variance, int certain, int possible) {
        this.pmf = pmf;
        this.cdf = new double[pmf.length];
        double sum = 0;
        for (int k = 0; k < pmf.length; k++) {
            sum += pmf[k];
            cdf[k] = Math.min(sum, 1);
        }
        this.mean = mean;
        this.variance = variance;
        this.certain = certain;
        this.possible = possible;
    }

    /**
     * Returns the distribution of the number of events among independent trials with these
     * probabilities (no trials: the count is 0 for certain).
     *
     * @param probabilities one probability per trial, each in [0, 1]
     * @throws IllegalArgumentException if a probability is outside [0, 1] or NaN
     */
    public static PoissonBinomial of(double[] probabilities) {
        int n = probabilities.length;
        double[] pmf = new double[n + 1];
        pmf[0] = 1;
        double mean = 0;
        double variance = 0;
        int certain = 0;
        int possible = 0;
        for (int k = 0; k < n; k++) {
            double p = probabilities[k];
            if (!(p >= 0 && p <= 1)) {
                throw new IllegalArgumentException("probability " + k + " is " + p);
            }
            for (int j = k + 1; j >= 1; j--) {
                pmf[j] = pmf[j] * (1 - p) + pmf[j - 1] * p;
            }
            pmf[0] *= 1 - p;
            mean += p;
            variance += p * (1 - p);
            certain += p == 1 ? 1 : 0;
            possible += p > 0 ? 1 : 0;
        }
        return new PoissonBinomial(pmf, mean, variance, certain, possible);
    }

    /** Returns the number of trials, the largest possible count. */
    public int trials() {
        return pmf.length - 1;
    }

    /** Returns {@code P(K = k)}; 0 outside 0 to {@link #trials()}. */
    public double probability(int k) {
        return k < 0 || k >= pmf.length ? 0 : pmf[k];
    }

    /** Returns {@code P(K <= k)}; 0 below 0, 1 from {@link #trials()} on. */
    public double cumulativeProbability(int k) {
        if (k < 0) {
            return 0;
        }
        return k >= cdf.length - 1 ? 1 : cdf[k];
    }

    /** Returns the probabilities {@code P(K = 0), ..., P(K = n)} (a copy). */
    public double[] probabilities() {
        return pmf.clone();
    }

    /** Returns the mean, {@code sum p_i}. */
    public double mean() {
        return mean;
    }

    /** Returns the variance, {@code sum p_i (1 - p_i)}. */
    public double variance() {
        return variance;
    }

    /**
     * Returns the {@code level}-quantile: the smallest count {@code k} with {@code P(K <= k) >= level}
     * (up to rounding of 1e-12), the inverse of the distribution function as Commons Math's
     * {@code inverseCumulativeProbability} defines it for discrete distributions.
     *
     * @param level in [0, 1]; 0 gives the smallest possible count (trials with probability 1), 1 the
     *     largest (trials with positive probability)
     * @throws IllegalArgumentException if {@code level} is outside [0, 1] or NaN
     */
    public int quantile(double level) {
        if (!(level >= 0 && level <= 1)) {
            throw new IllegalArgumentException("level must be in [0, 1], got " + level);
        }
        // The ends of the support, counted exactly (the probabilities of extreme counts may underflow to 0).
        if (level == 0) {
            return certain;
        }
        if (level == 1) {
            return possible;
        }
        for (int k = certain; k < possible; k++) {
            if (cdf[k] >= level - SLACK) {
                return k;
            }
        }
        return possible;
    }

    /**
     * A central band of counts, and the exact probability that the count falls in it.
     *
     * @param lower the {@code (1 - level) / 2} quantile
     * @param upper the {@code (1 + level) / 2} quantile
     * @param coverage {@code P(lower <= K <= upper)}, at least about {@code level}
     */
    public record Band(int lower, int upper, double coverage) {
    }

    /**
     * Returns the central band of counts between the {@code (1 - level) / 2} and {@code (1 + level) / 2}
     * quantiles (e.g. the 10% and 90% quantiles for an 80% band), with its exact coverage.
     *
     * @param level in (0, 1)
     * @throws IllegalArgumentException if {@code level} is not in (0, 1)
     */
    public Band band(double level) {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        int lower = quantile((1 - level) / 2);
        int upper = quantile((1 + level) / 2);
        return new Band(lower, upper, cumulativeProbability(upper) - cumulativeProbability(lower - 1));
    }
}
