package ballast.experiment;

import ec.util.MersenneTwisterFast;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Elementary-effects screening (Morris 1991, "Factorial sampling plans for preliminary computational
 * experiments", Technometrics 33; mu* as in Campolongo, Cariboni and Saltelli 2007).
 *
 * <p>Design: {@code r} trajectories of {@code k + 1} points on a grid of {@code p} levels in the unit
 * cube. A trajectory starts at a random grid point and changes one factor at a time, in random
 * order, by {@code delta = p / (2 (p - 1))}: up if that stays in the cube, otherwise down. An
 * elementary effect is {@code (f(after) - f(before)) / delta} with the step signed, so it is the
 * output's change per whole range of the factor. Reported per factor: mu (mean effect), mu* (mean
 * absolute effect: importance), sigma (standard deviation: interaction or non-linearity), and a 95%
 * percentile bootstrap interval of mu* over trajectories.
 */
public final class Morris {
    private Morris() {
    }

    /** Returns the number of evaluations for {@code r} trajectories and {@code k} factors (no overflow). */
    public static long evaluations(long r, int k) {
        return r > Long.MAX_VALUE / (k + 1) ? Long.MAX_VALUE : r * (k + 1);
    }

    /** Returns the step for {@code levels} grid levels. */
    public static double delta(int levels) {
        return levels / (2.0 * (levels - 1));
    }

    /**
     * Returns {@code r} trajectories in the unit cube, {@code points[evaluation][factor]}, trajectory by trajectory.
     *
     * @throws IllegalArgumentException for fewer than 2 trajectories, no factor, an odd number of
     *     levels, or more than {@link Design#MAX_POINTS} evaluations
     */
    public static double[][] design(long r, int k, int levels, long seed) {
        if (r < 2 || k < 1 || levels < 2 || levels % 2 != 0) {
            throw new IllegalArgumentException("Morris screening needs at least 2 trajectories, 1 factor and an even "
                    + "number of levels (at least 2)");
        }
        Design.checkSize(evaluations(r, k), "a Morris design of " + r + " trajectories and " + k + " parameters");
        double delta = delta(levels);
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        double[][] points = new double[(int) evaluations(r, k)][];
        int[] order = new int[k];
        for (int t = 0; t < r; t++) {
            double[] x = new double[k];
            for (int i = 0; i < k; i++) {
                x[i] = random.nextInt(levels) / (double) (levels - 1);
                order[i] = i;
            }
            for (int i = k - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int tmp = order[i];
                order[i] = order[j];
                order[j] = tmp;
            }
            int row = t * (k + 1);
            points[row] = x.clone();
            for (int s = 0; s < k; s++) {
                int i = order[s];
                x[i] = x[i] + delta <= 1 + 1e-12 ? x[i] + delta : x[i] - delta;
                points[row + s + 1] = x.clone();
            }
        }
        return points;
    }

    /**
     * Elementary-effect statistics of one output per factor.
     *
     * @param mu mean effect
     * @param muStar mean absolute effect
     * @param muStarLow lower end of mu*'s 95% bootstrap interval
     * @param muStarHigh upper end
     * @param sigma standard deviation of the effects
     */
    public record Effects(double[] mu, double[] muStar, double[] muStarLow, double[] muStarHigh, double[] sigma) {

        /** Copies the arrays in; the accessors copy them out (the rule of {@link Design}). */
        public Effects {
            mu = mu.clone();
            muStar = muStar.clone();
            muStarLow = muStarLow.clone();
            muStarHigh = muStarHigh.clone();
            sigma = sigma.clone();
        }

        @Override
        public double[] mu() {
            return mu.clone();
        }

        @Override
        public double[] muStar() {
            return muStar.clone();
        }

        @Override
        public double[] muStarLow() {
            return muStarLow.clone();
        }

        @Override
        public double[] muStarHigh() {
            return muStarHigh.clone();
        }

        @Override
        public double[] sigma() {
            return sigma.clone();
        }
    }

    /** Returns the effects from the outputs {@code f} of {@link #design}'s {@code points}. */
    public static Effects analyse(double[][] points, double[] f, int k, int resamples, long seed) {
        int r = f.length / (k + 1);
        double[][] ee = new double[k][r];
        for (int t = 0; t < r; t++) {
            int row = t * (k + 1);
            for (int s = 0; s < k; s++) {
                double[] before = points[row + s];
                double[] after = points[row + s + 1];
                int i = changed(before, after);
                ee[i][t] = (f[row + s + 1] - f[row + s]) / (after[i] - before[i]);
            }
        }
        double[] mu = new double[k];
        double[] muStar = new double[k];
        double[] sigma = new double[k];
        double[] lo = new double[k];
        double[] hi = new double[k];
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        for (int i = 0; i < k; i++) {
            double sum = 0;
            double abs = 0;
            for (double e : ee[i]) {
                sum += e;
                abs += Math.abs(e);
            }
            mu[i] = sum / r;
            muStar[i] = abs / r;
            double ss = 0;
            for (double e : ee[i]) {
                ss += (e - mu[i]) * (e - mu[i]);
            }
            sigma[i] = Math.sqrt(ss / (r - 1));
            double[] boot = new double[resamples];
            for (int b = 0; b < resamples; b++) {
                double a = 0;
                for (int t = 0; t < r; t++) {
                    a += Math.abs(ee[i][random.nextInt(r)]);
                }
                boot[b] = a / r;
            }
            Percentile percentile = new Percentile();
            percentile.setData(boot);
            lo[i] = percentile.evaluate(2.5);
            hi[i] = percentile.evaluate(97.5);
        }
        return new Effects(mu, muStar, lo, hi, sigma);
    }

    private static int changed(double[] before, double[] after) {
        for (int i = 0; i < before.length; i++) {
            if (before[i] != after[i]) {
                return i;
            }
        }
        throw new IllegalArgumentException("consecutive points of a trajectory must differ in one factor");
    }
}
