package ballast.model;

import ec.util.MersenneTwisterFast;
import java.util.List;

/**
 * The uncertainty of a calibration, for drawing the fitted parameters anew in every replication:
 * a multivariate normal on the fitting scale (base rates on the log scale, weights as they are),
 * centred on the values of the rule the scenario runs (the calibration's estimates, unless the
 * scenario, a sweep or a sensitivity analysis sets other values: then the draws centre on those),
 * with the calibration's covariance, given by its lower Cholesky factor. A replication's draw comes
 * from its own seed through a generator of its own, so it does not shift the replication's random
 * stream and the same replication always gets the same parameters.
 *
 * @param names {@code toPrcPerYear}, {@code toRocPerYear} or term keys, in the covariance's order
 * @param cholesky the lower Cholesky factor of the covariance, row by row ({@code n * n} values)
 */
public record RuleDraws(List<String> names, double[] cholesky) {
    private static final long SALT = 0x5DEECE66DL * 0x9E3779B97F4A7C15L;

    public RuleDraws {
        names = List.copyOf(names);
        int n = names.size();
        if (cholesky.length != n * n) {
            throw new IllegalArgumentException("a draw needs an " + n + " x " + n + " factor");
        }
        for (String name : names) {
            if (!isRate(name) && Term.ofKey(name) == null) {
                throw new IllegalArgumentException("'" + name + "' is not a rule weight or base rate");
            }
        }
        cholesky = cholesky.clone();
    }

    private static boolean isRate(String name) {
        return name.equals("toPrcPerYear") || name.equals("toRocPerYear");
    }

    @Override
    public double[] cholesky() {
        return cholesky.clone();
    }

    /**
     * Returns {@code base} with the named parameters drawn, around their values in {@code base}, for
     * the replication with seed {@code seed}.
     */
    public RuleParameters draw(RuleParameters base, long seed) {
        int n = names.size();
        long s = seed ^ SALT;
        MersenneTwisterFast rng = new MersenneTwisterFast(new int[] {(int) (s >>> 32), (int) s});
        double[] z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rng.nextGaussian();
        }
        // One set of parameters per replication, built once (a batch draws one per replication).
        double toPrc = base.toPrcPerYear();
        double toRoc = base.toRocPerYear();
        java.util.EnumMap<Term, Double> weights = new java.util.EnumMap<>(base.weights());
        for (int i = 0; i < n; i++) {
            String name = names.get(i);
            double x = name.equals("toPrcPerYear") ? Math.log(base.toPrcPerYear())
                    : name.equals("toRocPerYear") ? Math.log(base.toRocPerYear()) : base.weight(Term.ofKey(name));
            for (int j = 0; j <= i; j++) {
                x += cholesky[i * n + j] * z[j];
            }
            if (name.equals("toPrcPerYear")) {
                toPrc = Math.exp(x);
            } else if (name.equals("toRocPerYear")) {
                toRoc = Math.exp(x);
            } else {
                weights.put(Term.ofKey(name), Math.max(-Term.MAX_WEIGHT, Math.min(Term.MAX_WEIGHT, x)));
            }
        }
        return new RuleParameters(toPrc, toRoc, weights, base.contagionWindowMonths(),
                base.newGovernmentWindowMonths(), base.gdpFloorUsdMillions(), base.sameRegionLinkWeight());
    }
}
