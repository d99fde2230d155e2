package ballast.experiment;

import ec.util.MersenneTwisterFast;
import java.util.List;

/**
 * The points of an experiment: each row gives a value for every factor, in factor order.
 *
 * @param factors what varies
 * @param points the values, {@code points[point][factor]}
 */
public record Design(List<Factor> factors, double[][] points) {

    public Design {
        factors = List.copyOf(factors);
    }

    public int size() {
        return points.length;
    }

    /** The full-factorial grid: every combination of levels, the first factor varying slowest. */
    public static Design grid(List<Factor> factors) {
        int n = 1;
        for (Factor f : factors) {
            n = Math.multiplyExact(n, Math.max(1, f.levels()));
        }
        double[][] points = new double[n][factors.size()];
        for (int p = 0; p < n; p++) {
            int rest = p;
            for (int j = factors.size() - 1; j >= 0; j--) {
                int levels = Math.max(1, factors.get(j).levels());
                points[p][j] = factors.get(j).level(rest % levels);
                rest /= levels;
            }
        }
        return new Design(factors, points);
    }

    /**
     * A Latin hypercube of {@code n} points (McKay, Beckman and Conover 1979): each factor's range is
     * cut into n equal strata and every stratum holds exactly one point, at a uniform place within
     * it; strata are paired across factors by independent random permutations drawn from {@code seed}.
     */
    public static Design latinHypercube(List<Factor> factors, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a Latin hypercube needs at least 1 point, got " + n);
        }
        MersenneTwisterFast random = new MersenneTwisterFast(seed);
        double[][] points = new double[n][factors.size()];
        int[] strata = new int[n];
        for (int j = 0; j < factors.size(); j++) {
            for (int i = 0; i < n; i++) {
                strata[i] = i;
            }
            for (int i = n - 1; i > 0; i--) { // Fisher-Yates
                int k = random.nextInt(i + 1);
                int t = strata[i];
                strata[i] = strata[k];
                strata[k] = t;
            }
            for (int i = 0; i < n; i++) {
                points[i][j] = factors.get(j).at((strata[i] + random.nextDouble()) / n);
            }
        }
        return new Design(factors, points);
    }

    /** Maps points of the unit cube ({@code unit[point][factor]} in [0, 1]) onto the factors' ranges. */
    public static Design fromUnitCube(List<Factor> factors, double[][] unit) {
        double[][] points = new double[unit.length][factors.size()];
        for (int p = 0; p < unit.length; p++) {
            for (int j = 0; j < factors.size(); j++) {
                points[p][j] = factors.get(j).at(unit[p][j]);
            }
        }
        return new Design(factors, points);
    }
}
