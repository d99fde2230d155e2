package ballast.stats;

import java.util.Arrays;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.stat.StatUtils;
import org.apache.commons.math3.stat.ranking.NaNStrategy;
import org.apache.commons.math3.stat.ranking.NaturalRanking;
import org.apache.commons.math3.stat.ranking.TiesStrategy;

/**
 * The area under the ROC curve: the probability that a randomly chosen positive (e.g. a state that left)
 * scores higher than a randomly chosen negative (one that stayed), ties counting one half. It equals the
 * Mann-Whitney U statistic over {@code n1 n0} (Hanley and McNeil 1982), computed here from mid-ranks in
 * {@code O(N log N)}. 0.5 is no discrimination, 1 perfect, 0 perfectly reversed.
 */
public final class Auc {
    private Auc() {
    }

    /**
     * Returns the AUC of the scores of positives against those of negatives, in [0, 1].
     *
     * @param positives scores of the positives (higher means more likely positive), at least one, none NaN
     * @param negatives scores of the negatives, at least one, none NaN
     * @throws IllegalArgumentException if either array is empty or holds NaN
     */
    public static double of(double[] positives, double[] negatives) {
        check(positives, negatives);
        double[] ranks = midRanks(concat(positives, negatives));
        double rankSum = 0;
        for (int i = 0; i < positives.length; i++) {
            rankSum += ranks[i];
        }
        double n1 = positives.length;
        double u = rankSum - n1 * (n1 + 1) / 2;
        return u / (n1 * negatives.length);
    }

    /**
     * Returns the AUC of scores against outcomes, in [0, 1].
     *
     * @param scores one score per item
     * @param outcomes one outcome per item, true for a positive
     * @throws IllegalArgumentException if the lengths differ, a score is NaN, or all outcomes are the same
     */
    public static double of(double[] scores, boolean[] outcomes) {
        double[][] split = split(scores, outcomes);
        return of(split[0], split[1]);
    }

    /**
     * Returns DeLong's nonparametric standard error of the AUC (DeLong, DeLong and Clarke-Pearson 1988,
     * Biometrics 44: 837-845): {@code sqrt(S10 / n1 + S01 / n0)}, where {@code S10} and {@code S01} are the
     * sample variances (denominator {@code n - 1}) of the positives' and negatives' placement values,
     * computed from mid-ranks (Sun and Xu 2014).
     *
     * @param positives scores of the positives, at least two, none NaN
     * @param negatives scores of the negatives, at least two, none NaN
     * @throws IllegalArgumentException if there are fewer than two positives or negatives, or a NaN
     */
    public static double delongStandardError(double[] positives, double[] negatives) {
        check(positives, negatives);
        if (positives.length < 2 || negatives.length < 2) {
            throw new IllegalArgumentException("DeLong's standard error needs at least two positives and two"
                    + " negatives, got " + positives.length + " and " + negatives.length);
        }
        int n1 = positives.length;
        int n0 = negatives.length;
        double[] all = midRanks(concat(positives, negatives));
        double[] withinPositives = midRanks(positives);
        double[] withinNegatives = midRanks(negatives);
        // Placement of a positive: the share of negatives below it (ties one half) = (rank among all -
        // rank among positives) / n0. Of a negative: the share of positives above it.
        double[] v10 = new double[n1];
        for (int i = 0; i < n1; i++) {
            v10[i] = (all[i] - withinPositives[i]) / n0;
        }
        double[] v01 = new double[n0];
        for (int j = 0; j < n0; j++) {
            v01[j] = 1 - (all[n1 + j] - withinNegatives[j]) / n1;
        }
        return Math.sqrt(StatUtils.variance(v10) / n1 + StatUtils.variance(v01) / n0);
    }

