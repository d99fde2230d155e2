package ballast.experiment;

import ballast.experiment.HistoricalRecord.Switch;
import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.Side;
import ballast.stats.Auc;
import ballast.stats.Interval;
import ballast.stats.PoissonBinomial;
import ballast.stats.Scores;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/**
 * Scores a back-test: the model's replications of a historical scenario against what happened, next
 * to the two {@link Baselines} (a naive constant hazard and a logistic hazard regression, both fitted
 * to the same training window as the model and given the same information).
 *
 * <p>A back-test is one or more forecasts (parts): one from its start to its end, or, rolling, one a
 * year ahead from each January. Each part scores:
 * <ul>
 *   <li>per country-year: for each state really with Taipei on 1 January of a year, the probability
 *       that it moves to Beijing during that year given that it is with Taipei on 1 January (model: of
 *       the runs with the state with Taipei on that day, the share that moved, smoothed as
 *       (moved + 0.5) / (runs + 1); baselines: one minus the product of their monthly survivals);</li>
 *   <li>per state: the probability that it moves to Beijing at least once by the end ("left by the
 *       end");</li>
 *   <li>the path of the start's allies still with Taipei, month by month: the model's quantiles over
 *       runs, the baselines' from the Poisson binomial distribution of the states' survivals.</li>
 * </ul>
 * Scores pool every part: Brier score and log loss per country-year, Brier score of "left by the end"
 * per state, AUC of leavers against stayers with a 95% bootstrap interval, the share of months with
 * the real count inside the 80% band, the RMSE of the mean count, skill scores against the naive
 * baseline, and reliability tables.
 */
public final class Backtest {
    /** Edges of the reliability table's bins of forecast probability. */
    public static final double[] BINS = {0, 0.02, 0.05, 0.10, 0.20, 0.30, 0.50, 1.0};
    /** Resamples of the AUC's bootstrap interval. */
    public static final int AUC_RESAMPLES = 2_000;
    private static final double[] QUANTILES = {0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975};

    /** The three forecasters, in column order. */
    public enum Forecaster {
        MODEL("model"), NAIVE("naive"), LOGISTIC("logistic");

        private final String label;

