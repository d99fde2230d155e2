package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.model.RuleParameters;
import ballast.model.Term;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.commons.math3.analysis.MultivariateFunction;
import org.apache.commons.math3.analysis.UnivariateFunction;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.optim.InitialGuess;
import org.apache.commons.math3.optim.MaxEval;
import org.apache.commons.math3.optim.PointValuePair;
import org.apache.commons.math3.optim.SimpleBounds;
import org.apache.commons.math3.optim.SimpleValueChecker;
import org.apache.commons.math3.optim.nonlinear.scalar.GoalType;
import org.apache.commons.math3.optim.nonlinear.scalar.ObjectiveFunction;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.BOBYQAOptimizer;
import org.apache.commons.math3.optim.nonlinear.scalar.noderiv.CMAESOptimizer;
import org.apache.commons.math3.optim.univariate.BrentOptimizer;
import org.apache.commons.math3.optim.univariate.SearchInterval;
import org.apache.commons.math3.optim.univariate.UnivariateObjectiveFunction;
import org.apache.commons.math3.random.MersenneTwister;

/**
 * Fits a handful of the decision rule's weights and base rates to the record of a training window:
 * the states take the sides the record gives them month by month ({@link RecordReplay}), every month
 * a state is at risk scores the model's hazard, and the fit maximises the log-likelihood of the
 * recorded switches plus a Gaussian log-prior on each weight (the penalty against over-fitting).
 * The objective is deterministic: the replay draws nothing.
 *
 * <p>Maximisation is by CMA-ES (Commons Math, seeded, so the fit is the same every time), then
 * BOBYQA from its best point. The hazards follow the patrons' spending, which moves in whole chunks
 * of money, so the objective is only piecewise smooth; CMA-ES does not need derivatives. Each
 * estimate gets a 95% interval from the profile of the penalised log-likelihood (the values where it
 * falls 1.92 below its maximum, the others re-fitted), and the fit a covariance matrix from the
 * curvature at the maximum (Laplace), used to draw parameters per replication. A search that runs out
 * of evaluations, or a fit whose curvature leaves a parameter undetermined, is refused rather than
 * reported (CMA-ES ending at its generation limit is not: its best point, polished, is judged by the
 * curvature).
 */
public final class Calibration {
    /** Half the 95% quantile of chi-square with one degree of freedom: the drop that bounds a profile interval. */
    public static final double PROFILE_DROP = 3.841458820694124 / 2;
    static final String TO_PRC = "toPrcPerYear";
    static final String TO_ROC = "toRocPerYear";
    private static final double MIN_LOG_RATE = Math.log(1e-5);
    private static final double MAX_LOG_RATE = Math.log(10);
    /** The least curvature a fitted direction may have: at most a standard deviation of 10 on the fitting scale. */
    static final double MIN_CURVATURE = 1e-2;
    private static final int CMAES_MAX_EVALUATIONS = 8_000;
    private static final int BRENT_MAX_EVALUATIONS = 500;

    /**
     * A fitted parameter: a base rate (fitted on the log scale) or a term's weight, with its prior.
     *
     * @param name {@code toPrcPerYear}, {@code toRocPerYear} or a term's key
     * @param priorMean the prior's mean on the fitting scale (ignored when {@code priorSd} is infinite)
     * @param priorSd the prior's standard deviation on the fitting scale; infinite for a flat prior
     */
    public record Parameter(String name, double priorMean, double priorSd) {
        public Parameter {
            if (!isRate(name) && Term.ofKey(name) == null) {
                throw new IllegalArgumentException("'" + name + "' is not a rule weight or base rate");
            }
            if (!(priorSd > 0)) {
                throw new IllegalArgumentException("the prior's standard deviation of " + name + " must be positive");
            }
        }

        /** Returns whether this is a base rate, fitted on the log scale. */
        public boolean logScale() {
            return isRate(name);
        }

        double lower() {
            return logScale() ? MIN_LOG_RATE : -Term.MAX_WEIGHT;
        }

        double upper() {
            return logScale() ? MAX_LOG_RATE : Term.MAX_WEIGHT;
        }

        /** Returns the value on its natural scale of {@code x} on the fitting scale. */
        public double natural(double x) {
            return logScale() ? Math.exp(x) : x;
        }

        double logPrior(double x) {
            if (Double.isInfinite(priorSd)) {
                return 0.0;
            }
            double z = (x - priorMean) / priorSd;
            return -0.5 * z * z;
        }
    }