    /**
     * Returns the AUC with a percentile bootstrap interval, resampling positives and negatives separately
     * (stratified, so every resample keeps {@code n1} positives and {@code n0} negatives), from a generator
     * seeded with {@code seed} ({@link Bootstrap#generator}): the same seed gives the same interval, and
     * so does the same data in another order (resamples index the sorted scores).
     *
     * <p>Each resample draws {@code n1} indices into the sorted positives, then {@code n0} into the sorted
     * negatives, and its AUC is exactly {@link #of(double[], double[])} of the drawn scores, computed in
     * {@code O(n1 + n0)} from counts (each positive's place among the sorted negatives is found once).
     *
     * @param positives scores of the positives, at least one, none NaN
     * @param negatives scores of the negatives, at least one, none NaN
     * @param resamples bootstrap resamples, at least 1 (a thousand or more for a 95% interval)
     * @param level nominal coverage in (0, 1), e.g. 0.95
     * @param seed seed of the generator
     * @throws IllegalArgumentException if an array is empty or holds NaN, or an argument is out of range
     */
    public static Interval bootstrap(double[] positives, double[] negatives, int resamples, double level, long seed) {
        check(positives, negatives);
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be at least 1, got " + resamples);
        }
        double[] pos = positives.clone();
        double[] neg = negatives.clone();
        Arrays.sort(pos);
        Arrays.sort(neg);
        int n1 = pos.length;
        int n0 = neg.length;
        // Negatives below each positive ([0, below)), and up to and including it ([0, upTo)).
        int[] below = new int[n1];
        int[] upTo = new int[n1];
        for (int i = 0; i < n1; i++) {
            below[i] = firstIndex(neg, pos[i], false);
            upTo[i] = firstIndex(neg, pos[i], true);
        }
        RandomGenerator random = Bootstrap.generator(seed);
        double[] replicates = new double[resamples];
        int[] drawnNegatives = new int[n0 + 1];
        for (int b = 0; b < resamples; b++) {
            int[] pi = Bootstrap.resample(n1, random);
            int[] qi = Bootstrap.resample(n0, random);
            Arrays.fill(drawnNegatives, 0);
            for (int j : qi) {
                drawnNegatives[j + 1]++;
            }
            for (int k = 1; k <= n0; k++) {
                drawnNegatives[k] += drawnNegatives[k - 1]; // now: drawn negatives with sorted index < k
            }
            double u = 0;
            for (int i : pi) {
                int less = drawnNegatives[below[i]];
                u += less + 0.5 * (drawnNegatives[upTo[i]] - less);
            }
            replicates[b] = u / ((double) n1 * n0);
        }
        return Bootstrap.percentile(of(positives, negatives), replicates, level);
    }

    /** Returns the number of sorted values below {@code x} (or, {@code inclusive}, at most {@code x}). */
    private static int firstIndex(double[] sorted, double x, boolean inclusive) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < x || inclusive && sorted[mid] == x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * Returns the scores of the positives and of the negatives, {@code {positives, negatives}}.
     *
     * @throws IllegalArgumentException if the lengths differ or all outcomes are the same
     */
    public static double[][] split(double[] scores, boolean[] outcomes) {
        if (scores.length != outcomes.length) {
            throw new IllegalArgumentException(scores.length + " scores for " + outcomes.length + " outcomes");
        }
        int n1 = 0;
        for (boolean o : outcomes) {
            n1 += o ? 1 : 0;
        }
        double[] positives = new double[n1];
        double[] negatives = new double[scores.length - n1];
        int a = 0;
        int b = 0;
        for (int i = 0; i < scores.length; i++) {
            if (outcomes[i]) {
                positives[a++] = scores[i];
            } else {
                negatives[b++] = scores[i];
            }
        }
        check(positives, negatives);
        return new double[][] {positives, negatives};
    }

    private static void check(double[] positives, double[] negatives) {
        if (positives.length == 0 || negatives.length == 0) {
            throw new IllegalArgumentException("the AUC needs at least one positive and one negative, got "
                    + positives.length + " and " + negatives.length);
        }
        for (double[] scores : new double[][] {positives, negatives}) {
            for (double s : scores) {
                if (Double.isNaN(s)) {
                    throw new IllegalArgumentException("a score is NaN");
                }
            }
        }
    }

    private static double[] concat(double[] a, double[] b) {
        double[] all = new double[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Ranks 1 to n, ties given the mean of their ranks (Commons Math). */
    private static double[] midRanks(double[] values) {
        return new NaturalRanking(NaNStrategy.FAILED, TiesStrategy.AVERAGE).rank(values);
    }
}