        Forecaster(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    private static final int F = Forecaster.values().length;

    private Backtest() {
    }

    /** A forecast for one state and year, and what happened; {@code p} by forecaster. */
    public record CountryYear(int forecastStart, String code, int year, long runsAtRisk, double[] p,
            boolean switched) {
        public CountryYear {
            p = p.clone();
        }

        public double p(Forecaster f) {
            return p[f.ordinal()];
        }

        @Override
        public double[] p() {
            return p.clone();
        }
    }

    /** Per state: the forecasts that it moves to Beijing by the end of the part, and what happened. */
    public record CountryOutcome(int forecastStart, CountrySpec spec, double[] left, double modelTaipeiAtEnd,
            YearMonth firstSwitch, boolean taipeiAtEnd) {
        public CountryOutcome {
            left = left.clone();
        }

        public double left(Forecaster f) {
            return left[f.ordinal()];
        }

        @Override
        public double[] left() {
            return left.clone();
        }

        /** Returns whether the state moved to Beijing by the end. */
        public boolean leaver() {
            return firstSwitch != null;
        }
    }

    /**
     * One month of the ally-count path: the real count of the start's allies with Taipei, the mean
     * and quantiles (2.5, 10, 25, 50, 75, 90, 97.5%) of each forecaster.
     */
    public record PathMonth(int forecastStart, YearMonth month, int real, double[] mean, int[][] quantiles) {
        public PathMonth {
            mean = mean.clone();
            quantiles = java.util.Arrays.stream(quantiles).map(int[]::clone).toArray(int[][]::new);
        }

        public double mean(Forecaster f) {
            return mean[f.ordinal()];
        }

        /** Returns forecaster {@code f}'s quantile {@code k} (0 = 2.5% ... 6 = 97.5%). */
        public int quantile(Forecaster f, int k) {
            return quantiles[f.ordinal()][k];
        }

        @Override
        public double[] mean() {
            return mean.clone();
        }

        @Override
        public int[][] quantiles() {
            return java.util.Arrays.stream(quantiles).map(int[]::clone).toArray(int[][]::new);
        }
    }

    /** One forecast from one start. */
    public record Part(YearMonth start, List<CountryYear> countryYears, List<CountryOutcome> countries,
            List<PathMonth> path) {
        public Part {
            countryYears = List.copyOf(countryYears);
            countries = List.copyOf(countries);
            path = List.copyOf(path);
        }
    }

    /** A score by forecaster. */
    public record Score(double model, double naive, double logistic) {
        public double of(Forecaster f) {
            return switch (f) {
                case MODEL -> model;
                case NAIVE -> naive;
                case LOGISTIC -> logistic;
            };
        }

        static Score of(double[] v) {
            return new Score(v[0], v[1], v[2]);
        }
    }

    /** Everything scored. */
    public record Result(long replications, List<Part> parts, int countryYearEvents, int leavers, int stayers,
            Score brier, Score logLoss, Score brierLeft, Score auc, List<Interval> aucInterval, Score coverage80,
            Score rmse, Score brierSkill, Score brierLeftSkill, List<List<Scores.ReliabilityBin>> reliability) {
        public Result {
            parts = List.copyOf(parts);
            aucInterval = List.copyOf(aucInterval);
            reliability = List.copyOf(reliability);
        }

        /** Returns every country-year of every part. */
        public List<CountryYear> countryYears() {
            return parts.stream().flatMap(p -> p.countryYears().stream()).toList();
        }

        /** Returns every state outcome of every part. */
        public List<CountryOutcome> countries() {
            return parts.stream().flatMap(p -> p.countries().stream()).toList();
        }

        /** Returns every month of every part. */
        public List<PathMonth> path() {
            return parts.stream().flatMap(p -> p.path().stream()).toList();
        }
    }

    /** Returns each tick's calendar-year index (0 for the year of the start). */
    public static int[] yearOfTick(ModelParameters p) {
        int[] y = new int[p.ticks()];
        for (int t = 0; t < y.length; t++) {
            y[t] = p.monthOf(t).getYear() - p.start().getYear();
        }
        return y;
    }

    /**
     * Scores one forecast: the model's {@code counts} of world {@code p} and the baselines' monthly
     * {@code hazards}, against {@code record}.
     */
    public static Part part(ModelParameters p, BacktestCounts counts, HistoricalRecord record,
            Baselines.Hazards hazards) {
        List<CountrySpec> states = p.countries();
        int n = states.size();
        int ticks = p.ticks();
        int months = p.tickMonths();
        YearMonth end = p.end();
        int startYear = p.start().getYear();
        double[][][] monthly = {null, hazards.naive(), hazards.logistic()};

        boolean[][] realRoc = new boolean[n][ticks];
        List<CountryYear> countryYears = new ArrayList<>();
        List<CountryOutcome> outcomes = new ArrayList<>();
        double[][][] survival = new double[F][n][ticks]; // baselines' P(with Taipei after tick t)
        for (int i = 0; i < n; i++) {
            CountrySpec s = states.get(i);
            List<Switch> own = record.switches().stream().filter(w -> w.code().equals(s.code())
                    && !w.month().isBefore(p.start()) && !w.month().isAfter(end)).toList();
            boolean roc = s.initialSide() == Side.ROC;
            int k = 0;
            YearMonth first = null;
            boolean[] rocOnFirstJanuary = new boolean[counts.years()];
            boolean[] switchedIn = new boolean[counts.years()];
            for (int t = 0; t < ticks; t++) {
                YearMonth m = p.monthOf(t);
                int y = m.getYear() - startYear;
                if (m.getMonthValue() <= months || t == 0) {
                    rocOnFirstJanuary[y] = roc;
                }
                // The switches of the months this tick covers.
                YearMonth last = m.plusMonths(months - 1L);
                while (k < own.size() && !own.get(k).month().isAfter(last)) {
                    Switch w = own.get(k++);
                    if (w.toPrc()) {
                        switchedIn[y] = true;
                        if (first == null) {
                            first = w.month();
                        }
                    }
                    roc = !w.toPrc();
                }
                realRoc[i][t] = roc;
            }
            double[] yearSurvival = new double[F];
            double[] totalSurvival = {1, 1, 1};
            int year = -1;
            double[][] yearly = new double[F][counts.years()];
            for (int t = 0; t < ticks; t++) {
                int y = p.monthOf(t).getYear() - startYear;
                if (y != year) {
                    java.util.Arrays.fill(yearSurvival, 1.0);
                    year = y;
                }
                for (int f = 1; f < F; f++) {
                    double h = monthly[f][i][t];
                    yearSurvival[f] *= 1 - h;
                    totalSurvival[f] *= 1 - h;
                    survival[f][i][t] = totalSurvival[f];
                    yearly[f][y] = 1 - yearSurvival[f];
                }
            }
            for (int y = 0; y < counts.years(); y++) {
                if (rocOnFirstJanuary[y]) {
                    long atRisk = counts.atRisk(i, y);
                    double model = (counts.events(i, y) + 0.5) / (atRisk + 1.0);
                    countryYears.add(new CountryYear(startYear, s.code(), startYear + y, atRisk,
                            new double[] {model, yearly[1][y], yearly[2][y]}, switchedIn[y]));
                }
            }
            double r = counts.replications();
            outcomes.add(new CountryOutcome(startYear, s, new double[] {counts.everToPrc(i) / r, 1 - totalSurvival[1],
                1 - totalSurvival[2]}, counts.rocAtEnd(i) / r, first, roc));
        }
        List<PathMonth> path = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            int real = 0;
            for (int i = 0; i < n; i++) {
                real += realRoc[i][t] ? 1 : 0;
            }
            double[] mean = new double[F];
            int[][] q = new int[F][QUANTILES.length];
            long[] hist = counts.alliesHistogram(t);
            mean[0] = Statistics.mean(hist);
            for (int k = 0; k < QUANTILES.length; k++) {
                q[0][k] = Statistics.quantile(hist, QUANTILES[k]);
            }
            for (int f = 1; f < F; f++) {
                double[] stay = new double[n];
                for (int i = 0; i < n; i++) {
                    stay[i] = states.get(i).initialSide() == Side.ROC ? survival[f][i][t] : 0.0;
                }
                PoissonBinomial allies = PoissonBinomial.of(stay);
                mean[f] = allies.mean();
                for (int k = 0; k < QUANTILES.length; k++) {
                    q[f][k] = allies.quantile(QUANTILES[k]);
                }
            }
            path.add(new PathMonth(startYear, p.monthOf(t), real, mean, q));
        }
        return new Part(p.start(), countryYears, outcomes, path);
    }

