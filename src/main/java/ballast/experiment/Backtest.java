package ballast.experiment;

import ballast.experiment.HistoricalRecord.Switch;
import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.Side;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.BinomialDistribution;

/**
 * Scores a back-test: the model's replications of a historical scenario against what happened,
 * next to a naive baseline in which every ally has the same constant monthly hazard of switching to
 * Beijing, set from the switch rate of the years before the start.
 *
 * <p>Forecasts are scored per country-year: for each state that really recognised Taipei on
 * 1 January of a year, the forecast is the probability that it switches to Beijing during that year,
 * given that it recognises Taipei on 1 January; for the model, the share of the runs with Taipei on
 * that day in which it switched during the year, smoothed as (switched + 0.5) / (runs + 1) so no
 * forecast is exactly 0 or 1; for the baseline, 1 - (1 - h)^12. The ally-count path is the number of
 * the start's allies recognising Taipei at the end of each month (the model cannot gain states it
 * does not contain, so allies won later, e.g. Saint Lucia in 2007, are not counted).
 */
public final class Backtest {
    /** Edges of the calibration table's bins of forecast probability. */
    public static final double[] BINS = {0, 0.02, 0.05, 0.10, 0.20, 0.30, 0.50, 1.0};

    private Backtest() {
    }

    /** A forecast for one state and year, and what happened. */
    public record CountryYear(String code, int year, long runsAtRisk, double model, double baseline, boolean switched) {
    }

    /** One row of the calibration table. */
    public record CalibrationBin(String forecaster, double from, double to, int n, double meanForecast,
            double observed) {
    }

    /** Per state: the forecast that it switches to Beijing at least once before the end, and what happened. */
    public record CountryOutcome(CountrySpec spec, double modelEverSwitches, double baselineEverSwitches,
            double modelTaipeiAtEnd, YearMonth firstSwitch, boolean taipeiAtEnd) {
    }

    /** The ally-count path, month by month: the real count, the model's bands, the baseline's. */
    public record Path(List<YearMonth> months, int[] real, double[] modelMean, int[] q025, int[] q10, int[] q25,
            int[] median, int[] q75, int[] q90, int[] q975, double[] baselineMean, int[] baselineQ10,
            int[] baselineQ90) {
    }

    /** Everything scored. */
    public record Result(long replications, double monthlyHazard, long priorSwitches, int priorYears,
            List<CountryYear> countryYears, List<CountryOutcome> countries, Path path,
            List<CalibrationBin> calibration, Score brier, Score logLoss, Score rmse, Score coverage80) {
    }

    /** A score for the model and for the baseline. */
    public record Score(double model, double baseline) {
    }

    /** Returns each tick's calendar-year index (0 for the year of the start). */
    public static int[] yearOfTick(ModelParameters p) {
        int[] y = new int[p.ticks()];
        for (int t = 0; t < y.length; t++) {
            y[t] = p.monthOf(t).getYear() - p.start().getYear();
        }
        return y;
    }

