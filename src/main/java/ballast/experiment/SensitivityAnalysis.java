package ballast.experiment;

import ballast.experiment.PointSummary.Output;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.math3.stat.descriptive.moment.Variance;

/**
 * A global sensitivity analysis whose design points are batches: the design (Saltelli's for Sobol
 * indices, trajectories for Morris screening) and, once every point has run, the indices of each
 * output from the points' means, with the replication noise set against the variance over the design.
 */
public final class SensitivityAnalysis {
    private static final long MORRIS_SALT = 0x4D4F52524953L;   // "MORRIS"
    private static final long BOOTSTRAP_SALT = 0x424F4F54L;    // "BOOT"

    /** How the indices are estimated. */
    public enum Method {
        SOBOL("sobol", 1024),
        MORRIS("morris", 20);

        private final String key;
        private final int defaultSamples;

        Method(String key, int defaultSamples) {
            this.key = key;
            this.defaultSamples = defaultSamples;
        }

        /** Returns the name on the command line and in plans, e.g. {@code sobol}. */
        public String key() {
            return key;
        }

        /** Returns the default base samples (Sobol) or trajectories (Morris). */
        public int defaultSamples() {
            return defaultSamples;
        }

        /** Returns the method called {@code key}, or null. */
        public static Method of(String key) {
            for (Method m : values()) {
                if (m.key.equals(key)) {
                    return m;
                }
            }
            return null;
        }
    }

    /**
     * One output's analysis.
     *
     * @param output what was analysed
     * @param sobol Sobol indices (null for Morris)
     * @param morris Morris effects (null for Sobol)
     * @param mean the output's mean over the design
     * @param variance its variance over the design
     * @param noiseVariance the replication noise: the mean over points of each point's variance / n
     * @param pointMeans the output's mean at each point
     */
    public record Result(Output output, Sobol.Indices sobol, Morris.Effects morris, double mean, double variance,
            double noiseVariance, double[] pointMeans) {

        /** Copies the array in; the accessor copies it out (the rule of {@link Design}). */
        public Result {
            pointMeans = pointMeans.clone();
        }

        @Override
        public double[] pointMeans() {
            return pointMeans.clone();
        }

        /** Returns the factor with the largest total-order index (Sobol) or mu* (Morris). */
        public int mostInfluential() {
            double[] v = sobol != null ? sobol.total() : morris.muStar();
            int best = 0;
            for (int i = 1; i < v.length; i++) {
                if (v[i] > v[best]) {
                    best = i;
                }
            }
            return best;
        }
    }

    private SensitivityAnalysis() {
    }

    /**
     * Returns the design of {@code method} over {@code factors}: {@code samples} base samples (Sobol,
     * N (k + 2) points) or trajectories on a grid of {@code levels} (Morris, r (k + 1) points, drawn
     * from the master seed).
     *
     * @throws IllegalArgumentException if the design would have more than {@link Design#MAX_POINTS} points
     */
    public static Design design(Method method, List<Factor> factors, long samples, int levels, long masterSeed) {
        int k = factors.size();
        double[][] unit = method == Method.SOBOL ? Sobol.design(samples, k)
                : Morris.design(samples, k, levels, Seeds.design(masterSeed, MORRIS_SALT));
        return Design.fromUnitCube(factors, unit);
    }

    /** Returns how many points the design of {@code method} would have (without overflow). */
    public static long designSize(Method method, long samples, int factors) {
        return method == Method.SOBOL ? Sobol.evaluations(samples, factors) : Morris.evaluations(samples, factors);
    }

    /**
     * Analyses each of {@code outputs} from the summaries of the design's points ({@code replications}
     * each), with {@code resamples} bootstrap resamples drawn from the master seed.
     */
    public static List<Result> analyse(Method method, Design design, PointSummary[] points, long replications,
            List<Output> outputs, int resamples, long masterSeed) {
        long bootSeed = Seeds.design(masterSeed, BOOTSTRAP_SALT);
        int k = design.factors().size();
        List<Result> results = new ArrayList<>();
        for (Output out : outputs) {
            double[] f = new double[design.size()];
            double noise = 0;
            for (int p = 0; p < design.size(); p++) {
                f[p] = points[p].mean(out);
                noise += points[p].variance(out) / replications;
            }
            noise /= design.size();
            double mean = Arrays.stream(f).average().orElse(Double.NaN);
            double variance = new Variance().evaluate(f);
            results.add(method == Method.SOBOL
                    ? new Result(out, Sobol.analyse(f, k, resamples, bootSeed), null, mean, variance, noise, f)
                    : new Result(out, null, Morris.analyse(design.toUnitCube(), f, k, resamples, bootSeed), mean,
                            variance, noise, f));
        }
        return results;
    }
}
