package ballast.stats;

import java.util.Arrays;
import org.apache.commons.math3.distribution.NormalDistribution;

/**
 * A fitted binary logistic regression, {@code P(y = 1 | x) = 1 / (1 + exp(-(offset + b . x)))}, as
 * returned by {@link LogisticRegression#fit}. Immutable: the arrays are copied in and out.
 *
 * <p>Coefficients are in the order of the design matrix's columns, with the intercept first when the fit
 * added it ({@link #addedIntercept()}). Standard errors are the square roots of the diagonal of
 * {@link #covariance()}, the inverse of the observed information at the estimate (for a ridge fit, of
 * the penalised information: an approximation, see {@link LogisticRegression}).
 *
 * @param coefficients the estimates, logits per unit of each column
 * @param covariance the inverse of the (penalised) observed information, coefficients by coefficients
 * @param logLikelihood the log-likelihood at the estimate (natural log, weighted, without the penalty)
 * @param penalizedLogLikelihood the objective maximised: the log-likelihood minus
 *     {@code ridgeLambda / 2} times the sum of squared penalised coefficients (equal to the
 *     log-likelihood when {@code ridgeLambda} is 0)
 * @param iterations Newton steps taken
 * @param converged whether both convergence tolerances were met; when false the estimate is the last
 *     iterate and should not be reported as a maximum-likelihood estimate
 * @param addedIntercept whether the fit prepended a column of ones, so that {@link #predict(double[])}
 *     takes a row of the caller's design matrix without it
 * @param interceptIndex index of the intercept among the coefficients (not penalised), or -1 if none
 * @param ridgeLambda the L2 penalty weight used, 0 for plain maximum likelihood
 * @param observations rows with positive weight
 */
public record LogisticFit(double[] coefficients, double[][] covariance, double logLikelihood,
        double penalizedLogLikelihood, int iterations, boolean converged, boolean addedIntercept,
        int interceptIndex, double ridgeLambda, int observations) {

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * Validates the shapes and copies the arrays.
     *
     * @throws IllegalArgumentException if the covariance is not k by k for k coefficients, or the
     *     intercept index is out of range
     */
    public LogisticFit {
        coefficients = coefficients.clone();
        int k = coefficients.length;
        if (covariance.length != k) {
            throw new IllegalArgumentException("covariance has " + covariance.length + " rows for " + k
                    + " coefficients");
        }
        double[][] copy = new double[k][];
        for (int i = 0; i < k; i++) {
            if (covariance[i].length != k) {
                throw new IllegalArgumentException("covariance row " + i + " has " + covariance[i].length
                        + " entries for " + k + " coefficients");
            }
            copy[i] = covariance[i].clone();
        }
        covariance = copy;
        if (interceptIndex < -1 || interceptIndex >= k || addedIntercept && interceptIndex != 0) {
            throw new IllegalArgumentException("intercept index " + interceptIndex + " out of range");
        }
    }

    /** Returns a copy of the coefficients (intercept first if the fit added it). */
    @Override
    public double[] coefficients() {
        return coefficients.clone();
    }

    /** Returns a copy of the covariance matrix of the coefficients. */
    @Override
    public double[][] covariance() {
        double[][] copy = new double[covariance.length][];
        for (int i = 0; i < copy.length; i++) {
            copy[i] = covariance[i].clone();
        }
        return copy;
    }

    /** Returns coefficient {@code j}. */
    public double coefficient(int j) {
        return coefficients[j];
    }

    /** Returns the number of coefficients (columns of the design matrix, plus one if the fit added an intercept). */
    public int size() {
        return coefficients.length;
    }

    /** Returns the standard errors, square roots of the covariance's diagonal. */
    public double[] standardErrors() {
        double[] se = new double[coefficients.length];
        for (int j = 0; j < se.length; j++) {
            se[j] = Math.sqrt(covariance[j][j]);
        }
        return se;
    }

    /** Returns the Wald statistics, coefficient over standard error. */
    public double[] zValues() {
        double[] se = standardErrors();
        double[] z = new double[se.length];
        for (int j = 0; j < z.length; j++) {
            z[j] = coefficients[j] / se[j];
        }
        return z;
    }

    /**
     * Returns the two-sided Wald p-values, {@code 2 Phi(-|z|)} (as R's {@code summary.glm} reports for
     * the binomial family). Not a valid test under a ridge penalty, whose estimates are biased to zero.
     */
    public double[] pValues() {
        double[] z = zValues();
        double[] p = new double[z.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(z[j]));
        }
        return p;
    }

    /** Returns the residual deviance, {@code -2} times the log-likelihood (binary outcomes). */
    public double deviance() {
        return -2 * logLikelihood;
    }

    /**
     * Returns the linear predictor (log-odds) of one row, without offset.
     *
     * @param x a row of the design matrix as passed to the fit (without the intercept the fit added)
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double linearPredictor(double[] x) {
        return linearPredictor(x, 0);
    }

    /**
     * Returns the linear predictor (log-odds) of one row: {@code offset + b . x}.
     *
     * @param x a row of the design matrix as passed to the fit (without the intercept the fit added)
     * @param offset the row's offset, added to the linear predictor with coefficient 1
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double linearPredictor(double[] x, double offset) {
        int shift = addedIntercept ? 1 : 0;
        if (x.length + shift != coefficients.length) {
            throw new IllegalArgumentException("row has " + x.length + " values, the fit has "
                    + (coefficients.length - shift) + " columns");
        }
        double eta = offset + (addedIntercept ? coefficients[0] : 0);
        for (int j = 0; j < x.length; j++) {
            eta += coefficients[j + shift] * x[j];
        }
        return eta;
    }

    /**
     * Returns the fitted probability of an event for one row, without offset, in [0, 1].
     *
     * @param x a row of the design matrix as passed to the fit (without the intercept the fit added)
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double predict(double[] x) {
        return predict(x, 0);
    }

    /**
     * Returns the fitted probability of an event for one row with an offset, in [0, 1].
     *
     * @param x a row of the design matrix as passed to the fit (without the intercept the fit added)
     * @param offset the row's offset
     * @throws IllegalArgumentException if {@code x} has the wrong length
     */
    public double predict(double[] x, double offset) {
        return LogisticRegression.logistic(linearPredictor(x, offset));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LogisticFit f && Arrays.equals(coefficients, f.coefficients)
                && Arrays.deepEquals(covariance, f.covariance)
                && Double.compare(logLikelihood, f.logLikelihood) == 0
                && Double.compare(penalizedLogLikelihood, f.penalizedLogLikelihood) == 0
                && iterations == f.iterations && converged == f.converged && addedIntercept == f.addedIntercept
                && interceptIndex == f.interceptIndex && Double.compare(ridgeLambda, f.ridgeLambda) == 0
                && observations == f.observations;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(coefficients) + Double.hashCode(logLikelihood);
    }

    @Override
    public String toString() {
        return "LogisticFit[coefficients=" + Arrays.toString(coefficients) + ", standardErrors="
                + Arrays.toString(standardErrors()) + ", logLikelihood=" + logLikelihood + ", iterations="
                + iterations + ", converged=" + converged + ", ridgeLambda=" + ridgeLambda + "]";
    }
}