    static boolean isRate(String name) {
        return TO_PRC.equals(name) || TO_ROC.equals(name);
    }

    /**
     * One estimate: its value (natural scale), 95% profile interval, and the Laplace standard error on
     * the fitting scale. An interval end at the parameter's bound is open: the data do not bound it.
     */
    public record Estimate(Parameter parameter, double value, double low95, double high95, double standardError,
            boolean lowAtBound, boolean highAtBound) {
    }

    /** What the fit found. */
    public record Result(List<Estimate> estimates, double[] fittingScale, double[][] covariance,
            double logLikelihood, double logLikelihoodToPrc, double logLikelihoodToRoc,
            double penalisedLogLikelihood, double nullLogLikelihood, int switchesToPrc, int switchesToRoc,
            long monthsAtRiskToPrc, long monthsAtRiskToRoc, long evaluations, RuleParameters rule) {
    }

    private final ModelParameters world;
    private final HistoricalRecord record;
    private final YearMonth trainTo;
    private final List<Parameter> fitted;
    private final long seed;
    private final AtomicLong evaluations = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * Prepares a fit of {@code fitted} over {@code world} (monthly ticks, its start the training
     * window's start) to the months of {@code record} up to {@code trainTo}; the world runs no
     * further than that, so nothing after the window can reach the fit.
     */
    public Calibration(ModelParameters world, HistoricalRecord record, YearMonth trainTo, List<Parameter> fitted,
            long seed) {
        if (world.tickMonths() != 1) {
            throw new IllegalArgumentException("a calibration replays months: tickMonths must be 1");
        }
        this.world = cut(world, trainTo);
        this.record = record;
        this.trainTo = trainTo;
        this.fitted = List.copyOf(fitted);
        this.seed = seed;
        if (fitted.stream().map(Parameter::name).distinct().count() != fitted.size()) {
            throw new IllegalArgumentException("a parameter is named twice");
        }
    }

    /** Returns {@code world} run only to the end of {@code trainTo}: nothing after it can reach a replay. */
    public static ModelParameters cut(ModelParameters world, YearMonth trainTo) {
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(world.start(), trainTo) + 1;
        if (months < 1) {
            throw new IllegalArgumentException("the training window ends before the world starts");
        }
        return new ModelParameters(world.name(), world.start(), months, world.tickMonths(), world.countries(),
                world.patrons(), world.rule(), world.events().stream().filter(e -> !e.month().isAfter(trainTo)).toList(),
                world.setting());
    }

    /** Returns the replays run so far (for progress). */
    public long evaluations() {
        return evaluations.get();
    }

    /** Asks a running fit to stop soon (it then throws {@link InterruptedException}). */
    public void stop() {
        stop.set(true);
    }

    /** Returns the world replayed: the scenario's, cut at the end of the training window. */
    public ModelParameters world() {
        return world;
    }

    /** Returns the rule with the fitted parameters set to {@code x} (fitting scale). */
    public RuleParameters rule(double[] x) {
        RuleParameters r = world.rule();
        for (int k = 0; k < fitted.size(); k++) {
            Parameter p = fitted.get(k);
            if (TO_PRC.equals(p.name())) {
                r = r.withBaseRates(Math.exp(x[k]), r.toRocPerYear());
            } else if (TO_ROC.equals(p.name())) {
                r = r.withBaseRates(r.toPrcPerYear(), Math.exp(x[k]));
            } else {
                r = r.withWeight(Term.ofKey(p.name()), x[k]);
            }
        }
        return r;
    }

    /** Returns the starting point: the scenario's own values of the fitted parameters. */
    public double[] start() {
        RuleParameters r = world.rule();
        double[] x = new double[fitted.size()];
        for (int k = 0; k < x.length; k++) {
            String name = fitted.get(k).name();
            x[k] = TO_PRC.equals(name) ? Math.log(r.toPrcPerYear()) : TO_ROC.equals(name) ? Math.log(r.toRocPerYear())
                    : r.weight(Term.ofKey(name));
        }
        return x;
    }

    /** A model and a replay of its own, so threads can evaluate at the same time. */
    public final class Evaluator {
        private final RecognitionModel model = new RecognitionModel(world);
        private final RecordReplay replay = new RecordReplay(world, record, trainTo);

        /** Returns the log-likelihood of the record with the fitted parameters at {@code x}. */
        public RecordReplay replay(double[] x) {
            if (stop.get()) {
                throw new Stopped();
            }
            model.useRule(rule(x));
            replay.reset();
            model.replay(replay);
            evaluations.incrementAndGet();
            return replay;
        }

        /** Returns the log-likelihood plus the log-prior at {@code x}. */
        public double penalised(double[] x) {
            double ll = replay(x).logLikelihood();
            for (int k = 0; k < x.length; k++) {
                ll += fitted.get(k).logPrior(x[k]);
            }
            return ll;
        }
    }

    /** Thrown inside the optimisers when the fit is stopped. */
    private static final class Stopped extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Stopped() {
            super(null, null, false, false);
        }
    }