    /** Scores {@code counts} of scenario {@code p} against {@code record}. */
    public static Result score(ModelParameters p, BacktestCounts counts, HistoricalRecord record, int priorYears) {
        double h = record.priorMonthlyHazard(p.start(), priorYears);
        double yearly = 1 - Math.pow(1 - h, 12);
        List<CountrySpec> states = p.countries();
        int n = states.size();
        int ticks = p.ticks();
        YearMonth end = p.monthOf(ticks - 1);
        int startYear = p.start().getYear();

        boolean[][] realRoc = new boolean[n][ticks];
        List<CountryYear> countryYears = new ArrayList<>();
        List<CountryOutcome> outcomes = new ArrayList<>();
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
                if (m.getMonthValue() == 1 || t == 0) {
                    rocOnFirstJanuary[y] = roc;
                }
                while (k < own.size() && !own.get(k).month().isAfter(m)) {
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
            for (int y = 0; y < counts.years(); y++) {
                if (rocOnFirstJanuary[y]) {
                    long atRisk = counts.atRisk(i, y);
                    double model = (counts.events(i, y) + 0.5) / (atRisk + 1.0);
                    countryYears.add(new CountryYear(s.code(), startYear + y, atRisk, model, yearly, switchedIn[y]));
                }
            }
            double r = counts.replications();
            outcomes.add(new CountryOutcome(s, counts.everToPrc(i) / r, 1 - Math.pow(1 - h, ticks),
                    counts.rocAtEnd(i) / r, first, roc));
        }

        double brierModel = 0;
        double brierBase = 0;
        double logModel = 0;
        double logBase = 0;
        for (CountryYear cy : countryYears) {
            double o = cy.switched() ? 1 : 0;
            brierModel += (cy.model() - o) * (cy.model() - o);
            brierBase += (cy.baseline() - o) * (cy.baseline() - o);
            logModel -= cy.switched() ? Math.log(cy.model()) : Math.log(1 - cy.model());
            logBase -= cy.switched() ? Math.log(cy.baseline()) : Math.log(1 - cy.baseline());
        }
        int m = countryYears.size();

        Path path = path(p, counts, realRoc, h);
        double seModel = 0;
        double seBase = 0;
        int inModel = 0;
        int inBase = 0;
        for (int t = 0; t < ticks; t++) {
            seModel += sq(path.modelMean()[t] - path.real()[t]);
            seBase += sq(path.baselineMean()[t] - path.real()[t]);
            if (path.q10()[t] <= path.real()[t] && path.real()[t] <= path.q90()[t]) {
                inModel++;
            }
            if (path.baselineQ10()[t] <= path.real()[t] && path.real()[t] <= path.baselineQ90()[t]) {
                inBase++;
            }
        }
        List<CalibrationBin> calibration = new ArrayList<>();
        calibration.addAll(calibration("model", countryYears, true));
        calibration.addAll(calibration("baseline", countryYears, false));
        return new Result(counts.replications(), h, record.priorSwitches(p.start(), priorYears), priorYears,
                List.copyOf(countryYears), List.copyOf(outcomes), path, List.copyOf(calibration),
                new Score(brierModel / m, brierBase / m), new Score(logModel / m, logBase / m),
                new Score(Math.sqrt(seModel / ticks), Math.sqrt(seBase / ticks)),
                new Score((double) inModel / ticks, (double) inBase / ticks));
    }

    private static Path path(ModelParameters p, BacktestCounts counts, boolean[][] realRoc, double h) {
        int ticks = p.ticks();
        int n = realRoc.length;
        int initial = (int) p.countries().stream().filter(c -> c.initialSide() == Side.ROC).count();
        List<YearMonth> months = new ArrayList<>();
        int[] real = new int[ticks];
        double[] mean = new double[ticks];
        int[][] q = new int[7][ticks];
        double[] probabilities = {0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975};
        double[] baseMean = new double[ticks];
        int[] baseLow = new int[ticks];
        int[] baseHigh = new int[ticks];
        for (int t = 0; t < ticks; t++) {
            months.add(p.monthOf(t));
            for (int i = 0; i < n; i++) {
                real[t] += realRoc[i][t] ? 1 : 0;
            }
            long[] hist = counts.alliesHistogram(t);
            mean[t] = Statistics.mean(hist);
            for (int k = 0; k < probabilities.length; k++) {
                q[k][t] = Statistics.quantile(hist, probabilities[k]);
            }
            // Baseline: each ally independently still with Taipei after t + 1 months with probability (1 - h)^(t+1).
            double keep = Math.pow(1 - h, (t + 1) * (double) p.tickMonths());
            BinomialDistribution allies = new BinomialDistribution(null, initial, keep);
            baseMean[t] = initial * keep;
            baseLow[t] = allies.inverseCumulativeProbability(0.10);
            baseHigh[t] = allies.inverseCumulativeProbability(0.90);
        }
        return new Path(List.copyOf(months), real, mean, q[0], q[1], q[2], q[3], q[4], q[5], q[6], baseMean, baseLow,
                baseHigh);
    }

    private static List<CalibrationBin> calibration(String name, List<CountryYear> cys, boolean model) {
        List<CalibrationBin> bins = new ArrayList<>();
        for (int b = 0; b + 1 < BINS.length; b++) {
            double from = BINS[b];
            double to = BINS[b + 1];
            int count = 0;
            double sum = 0;
            int events = 0;
            for (CountryYear cy : cys) {
                double f = model ? cy.model() : cy.baseline();
                if (f >= from && (f < to || b + 2 == BINS.length && f <= to)) {
                    count++;
                    sum += f;
                    events += cy.switched() ? 1 : 0;
                }
            }
            bins.add(new CalibrationBin(name, from, to, count, count == 0 ? Double.NaN : sum / count,
                    count == 0 ? Double.NaN : (double) events / count));
        }
        return bins;
    }

    private static double sq(double v) {
        return v * v;
    }
}
