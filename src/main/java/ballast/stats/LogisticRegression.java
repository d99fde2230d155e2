package ballast.stats;

/**
 * Binary logistic regression by maximum likelihood: Newton-Raphson (for the logit link the same as
 * IRLS and Fisher scoring) with step-halving, optional observation weights, an optional offset, and an
 * optional L2 (ridge) penalty that leaves the intercept alone.
 *
 * <p>The model: {@code P(y_i = 1) = 1 / (1 + exp(-eta_i))} with {@code eta_i = offset_i + b . x_i}.
 * The weighted log-likelihood is {@code sum_i w_i [y_i eta_i - log(1 + exp(eta_i))]}; weights act as
 * frequencies (a row of weight 2 counts as the row twice). For a discrete-time (logit) hazard the offset
 * is simply added to the linear predictor: a known log-odds shift per row, with coefficient 1.
 *
 * <p>Ridge: with {@code lambda > 0} the fit maximises {@code logLikelihood - lambda / 2 * sum_j b_j^2}
 * over the coefficients other than the intercept (the penalty depends on the columns' units, so
 * standardise them first). Its standard errors are the inverse of the penalised information, the usual
 * approximation (the curvature of the penalised likelihood, i.e. a Gaussian prior of variance
 * {@code 1 / lambda}); its Wald p-values are not valid tests.
 *
 * <p>Convergence, after a full or halved Newton step: the change of the penalised log-likelihood is at
 * most {@code logLikelihoodTolerance * (|value| + 0.1)} (R's {@code glm.fit} rule on the deviance), and
 * every coefficient's change, measured by its largest effect on a linear predictor
 * ({@code |delta b_j| * max_i |x_ij|}), is at most {@code coefficientTolerance * (|b_j| * max_i |x_ij| + 1)}:
 * relative to the coefficient's own contribution, or 1e-8 logits near zero, whatever the column's units.
 * Coefficients that grow without bound never meet the second test, so separation is not mistaken for
 * convergence.
 *
 * <p>Failure: if the iteration stops (step limit reached or the information matrix becomes singular)
 * while some weighted rows have fitted probabilities numerically 0 or 1 (within {@code 10 * 2^-52} of
 * them, R's {@code glm.fit} threshold, i.e. {@code |eta| > 33.7}), the outcomes are separated and the
 * fit throws {@link LogisticFitException} with {@link LogisticFitException.Reason#SEPARATION}. A
 * singular information matrix without that sign throws
 * {@link LogisticFitException.Reason#SINGULAR_INFORMATION} (collinear or all-zero columns). Reaching the
 * step limit without either returns a fit with {@code converged() == false}. A finite estimate with some
 * fitted probabilities numerically 0 or 1 (possible without separation) converges and is returned.
 *
 * <pre>{@code
 * LogisticFit fit = LogisticRegression.fit(x, events);                 // intercept added
 * LogisticFit hazard = LogisticRegression.fit(x, events, null, offset,
 *         LogisticRegression.Options.defaults().withRidge(1.0));
 * double p = hazard.predict(row, offsetOfRow);
 * }</pre>
 */
public final class LogisticRegression {
    private LogisticRegression() {
    }

    /**
     * Settings of a fit.
     *
     * @param addIntercept prepend a column of ones (its coefficient comes first and is not penalised)
     * @param interceptColumn when not adding one, the caller's intercept column (not penalised), or -1
     *     for none; must be -1 when {@code addIntercept}
     * @param ridgeLambda L2 penalty weight, at least 0 (0: plain maximum likelihood)
     * @param maxIterations Newton steps allowed, at least 1
     * @param logLikelihoodTolerance relative tolerance on the change of the (penalised) log-likelihood, in (0, 1)
     * @param coefficientTolerance relative tolerance on the coefficients' changes (see the class comment), in (0, 1)
     */
    public record Options(boolean addIntercept, int interceptColumn, double ridgeLambda, int maxIterations,
            double logLikelihoodTolerance, double coefficientTolerance) {

        /**
         * Validates the settings.
         *
         * @throws IllegalArgumentException if a value is out of its range
         */
        public Options {
            if (interceptColumn < -1 || addIntercept && interceptColumn != -1) {
                throw new IllegalArgumentException("interceptColumn must be -1 (none, or added) or a column index, got "
                        + interceptColumn + (addIntercept ? " while adding an intercept" : ""));
            }
            if (!(ridgeLambda >= 0) || Double.isInfinite(ridgeLambda)) {
                throw new IllegalArgumentException("ridgeLambda must be finite and at least 0, got " + ridgeLambda);
            }
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be at least 1, got " + maxIterations);
            }
            if (!(logLikelihoodTolerance > 0 && logLikelihoodTolerance < 1)) {
                throw new IllegalArgumentException("logLikelihoodTolerance must be in (0, 1), got "
                        + logLikelihoodTolerance);
            }
            if (!(coefficientTolerance > 0 && coefficientTolerance < 1)) {
                throw new IllegalArgumentException("coefficientTolerance must be in (0, 1), got " + coefficientTolerance);
            }
        }

