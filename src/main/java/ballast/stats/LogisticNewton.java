package ballast.stats;

import static ballast.stats.LogisticRegression.logistic;

import ballast.stats.LogisticRegression.Options;
import java.util.Locale;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The Newton-Raphson iteration behind {@link LogisticRegression#fit}: validation of the data, step-halving,
 * convergence and failure tests as the class comment of {@link LogisticRegression} describes.
 */
final class LogisticNewton {
    /** R's glm.fit: fitted probabilities within 10 machine epsilons of 0 or 1 are "numerically 0 or 1". */
    private static final double NUMERICALLY_ZERO = 10 * Math.ulp(1.0);
    /** Halvings of a Newton step before giving up on finding an ascent. */
    private static final int MAX_HALVINGS = 40;
    /** Cholesky pivots below this, on the information scaled to unit diagonal, mean singular. */
    private static final double SINGULARITY_THRESHOLD = 1e-13;

    /** The validated data: design matrix (with the added intercept), outcomes, weights, offsets. */
    private record Problem(double[][] x, boolean[] y, double[] w, double[] offset, int interceptIndex,
            double[] columnScale, int observations) {

        static Problem of(double[][] x, boolean[] y, double[] weights, double[] offset, Options options) {
            int n = x.length;
            if (n == 0) {
                throw new IllegalArgumentException("no observations");
            }
            if (y.length != n) {
                throw new IllegalArgumentException("y has " + y.length + " values for " + n + " rows");
            }
            if (weights != null && weights.length != n) {
                throw new IllegalArgumentException("weights has " + weights.length + " values for " + n + " rows");
            }
            if (offset != null && offset.length != n) {
                throw new IllegalArgumentException("offset has " + offset.length + " values for " + n + " rows");
            }
            int columns = x[0].length;
            int shift = options.addIntercept() ? 1 : 0;
            int p = columns + shift;
            if (p == 0) {
                throw new IllegalArgumentException("no columns and no intercept");
            }
            if (options.interceptColumn() >= columns) {
                throw new IllegalArgumentException("intercept column " + options.interceptColumn()
                        + " is outside the " + columns + " columns");
            }
            double[][] design = new double[n][p];
            double[] w = new double[n];
            double[] off = new double[n];
            double[] scale = new double[p];
            int observations = 0;
            for (int i = 0; i < n; i++) {
                if (x[i].length != columns) {
                    throw new IllegalArgumentException("row " + i + " has " + x[i].length + " values, row 0 has "
                            + columns);
                }
                w[i] = weights == null ? 1 : weights[i];
                if (!(w[i] >= 0) || Double.isInfinite(w[i])) {
                    throw new IllegalArgumentException("weight of row " + i + " must be finite and at least 0, got "
                            + w[i]);
                }
                off[i] = offset == null ? 0 : offset[i];
                if (!Double.isFinite(off[i])) {
                    throw new IllegalArgumentException("offset of row " + i + " is " + off[i]);
                }
                if (shift == 1) {
                    design[i][0] = 1;
                }
                for (int j = 0; j < columns; j++) {
                    if (!Double.isFinite(x[i][j])) {
                        throw new IllegalArgumentException("x[" + i + "][" + j + "] is " + x[i][j]);
                    }
                    design[i][j + shift] = x[i][j];
                }
                if (w[i] > 0) {
                    observations++;
                    for (int j = 0; j < p; j++) {
                        scale[j] = Math.max(scale[j], Math.abs(design[i][j]));
                    }
                }
            }
            if (observations == 0) {
                throw new IllegalArgumentException("every weight is 0");
            }
            int interceptIndex = options.addIntercept() ? 0 : options.interceptColumn();
            return new Problem(design, y.clone(), w, off, interceptIndex, scale, observations);
        }

        int size() {
            return x[0].length;
        }
    }

    /** The Newton iteration: state of one fit. */
    private static final class Newton {
        private final Problem problem;
        private final Options options;
        private final int p;
        private final double[] penalty;

        Newton(Problem problem, Options options) {
            this.problem = problem;
            this.options = options;
            this.p = problem.size();
            this.penalty = new double[p];
            for (int j = 0; j < p; j++) {
                penalty[j] = j == problem.interceptIndex() ? 0 : options.ridgeLambda();
            }
        }

        LogisticFit run() {
            double[] beta = new double[p];
            double objective = objective(beta);
            int iterations = 0;
            boolean converged = false;
            while (!converged && iterations < options.maxIterations()) {
                double[] gradient = gradient(beta);
                double[] step = solve(information(beta), gradient, beta);
                iterations++;
                double[] next = new double[p];
                double nextObjective = Double.NaN;
                boolean ascent = false;
                double factor = 1;
                for (int h = 0; h <= MAX_HALVINGS && !ascent; h++, factor /= 2) {
                    for (int j = 0; j < p; j++) {
                        next[j] = beta[j] + factor * step[j];
                    }
                    nextObjective = objective(next);
                    // Accept an ascent, or no descent beyond rounding (near the maximum, changes of order
                    // 1e-16 relative are noise).
                    ascent = nextObjective >= objective - 1e-13 * (Math.abs(objective) + 1);
                }
                if (!ascent) {
                    // No step improves on beta: it is the maximum to rounding, or something is badly wrong.
                    converged = decrement(gradient, step)
                            <= options.logLikelihoodTolerance() * (Math.abs(objective) + 0.1);
                    break;
                }
                converged = Math.abs(nextObjective - objective)
                        <= options.logLikelihoodTolerance() * (Math.abs(nextObjective) + 0.1)
                        && coefficientsSettled(beta, next);
                beta = next;
                objective = nextObjective;
            }
            if (!converged && separated(beta)) {
                throw separation(beta, "after " + iterations + " steps");
            }
            double[][] covariance = invert(information(beta), beta);
            return new LogisticFit(beta, covariance, logLikelihood(beta), objective, iterations, converged,
                    options.addIntercept(), problem.interceptIndex(), options.ridgeLambda(), problem.observations());
        }

        private boolean coefficientsSettled(double[] before, double[] after) {
            double tolerance = options.coefficientTolerance();
            for (int j = 0; j < p; j++) {
                double s = problem.columnScale()[j];
                if (Math.abs(after[j] - before[j]) * s > tolerance * (Math.abs(after[j]) * s + 1)) {
                    return false;
                }
            }
            return true;
        }

        /** Half the Newton decrement, g' H^-1 g / 2: the predicted rise of the objective. */
        private static double decrement(double[] gradient, double[] step) {
            double d = 0;
            for (int j = 0; j < gradient.length; j++) {
                d += gradient[j] * step[j];
            }
            return d / 2;
        }

        private double eta(double[] beta, int i) {
            double[] row = problem.x()[i];
            double eta = problem.offset()[i];
            for (int j = 0; j < p; j++) {
                eta += row[j] * beta[j];
            }
            return eta;
        }

        double logLikelihood(double[] beta) {
            double ll = 0;
            for (int i = 0; i < problem.x().length; i++) {
                double w = problem.w()[i];
                if (w > 0) {
                    double eta = eta(beta, i);
                    // y eta - log(1 + e^eta) = -softplus(-eta) for an event, -softplus(eta) otherwise.
                    ll -= w * softplus(problem.y()[i] ? -eta : eta);
                }
            }
            return ll;
        }

        private double objective(double[] beta) {
            double pen = 0;
            for (int j = 0; j < p; j++) {
                pen += penalty[j] * beta[j] * beta[j];
            }
            return logLikelihood(beta) - pen / 2;
        }

        private double[] gradient(double[] beta) {
            double[] g = new double[p];
            for (int i = 0; i < problem.x().length; i++) {
                double w = problem.w()[i];
                if (w > 0) {
                    // y - mu without cancellation: 1 - mu = logistic(-eta) stays exact where mu rounds to 1,
                    // so a diverging fit keeps a non-zero gradient and is not mistaken for converged.
                    double eta = eta(beta, i);
                    double residual = problem.y()[i] ? logistic(-eta) : -logistic(eta);
                    double[] row = problem.x()[i];
                    for (int j = 0; j < p; j++) {
                        g[j] += w * residual * row[j];
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                g[j] -= penalty[j] * beta[j];
            }
            return g;
        }

        /** X' W X + lambda P, with W = w mu (1 - mu). */
        private double[][] information(double[] beta) {
            double[][] h = new double[p][p];
            for (int i = 0; i < problem.x().length; i++) {
                double w = problem.w()[i];
                if (w > 0) {
                    // mu (1 - mu) = e^-|eta| / (1 + e^-|eta|)^2, exact for large |eta|.
                    double e = Math.exp(-Math.abs(eta(beta, i)));
                    double v = w * e / ((1 + e) * (1 + e));
                    double[] row = problem.x()[i];
                    for (int j = 0; j < p; j++) {
                        double vj = v * row[j];
                        for (int k = 0; k <= j; k++) {
                            h[j][k] += vj * row[k];
                        }
                    }
                }
            }
            for (int j = 0; j < p; j++) {
                h[j][j] += penalty[j];
                for (int k = 0; k < j; k++) {
                    h[k][j] = h[j][k];
                }
            }
            return h;
        }

        /**
         * Solves {@code H s = g} by Cholesky on H scaled to unit diagonal (so that the singularity test
         * does not depend on the columns' units).
         */
        private double[] solve(double[][] h, double[] g, double[] beta) {
            double[] d = unitDiagonalScale(h, beta);
            DecompositionSolver solver = cholesky(h, d, beta);
            double[] scaledG = new double[p];
            for (int j = 0; j < p; j++) {
                scaledG[j] = g[j] * d[j];
            }
            double[] s = solver.solve(new ArrayRealVector(scaledG, false)).toArray();
            for (int j = 0; j < p; j++) {
                s[j] *= d[j];
            }
            return s;
        }

        private double[][] invert(double[][] h, double[] beta) {
            double[] d = unitDiagonalScale(h, beta);
            RealMatrix inverse = cholesky(h, d, beta).getInverse();
            double[][] c = new double[p][p];
            for (int j = 0; j < p; j++) {
                for (int k = 0; k <= j; k++) {
                    // Symmetric exactly: the mean of the two rounded entries.
                    c[j][k] = (inverse.getEntry(j, k) + inverse.getEntry(k, j)) / 2 * d[j] * d[k];
                    c[k][j] = c[j][k];
                }
            }
            return c;
        }

        private double[] unitDiagonalScale(double[][] h, double[] beta) {
            double[] d = new double[p];
            for (int j = 0; j < p; j++) {
                if (!(h[j][j] > 0) || !Double.isFinite(h[j][j])) {
                    throw singular(beta, "column " + j + " carries no information (all zero among weighted rows,"
                            + " or every fitted probability is 0 or 1)");
                }
                d[j] = 1 / Math.sqrt(h[j][j]);
            }
            return d;
        }

        private DecompositionSolver cholesky(double[][] h, double[] d, double[] beta) {
            double[][] scaled = new double[p][p];
            for (int j = 0; j < p; j++) {
                for (int k = 0; k < p; k++) {
                    scaled[j][k] = h[j][k] * d[j] * d[k];
                }
            }
            try {
                return new CholeskyDecomposition(new Array2DRowRealMatrix(scaled, false), 1e-10,
                        SINGULARITY_THRESHOLD).getSolver();
            } catch (NonPositiveDefiniteMatrixException e) {
                throw singular(beta, "the columns are linearly dependent among the weighted rows");
            }
        }

        private LogisticFitException singular(double[] beta, String why) {
            if (separated(beta)) {
                return separation(beta, "when the information matrix became singular");
            }
            return new LogisticFitException(LogisticFitException.Reason.SINGULAR_INFORMATION,
                    "singular information matrix: " + why);
        }

        /** Whether some weighted rows have fitted probabilities numerically 0 or 1. */
        private boolean separated(double[] beta) {
            return extremeRows(beta) > 0;
        }

        private int extremeRows(double[] beta) {
            int count = 0;
            for (int i = 0; i < problem.x().length; i++) {
                if (problem.w()[i] > 0) {
                    double mu = logistic(eta(beta, i));
                    if (mu < NUMERICALLY_ZERO || mu > 1 - NUMERICALLY_ZERO) {
                        count++;
                    }
                }
            }
            return count;
        }

        private LogisticFitException separation(double[] beta, String when) {
            int largest = 0;
            for (int j = 1; j < p; j++) {
                if (Math.abs(beta[j]) * problem.columnScale()[j]
                        > Math.abs(beta[largest]) * problem.columnScale()[largest]) {
                    largest = j;
                }
            }
            return new LogisticFitException(LogisticFitException.Reason.SEPARATION, String.format(
                    Locale.ROOT,
                    "no finite maximum-likelihood estimate: the outcomes are separated by the covariates"
                            + " (%d of %d weighted rows have fitted probabilities numerically 0 or 1 %s;"
                            + " coefficient %d has grown to %.4g); drop or merge the separating covariate,"
                            + " or fit with a ridge penalty",
                    extremeRows(beta), problem.observations(), when, largest, beta[largest]));
        }
    }

    private LogisticNewton() {
    }

    /** Returns {@code log(1 + exp(z))} without overflow or loss of precision. */
    static double softplus(double z) {
        return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
    }

    static LogisticFit fit(double[][] x, boolean[] y, double[] weights, double[] offset, Options options) {
        return new Newton(Problem.of(x, y, weights, offset, options), options).run();
    }
}