    /** Returns a new evaluator (one per thread). */
    public Evaluator evaluator() {
        return new Evaluator();
    }

    /**
     * Fits, then finds the intervals on {@code threads} threads.
     *
     * @throws InterruptedException if {@link #stop()} was called
     * @throws CalibrationException if the search runs out of evaluations, or the curvature at its maximum
     *     is flat or not negative along some parameter (checked before the intervals are sought)
     */
    public Result fit(int threads) throws InterruptedException, CalibrationException {
        try {
            return fitOrStop(threads);
        } catch (Stopped e) {
            throw new InterruptedException("calibration stopped");
        }
    }

    private Result fitOrStop(int threads) throws InterruptedException, CalibrationException {
        int n = fitted.size();
        Evaluator main = evaluator();
        double[] lower = new double[n];
        double[] upper = new double[n];
        double[] sigma = new double[n];
        for (int k = 0; k < n; k++) {
            lower[k] = fitted.get(k).lower();
            upper[k] = fitted.get(k).upper();
            sigma[k] = 0.5;
        }
        double[] x0 = start();
        for (int k = 0; k < n; k++) {
            x0[k] = Math.max(lower[k], Math.min(upper[k], x0[k]));
        }
        MultivariateFunction f = main::penalised;
        PointValuePair best;
        int maxEvaluations = n == 1 ? BRENT_MAX_EVALUATIONS : CMAES_MAX_EVALUATIONS;
        try {
            if (n == 1) {
                best = brent(v -> main.penalised(new double[] {v}), lower[0], upper[0], x0[0]);
            } else {
                CMAESOptimizer cma = new CMAESOptimizer(400, Double.POSITIVE_INFINITY, true, 0, 0,
                        new MersenneTwister(seed), false, new SimpleValueChecker(1e-9, 1e-6));
                best = cma.optimize(new MaxEval(maxEvaluations), new ObjectiveFunction(f), GoalType.MAXIMIZE,
                        new InitialGuess(x0), new SimpleBounds(lower, upper), new CMAESOptimizer.Sigma(sigma),
                        new CMAESOptimizer.PopulationSize(4 + (int) (3 * Math.log(n)) * 2));
                best = polish(f, best, lower, upper);
            }
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            throw new CalibrationException(String.format(Locale.ROOT, "the fit to the training window %s:%s did not "
                    + "converge in %,d replays (a longer window, or fewer parameters in calibrate: fit, gives the "
                    + "search more to go on)", world.start(), trainTo, maxEvaluations));
        }
        double[] xHat = best.getPoint();
        double penalised = best.getValue();

        double[][] covariance = covariance(main, xHat);
        double[] se = new double[n];
        for (int k = 0; k < n; k++) {
            se[k] = Math.sqrt(covariance[k][k]);
        }
        double[][] bounds = profiles(threads, xHat, penalised, se, lower, upper);

        RecordReplay r = main.replay(xHat);
        double ll = r.logLikelihood();
        double llToPrc = r.logLikelihoodToPrc();
        double llToRoc = r.logLikelihoodToRoc();
        int sp = r.switchesToPrc();
        int sr = r.switchesToRoc();
        long mp = r.monthsAtRiskToPrc();
        long mr = r.monthsAtRiskToRoc();
        List<Estimate> estimates = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            Parameter p = fitted.get(k);
            estimates.add(new Estimate(p, p.natural(xHat[k]), p.natural(bounds[k][0]), p.natural(bounds[k][1]), se[k],
                    bounds[k][0] <= lower[k], bounds[k][1] >= upper[k]));
        }
        return new Result(List.copyOf(estimates), xHat.clone(), covariance, ll, llToPrc, llToRoc,
                penalised, nullLogLikelihood(sp, mp) + nullLogLikelihood(sr, mr), sp, sr, mp, mr, evaluations.get(),
                rule(xHat));
    }

    /** Returns the log-likelihood of a constant monthly hazard fitted to {@code events} in {@code months}. */
    static double nullLogLikelihood(int events, long months) {
        if (events == 0 || months == 0) {
            return 0.0;
        }
        double h = (double) events / months;
        return events * Math.log(h) + (months - events) * Math.log1p(-h);
    }

    private static PointValuePair polish(MultivariateFunction f, PointValuePair start, double[] lower, double[] upper) {
        int n = lower.length;
        double[] x = start.getPoint().clone();
        for (int k = 0; k < n; k++) {
            // BOBYQA needs its start strictly inside the box by the initial radius.
            x[k] = Math.max(lower[k] + 0.2, Math.min(upper[k] - 0.2, x[k]));
        }
        try {
            PointValuePair p = new BOBYQAOptimizer(2 * n + 1, 0.1, 1e-4).optimize(new MaxEval(4_000),
                    new ObjectiveFunction(f), GoalType.MAXIMIZE, new InitialGuess(x), new SimpleBounds(lower, upper));
            return p.getValue() >= start.getValue() ? p : start;
        } catch (org.apache.commons.math3.exception.TooManyEvaluationsException e) {
            return start;
        }
    }

    private static PointValuePair brent(UnivariateFunction f, double lower, double upper, double start) {
        var p = new BrentOptimizer(1e-8, 1e-6).optimize(new MaxEval(BRENT_MAX_EVALUATIONS),
                new UnivariateObjectiveFunction(f), GoalType.MAXIMIZE,
                new SearchInterval(lower, upper, Math.max(lower, Math.min(upper, start))));
        return new PointValuePair(new double[] {p.getPoint()}, p.getValue());
    }

    /**
     * Returns the covariance of the estimates: the inverse of the curvature of the penalised
     * log-likelihood at its maximum (central differences, step 0.05 on the fitting scale, which spans
     * the steps that the patrons' whole chunks of money put into the objective).
     *
     * @throws CalibrationException if the curvature is below {@link #MIN_CURVATURE} along some direction
     *     (a standard deviation above 10 on the fitting scale: the window does not determine it, e.g. a base
     *     rate with a flat prior and no move in its direction, or a flat-prior weight whose term never varies),
     *     naming the parameters that direction moves most
     */
    private double[][] covariance(Evaluator e, double[] x) throws CalibrationException {
        int n = x.length;
        double h = 0.05;
        double f0 = e.penalised(x);
        double[][] m = new double[n][n];
        for (int i = 0; i < n; i++) {
            double fp = e.penalised(shift(x, i, h, -1, 0));
            double fm = e.penalised(shift(x, i, -h, -1, 0));
            m[i][i] = (fp - 2 * f0 + fm) / (h * h);
            for (int j = 0; j < i; j++) {
                double fpp = e.penalised(shift(x, i, h, j, h));
                double fpm = e.penalised(shift(x, i, h, j, -h));
                double fmp = e.penalised(shift(x, i, -h, j, h));
                double fmm = e.penalised(shift(x, i, -h, j, -h));
                m[i][j] = m[j][i] = (fpp - fpm - fmp + fmm) / (4 * h * h);
            }
        }
        RealMatrix information = new Array2DRowRealMatrix(m).scalarMultiply(-1);
        EigenDecomposition eig = new EigenDecomposition(information);
        double[] values = eig.getRealEigenvalues();
        java.util.Set<String> flat = new java.util.LinkedHashSet<>();
        RealMatrix inverse = new Array2DRowRealMatrix(n, n);
        for (int k = 0; k < n; k++) {
            double[] u = eig.getEigenvector(k).toArray();
            if (!(values[k] > MIN_CURVATURE)) {
                int most = 0;
                for (int j = 1; j < n; j++) {
                    most = Math.abs(u[j]) > Math.abs(u[most]) ? j : most;
                }
                flat.add(fitted.get(most).name());
                continue;
            }
            RealMatrix uu = eig.getEigenvector(k).outerProduct(eig.getEigenvector(k));
            inverse = inverse.add(uu.scalarMultiply(1.0 / values[k]));
        }
        if (!flat.isEmpty()) {
            List<String> names = fitted.stream().map(Parameter::name).filter(flat::contains).toList();
            String it = names.size() == 1 ? "it" : "them";
            throw new CalibrationException(String.format(Locale.ROOT, "the training window %s:%s does not determine "
                    + "%s: at the fit the penalised log-likelihood is flat or not at a maximum along %s (curvature "
                    + "under %s, a standard deviation above 10 on the fitting scale); choose a longer window, give %s "
                    + "a normal prior, or leave %s out of calibrate: fit", world.start(), trainTo,
                    String.join(" and ", names), it, MIN_CURVATURE, it, it));
        }
        double[][] cov = inverse.getData();
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < i; j++) {
                double avg = (cov[i][j] + cov[j][i]) / 2;
                cov[i][j] = cov[j][i] = avg;
            }
        }
        return cov;
    }

    private static double[] shift(double[] x, int i, double di, int j, double dj) {
        double[] y = x.clone();
        y[i] += di;
        if (j >= 0) {
            y[j] += dj;
        }
        return y;
    }

    /** Returns, per parameter, the 95% profile interval {low, high} on the fitting scale. */
    private double[][] profiles(int threads, double[] xHat, double max, double[] se, double[] lower, double[] upper)
            throws InterruptedException {
        int n = xHat.length;
        double[][] bounds = new double[n][2];
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "ballast-calibrate");
            t.setDaemon(true);
            return t;
        });
        ThreadLocal<Evaluator> evaluators = ThreadLocal.withInitial(this::evaluator);
        try {
            List<Future<?>> jobs = new ArrayList<>();
            for (int k = 0; k < n; k++) {
                for (int s = 0; s < 2; s++) {
                    int kk = k;
                    int side = s == 0 ? -1 : 1;
                    jobs.add(pool.submit(() -> {
                        bounds[kk][side < 0 ? 0 : 1] = profileEnd(evaluators.get(), xHat, max, kk, side,
                                Double.isFinite(se[kk]) && se[kk] > 0 ? se[kk] : 0.5, lower, upper);
                        return null;
                    }));
                }
            }
            for (Future<?> j : jobs) {
                try {
                    j.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    if (e.getCause() instanceof Stopped s) {
                        throw s;
                    }
                    throw new IllegalStateException(e.getCause());
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return bounds;
    }

    /**
     * Walks parameter {@code k} from its estimate in direction {@code side} until the profile (the
     * others re-fitted) falls {@link #PROFILE_DROP} below the maximum, then bisects; returns the
     * crossing, or the bound if the profile never falls that far.
     */
    private double profileEnd(Evaluator e, double[] xHat, double max, int k, int side, double se, double[] lower,
            double[] upper) {
        double target = max - PROFILE_DROP;
        double bound = side < 0 ? lower[k] : upper[k];
        double inside = xHat[k];
        double[] others = xHat.clone();
        double step = 2 * se;
        double outside = Double.NaN;
        for (int tries = 0; tries < 12; tries++) {
            double x = xHat[k] + side * step;
            if (side * (x - bound) >= 0) {
                x = bound;
            }
            double v = profile(e, others, k, x);
            if (v < target) {
                outside = x;
                break;
            }
            inside = x;
            if (x == bound) {
                return bound;
            }
            step *= 2;
        }
        if (Double.isNaN(outside)) {
            return bound;
        }
        for (int it = 0; it < 7; it++) {
            double mid = (inside + outside) / 2;
            if (profile(e, others, k, mid) < target) {
                outside = mid;
            } else {
                inside = mid;
            }
        }
        return (inside + outside) / 2;
    }

    /** Returns the penalised log-likelihood maximised over all parameters but {@code k}, held at {@code xk}. */
    private double profile(Evaluator e, double[] others, int k, double xk) {
        int n = others.length;
        if (n == 1) {
            return e.penalised(new double[] {xk});
        }
        int m = n - 1;
        double[] lo = new double[m];
        double[] hi = new double[m];
        double[] start = new double[m];
        for (int i = 0, j = 0; i < n; i++) {
            if (i != k) {
                lo[j] = fitted.get(i).lower();
                hi[j] = fitted.get(i).upper();
                start[j] = others[i];
                j++;
            }
        }
        MultivariateFunction f = y -> e.penalised(insert(y, k, xk));
        PointValuePair best;
        if (m == 1) {
            best = brent(v -> f.value(new double[] {v}), lo[0], hi[0], start[0]);
        } else {
            best = polish(f, new PointValuePair(start, f.value(start)), lo, hi);
        }
        double[] full = insert(best.getPoint(), k, xk);
        System.arraycopy(full, 0, others, 0, n); // warm start for the next step
        return best.getValue();
    }

    private static double[] insert(double[] y, int k, double xk) {
        double[] x = new double[y.length + 1];
        for (int i = 0, j = 0; i < x.length; i++) {
            x[i] = i == k ? xk : y[j++];
        }
        return x;
    }
}
