package ballast.experiment;

import ec.util.MersenneTwisterFast;
import java.util.Arrays;
import org.apache.commons.math3.random.SobolSequenceGenerator;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;

/**
 * Variance-based global sensitivity (Sobol indices) by Saltelli's scheme.
 *
 * <p>Design: two independent matrices A and B of {@code N} points each, the first and last
 * {@code k} coordinates of a {@code 2k}-dimensional Sobol sequence (Commons Math's
 * {@link SobolSequenceGenerator}, Joe and Kuo direction numbers; its first point, the origin, is
 * skipped), and for each factor {@code i} the matrix AB_i: A with column i taken from B. That is
 * {@code N (k + 2)} model evaluations, laid out per base sample: A_j, B_j, AB_1j ... AB_kj.
 *
 * <p>Estimators (Saltelli et al. 2010, "Variance based sensitivity analysis of model output",
 * Computer Physics Communications 181, table 2): first order
 * {@code S_i = mean_j((f(B)_j - f0) (f(AB_i)_j - f(A)_j)) / V}, total order (Jansen 1999)
 * {@code ST_i = mean_j((f(A)_j - f(AB_i)_j)^2) / (2V)}, with V the variance of f over A and B
 * together and f0 its mean. Centring f(B) on f0 leaves the estimator's expectation unchanged (the
 * difference has mean zero) but removes the variance a large mean adds: a model's outputs (e.g.
 * about 9 allies with a spread of 1) are far from zero. Confidence intervals: percentile bootstrap
 * over the N base samples.
 */
public final class Sobol {
    private Sobol() {
    }

    /** Returns the number of evaluations for {@code n} base samples and {@code k} factors (no overflow). */
    public static long evaluations(long n, int k) {
        return n > Long.MAX_VALUE / (k + 2) ? Long.MAX_VALUE : n * (k + 2);
    }

    /**
     * Returns the design in the unit cube, {@code points[evaluation][factor]}, in the layout above.
     *
     * @throws IllegalArgumentException for fewer than 2 base samples, no factor, more than 500 factors,
     *     or more than {@link Design#MAX_POINTS} evaluations
     */
    public static double[][] design(long n, int k) {
        if (n < 2 || k < 1) {
            throw new IllegalArgumentException("Sobol indices need at least 2 base samples and 1 factor");
        }
        if (2 * k > 1000) {
            throw new IllegalArgumentException("at most 500 factors (the Sobol sequence has 1000 dimensions)");
        }
        Design.checkSize(evaluations(n, k), "a Sobol design of " + n + " base samples and " + k + " parameters");
        SobolSequenceGenerator sequence = new SobolSequenceGenerator(2 * k);
        sequence.skipTo(1);
        double[][] points = new double[(int) evaluations(n, k)][];
        for (int j = 0; j < n; j++) {
            double[] v = sequence.nextVector();
            double[] a = Arrays.copyOfRange(v, 0, k);
            double[] b = Arrays.copyOfRange(v, k, 2 * k);
            int base = j * (k + 2);
            points[base] = a;
            points[base + 1] = b;
            for (int i = 0; i < k; i++) {
                double[] ab = a.clone();
                ab[i] = b[i];
                points[base + 2 + i] = ab;
            }
        }
        return points;
    }

    /**
     * Indices of one output, with 95% bootstrap intervals.
     *
     * @param first first-order index per factor
     * @param firstLow lower end of its interval
     * @param firstHigh upper end
     * @param total total-order index per factor
     * @param totalLow lower end of its interval
     * @param totalHigh upper end
     * @param variance V, the output's variance over the design
     */
    public record Indices(double[] first, double[] firstLow, double[] firstHigh, double[] total, double[] totalLow,
            double[] totalHigh, double variance) {

        /** Copies the arrays in; the accessors copy them out (the rule of {@link Design}). */
        public Indices {
            first = first.clone();
            firstLow = firstLow.clone();
            firstHigh = firstHigh.clone();
            total = total.clone();
            totalLow = totalLow.clone();
            totalHigh = totalHigh.clone();
        }

        @Override
        public double[] first() {
            return first.clone();
        }

        @Override
        public double[] firstLow() {
            return firstLow.clone();
        }

        @Override
        public double[] firstHigh() {
            return firstHigh.clone();
        }

        @Override
        public double[] total() {
            return total.clone();
        }

        @Override
        public double[] totalLow() {
            return totalLow.clone();
        }

        @Override
        public double[] totalHigh() {
            return totalHigh.clone();
        }
    }

    /**
     * Estimates the indices from the outputs {@code f} of {@link #design}'s points, with a 95%
     * percentile bootstrap over base samples ({@code resamples} resamples drawn from {@code seed}).
     */
    public static Indices analyse(double[] f, int k, int resamples, long seed) {
        int n = f.length / (k + 2);
        if (n * (k + 2) != f.length) {
            throw new IllegalArgumentException("expected N (k + 2) outputs, got " + f.length);
        }
        int[] all = new int[n];
        Arrays.setAll(all, j -> j);
        double[][] point = estimate(f, k, all);
        double[][] firstBoot = new double[k][resamples];
        double[][] totalBoot = new double[k][resamples];
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        int[] sample = new int[n];
        for (int r = 0; r < resamples; r++) {
            for (int j = 0; j < n; j++) {
                sample[j] = random.nextInt(n);
            }
            double[][] e = estimate(f, k, sample);
            for (int i = 0; i < k; i++) {
                firstBoot[i][r] = e[0][i];
                totalBoot[i][r] = e[1][i];
            }
        }
        double[][] lo = new double[2][k];
        double[][] hi = new double[2][k];
        for (int i = 0; i < k; i++) {
            double[][] boots = {firstBoot[i], totalBoot[i]};
            for (int m = 0; m < 2; m++) {
                double[][] b = boots;
                lo[m][i] = percentile(b[m], 2.5);
                hi[m][i] = percentile(b[m], 97.5);
            }
        }
        return new Indices(point[0], lo[0], hi[0], point[1], lo[1], hi[1], point[2][0]);
    }

    /** Returns {S1[], ST[], {V}} over the base samples listed in {@code samples} (repeats allowed). */
    static double[][] estimate(double[] f, int k, int[] samples) {
        int n = samples.length;
        double sum = 0;
        double sumSq = 0;
        for (int j : samples) {
            double a = f[j * (k + 2)];
            double b = f[j * (k + 2) + 1];
            sum += a + b;
            sumSq += a * a + b * b;
        }
        double mean = sum / (2.0 * n);
        double v = (sumSq - 2.0 * n * mean * mean) / (2.0 * n - 1);
        double[] first = new double[k];
        double[] total = new double[k];
        for (int i = 0; i < k; i++) {
            double s = 0;
            double t = 0;
            for (int j : samples) {
                int base = j * (k + 2);
                double a = f[base];
                double b = f[base + 1];
                double ab = f[base + 2 + i];
                s += (b - mean) * (ab - a);
                t += (a - ab) * (a - ab);
            }
            first[i] = v > 0 ? s / n / v : Double.NaN;
            total[i] = v > 0 ? t / (2.0 * n) / v : Double.NaN;
        }
        return new double[][] {first, total, {v}};
    }

    private static double percentile(double[] values, double p) {
        // Commons Math's default estimator (R_6 style); NaNs (zero variance) give NaN.
        for (double v : values) {
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
        }
        return new Percentile().evaluate(values, p);
    }
}