        /**
         * Returns the defaults: intercept added, no penalty, at most 100 steps, tolerances 1e-10 on the
         * log-likelihood and 1e-8 on the coefficients.
         */
        public static Options defaults() {
            return new Options(true, -1, 0, 100, 1e-10, 1e-8);
        }

        /** Returns these settings with a column of ones prepended (the default). */
        public Options withAddedIntercept() {
            return new Options(true, -1, ridgeLambda, maxIterations, logLikelihoodTolerance, coefficientTolerance);
        }

        /**
         * Returns these settings for a design matrix that holds its own intercept in column {@code column}.
         *
         * @throws IllegalArgumentException if {@code column} is negative
         */
        public Options withInterceptColumn(int column) {
            if (column < 0) {
                throw new IllegalArgumentException("intercept column must be at least 0, got " + column);
            }
            return new Options(false, column, ridgeLambda, maxIterations, logLikelihoodTolerance, coefficientTolerance);
        }

        /** Returns these settings without any intercept (every coefficient penalised under ridge). */
        public Options withoutIntercept() {
            return new Options(false, -1, ridgeLambda, maxIterations, logLikelihoodTolerance, coefficientTolerance);
        }

        /**
         * Returns these settings with an L2 penalty {@code lambda / 2 * sum b_j^2} on the non-intercept coefficients.
         *
         * @throws IllegalArgumentException if {@code lambda} is negative or not finite
         */
        public Options withRidge(double lambda) {
            return new Options(addIntercept, interceptColumn, lambda, maxIterations, logLikelihoodTolerance,
                    coefficientTolerance);
        }

        /**
         * Returns these settings with another step limit.
         *
         * @throws IllegalArgumentException if {@code steps} is below 1
         */
        public Options withMaxIterations(int steps) {
            return new Options(addIntercept, interceptColumn, ridgeLambda, steps, logLikelihoodTolerance,
                    coefficientTolerance);
        }

        /**
         * Returns these settings with other convergence tolerances.
         *
         * @throws IllegalArgumentException if a tolerance is not in (0, 1)
         */
        public Options withTolerances(double logLikelihood, double coefficients) {
            return new Options(addIntercept, interceptColumn, ridgeLambda, maxIterations, logLikelihood, coefficients);
        }
    }

    /**
     * Fits with the defaults (intercept added, unit weights, no offset, no penalty).
     *
     * @param x design matrix, one row per observation, without an intercept column
     * @param y outcomes, true for an event
     * @return the fit
     * @throws IllegalArgumentException if shapes disagree, a value is not finite, or there are no rows
     * @throws LogisticFitException on separation or a singular information matrix
     */
    public static LogisticFit fit(double[][] x, boolean[] y) {
        return fit(x, y, null, null, Options.defaults());
    }

    /**
     * Fits a logistic regression.
     *
     * @param x design matrix, {@code n} rows of equal length (the intercept column included or not as
     *     {@code options} says); may have zero columns when an intercept is added
     * @param y outcomes, {@code n} values, true for an event
     * @param weights observation (frequency) weights, {@code n} finite values at least 0, not all 0;
     *     {@code null} for all 1
     * @param offset {@code n} finite log-odds added to the linear predictor; {@code null} for none
     * @param options settings
     * @return the fit; check {@link LogisticFit#converged()}
     * @throws IllegalArgumentException if shapes disagree, a value is not finite, a weight is negative,
     *     every weight is 0, or the intercept column is out of range
     * @throws LogisticFitException on separation or a singular information matrix
     */
    public static LogisticFit fit(double[][] x, boolean[] y, double[] weights, double[] offset, Options options) {
        return LogisticNewton.fit(x, y, weights, offset, options);
    }

    /**
     * Returns the logistic function (inverse logit), {@code 1 / (1 + exp(-eta))}, computed without
     * overflow: a probability in [0, 1] from log-odds {@code eta}.
     */
    public static double logistic(double eta) {
        if (eta >= 0) {
            return 1 / (1 + Math.exp(-eta));
        }
        double e = Math.exp(eta);
        return e / (1 + e);
    }

    /**
     * Returns the log-odds {@code log(p / (1 - p))} of a probability.
     *
     * @param p a probability in [0, 1] (0 and 1 give infinite log-odds)
     * @throws IllegalArgumentException if {@code p} is outside [0, 1] or NaN
     */
    public static double logit(double p) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("probability must be in [0, 1], got " + p);
        }
        return Math.log(p) - Math.log1p(-p);
    }
}
