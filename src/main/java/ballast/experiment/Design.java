package ballast.experiment;

import ec.util.MersenneTwisterFast;
import java.util.List;
import java.util.Locale;

/**
 * The points of an experiment: each point gives a value for every factor, in factor order.
 *
 * <p>Arrays are never handed out: the constructor copies the points in, {@link #value} reads one
 * value and {@link #toArray()} returns a copy. The same rule holds for every value object of this
 * package that holds arrays ({@link Sobol.Indices}, {@link Morris.Effects}, as for
 * {@code ballast.model.RunResult}): they copy arrays in and out, so nobody can change a result
 * behind its owner's back; where a loop reads one value at a time, there is an indexed accessor.
 */
public final class Design {
    /**
     * The most points a design may have: 100,000 (a Sobol analysis of 10 parameters with 8,192 base
     * samples has 98,304). Every point is kept in the plan and summarised in memory.
     */
    public static final int MAX_POINTS = 100_000;

    private final List<Factor> factors;
    private final double[][] points;

    /**
     * A design of {@code points[point][factor]} over {@code factors}.
     *
     * @throws IllegalArgumentException if there are more than {@link #MAX_POINTS} points or a point
     *     does not have one value per factor
     */
    public Design(List<Factor> factors, double[][] points) {
        this.factors = List.copyOf(factors);
        checkSize(points.length, "the design");
        this.points = new double[points.length][];
        for (int p = 0; p < points.length; p++) {
            if (points[p].length != factors.size()) {
                throw new IllegalArgumentException("point " + p + " has " + points[p].length + " values for "
                        + factors.size() + " factors");
            }
            this.points[p] = points[p].clone();
        }
    }

    /**
     * Refuses a design of more than {@link #MAX_POINTS} points before it is built.
     *
     * @param points how many points it would have (a long, so that no product of user numbers overflows)
     * @param what what makes them, for the message, e.g. "a grid of 50000 x 50000 levels"
     * @throws IllegalArgumentException with a message that says the limit
     */
    public static void checkSize(long points, String what) {
        if (points > MAX_POINTS) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "%s has %,d points; at most %,d are possible", what, points, MAX_POINTS));
        }
    }

    public List<Factor> factors() {
        return factors;
    }

    public int size() {
        return points.length;
    }

    /** Returns the value of factor {@code factor} at point {@code point}. */
    public double value(int point, int factor) {
        return points[point][factor];
    }

    /** Returns the points, {@code [point][factor]} (a copy). */
    public double[][] toArray() {
        double[][] copy = new double[points.length][];
        for (int p = 0; p < points.length; p++) {
            copy[p] = points[p].clone();
        }
        return copy;
    }

    /** Returns the number of points of the full-factorial grid over {@code factors}, without overflow. */
    public static long gridSize(List<Factor> factors) {
        long n = 1;
        for (Factor f : factors) {
            n *= Math.max(1, f.levels());
            if (n > MAX_POINTS) {
                return n;  // big enough to refuse; stop before a product overflows
            }
        }
        return n;
    }

    /**
     * The full-factorial grid: every combination of levels, the first factor varying slowest.
     *
     * @throws IllegalArgumentException if it would have more than {@link #MAX_POINTS} points
     */
    public static Design grid(List<Factor> factors) {
        long size = gridSize(factors);
        StringBuilder levels = new StringBuilder();
        for (Factor f : factors) {
            levels.append(levels.length() == 0 ? "" : " x ").append(Math.max(1, f.levels()));
        }
        checkSize(size, "a grid of " + levels + " levels");
        int n = (int) size;
        double[][] points = new double[n][factors.size()];
        for (int p = 0; p < n; p++) {
            int rest = p;
            for (int j = factors.size() - 1; j >= 0; j--) {
                int l = Math.max(1, factors.get(j).levels());
                points[p][j] = factors.get(j).level(rest % l);
                rest /= l;
            }
        }
        return new Design(factors, points);
    }

    /**
     * A Latin hypercube of {@code n} points (McKay, Beckman and Conover 1979): each factor's range is
     * cut into n equal strata and every stratum holds exactly one point, at a uniform place within
     * it; strata are paired across factors by independent random permutations drawn from {@code seed}.
     *
     * @throws IllegalArgumentException if {@code n} is not in [1, {@link #MAX_POINTS}]
     */
    public static Design latinHypercube(List<Factor> factors, int n, long seed) {
        if (n < 1) {
            throw new IllegalArgumentException("a Latin hypercube needs at least 1 point, got " + n);
        }
        checkSize(n, "a Latin hypercube of " + n + " points");
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

    /** Returns the points scaled back to the unit cube of the factors' ranges (a factor with one value maps to 0). */
    public double[][] toUnitCube() {
        double[][] u = new double[points.length][factors.size()];
        for (int p = 0; p < points.length; p++) {
            for (int j = 0; j < factors.size(); j++) {
                Factor f = factors.get(j);
                u[p][j] = f.high() == f.low() ? 0 : (points[p][j] - f.low()) / (f.high() - f.low());
            }
        }
        return u;
    }
}