    /** Pools the parts' forecasts into scores; {@code seed} seeds the AUC's bootstrap. */
    public static Result summarise(long replications, List<Part> parts, long seed) {
        List<CountryYear> cys = parts.stream().flatMap(p -> p.countryYears().stream()).toList();
        List<CountryOutcome> states = parts.stream().flatMap(p -> p.countries().stream())
                .filter(c -> c.spec().initialSide() == Side.ROC).toList();
        List<PathMonth> months = parts.stream().flatMap(p -> p.path().stream()).toList();
        boolean[] moved = new boolean[cys.size()];
        for (int k = 0; k < moved.length; k++) {
            moved[k] = cys.get(k).switched();
        }
        boolean[] left = new boolean[states.size()];
        for (int k = 0; k < left.length; k++) {
            left[k] = states.get(k).leaver();
        }
        double[] brier = new double[F];
        double[] logLoss = new double[F];
        double[] brierLeft = new double[F];
        double[] auc = new double[F];
        double[] coverage = new double[F];
        double[] rmse = new double[F];
        List<Interval> aucInterval = new ArrayList<>();
        List<List<Scores.ReliabilityBin>> reliability = new ArrayList<>();
        double[][] forecasts = new double[F][];
        double[][] leftForecasts = new double[F][];
        for (Forecaster f : Forecaster.values()) {
            int i = f.ordinal();
            forecasts[i] = cys.stream().mapToDouble(c -> c.p(f)).toArray();
            leftForecasts[i] = states.stream().mapToDouble(c -> c.left(f)).toArray();
            brier[i] = Scores.brier(forecasts[i], moved);
            logLoss[i] = Scores.logLoss(forecasts[i], moved);
            brierLeft[i] = Scores.brier(leftForecasts[i], left);
            double[][] split = Auc.split(leftForecasts[i], left);
            if (split[0].length > 0 && split[1].length > 0) {
                auc[i] = Auc.of(split[0], split[1]);
                aucInterval.add(Auc.bootstrap(split[0], split[1], AUC_RESAMPLES, 0.95, seed));
            } else {
                auc[i] = Double.NaN;
                aucInterval.add(new Interval(Double.NaN, Double.NaN, Double.NaN, 0.95));
            }
            int inside = 0;
            double se = 0;
            for (PathMonth m : months) {
                if (m.quantile(f, 1) <= m.real() && m.real() <= m.quantile(f, 5)) {
                    inside++;
                }
                se += (m.mean(f) - m.real()) * (m.mean(f) - m.real());
            }
            coverage[i] = (double) inside / months.size();
            rmse[i] = Math.sqrt(se / months.size());
            reliability.add(Scores.reliability(forecasts[i], moved, BINS));
        }
        int naive = Forecaster.NAIVE.ordinal();
        double[] skill = new double[F];
        double[] leftSkill = new double[F];
        for (int i = 0; i < F; i++) {
            skill[i] = Scores.skill(brier[i], brier[naive]);
            leftSkill[i] = Scores.skill(brierLeft[i], brierLeft[naive]);
        }
        int events = 0;
        for (boolean b : moved) {
            events += b ? 1 : 0;
        }
        int leavers = 0;
        for (boolean b : left) {
            leavers += b ? 1 : 0;
        }
        return new Result(replications, parts, events, leavers, left.length - leavers, Score.of(brier),
                Score.of(logLoss), Score.of(brierLeft), Score.of(auc), aucInterval, Score.of(coverage),
                Score.of(rmse), Score.of(skill), Score.of(leftSkill), reliability);
    }
}
