/**
 * Statistics for scoring forecasts and fitting baselines: logistic regression by maximum likelihood
 * ({@link ballast.stats.LogisticRegression}), the area under the ROC curve with DeLong's standard error
 * and a stratified bootstrap interval ({@link ballast.stats.Auc}), Brier score, log loss, skill scores and
 * reliability tables ({@link ballast.stats.Scores}), seeded bootstrap intervals
 * ({@link ballast.stats.Bootstrap}), the Poisson binomial distribution of a count of independent
 * events ({@link ballast.stats.PoissonBinomial}), and the intervals of a comparison: a difference of
 * paired proportions and a t interval of a mean ({@link ballast.stats.Intervals}).
 *
 * <p>Pure functions on arrays and records: no I/O, no model imports, no static mutable state; every
 * random draw comes from a generator seeded by the caller, so results are reproducible. Linear algebra
 * and distributions are Commons Math 3.6.1's.
 */
package ballast.stats;
