package ballast.output.table;

import static ballast.output.table.BatchTables.fixed;
import static ballast.output.table.BatchTables.fixedOrNa;

import ballast.experiment.Backtest;
import ballast.experiment.Backtest.CountryOutcome;
import ballast.experiment.Backtest.CountryYear;
import ballast.experiment.Backtest.Forecaster;
import ballast.experiment.Backtest.PathMonth;
import ballast.experiment.Baselines;
import ballast.stats.Interval;
import ballast.stats.Scores;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a back-test's tables. In every table {@code baseline} is the naive constant hazard and
 * {@code logistic} the logistic hazard regression (see {@code Baselines}); {@code forecast_start} is
 * the year a forecast was made from (one value, or one per year of a rolling back-test).
 *
 * <ul>
 *   <li>{@code backtest_scores.csv} and {@code .tex}: every score for the model and both baselines;</li>
 *   <li>{@code backtest_calibration.csv}: the reliability table (forecasts binned, mean forecast,
 *       observed share and its 95% Wilson interval);</li>
 *   <li>{@code backtest_countries.csv}: per state and forecast, P(moves to Beijing by the end) and what
 *       happened;</li>
 *   <li>{@code backtest_country_years.csv}: every scored forecast;</li>
 *   <li>{@code backtest_allies.csv}: the real count of the start's allies by month beside each
 *       forecaster's mean and 80% band (the model's full fan);</li>
 *   <li>{@code backtest_baselines.csv}: what the baselines were fitted to be.</li>
 * </ul>
 */
public final class BacktestTables {
    public static final String SCORES = "backtest_scores.csv";
    public static final String SCORES_TEX = "backtest_scores.tex";
    public static final String CALIBRATION = "backtest_calibration.csv";
    public static final String COUNTRIES = "backtest_countries.csv";
    public static final String COUNTRY_YEARS = "backtest_country_years.csv";
    public static final String ALLIES = "backtest_allies.csv";
    public static final String BASELINES = "backtest_baselines.csv";

    /** The forecasters' names in the tables' columns (the naive baseline keeps the older name "baseline"). */
    public static String column(Forecaster f) {
        return f == Forecaster.NAIVE ? "baseline" : f.label();
    }

    private BacktestTables() {
    }

    /** Writes every table into {@code dir}. */
    public static void write(String scenario, Backtest.Result r, Baselines.Fitted baselines, Path dir)
            throws IOException {
        writeScores(scenario, r, baselines, dir);
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(CALIBRATION))) {
            csv.printRecord(Columns.FORECASTER, "forecast_from", "forecast_to", Columns.COUNTRY_YEARS,
                    Columns.MEAN_FORECAST, Columns.OBSERVED_SHARE, "switches", Columns.OBSERVED_CI95_LOW,
                    Columns.OBSERVED_CI95_HIGH);
            for (Forecaster f : Forecaster.values()) {
                for (Scores.ReliabilityBin b : r.reliability().get(f.ordinal())) {
                    csv.printRecord(column(f), fixed(b.lower()), fixed(b.upper()), b.n(), fixedOrNa(b.meanForecast()),
                            fixedOrNa(b.observedFrequency()), b.events(), fixedOrNa(b.wilsonLower()),
                            fixedOrNa(b.wilsonUpper()));
                }
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(COUNTRIES))) {
            csv.printRecord("country", "name", "p_switch_to_prc_model", "p_switch_to_prc_baseline", "switched_to_prc",
                    "first_switch_month", "p_taipei_at_end_model", "taipei_at_end", "p_switch_to_prc_logistic",
                    "forecast_start");
            for (CountryOutcome c : r.countries()) {
                csv.printRecord(c.spec().code(), c.spec().name(), fixed(c.left(Forecaster.MODEL)),
                        fixed(c.left(Forecaster.NAIVE)), c.leaver() ? 1 : 0,
                        c.firstSwitch() == null ? "NA" : c.firstSwitch(), fixed(c.modelTaipeiAtEnd()),
                        c.taipeiAtEnd() ? 1 : 0, fixed(c.left(Forecaster.LOGISTIC)), c.forecastStart());
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(COUNTRY_YEARS))) {
            csv.printRecord("country", "year", "runs_with_taipei_on_1_jan", "p_switch_model", "p_switch_baseline",
                    "switched_to_prc", "p_switch_logistic", "forecast_start");
            for (CountryYear cy : r.countryYears()) {
                csv.printRecord(cy.code(), cy.year(), cy.runsAtRisk(), fixed(cy.p(Forecaster.MODEL)),
                        fixed(cy.p(Forecaster.NAIVE)), cy.switched() ? 1 : 0, fixed(cy.p(Forecaster.LOGISTIC)),
                        cy.forecastStart());
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(ALLIES))) {
            // The columns the fan reads (BacktestCharts) are named in Columns.
            List<Object> header = new java.util.ArrayList<>(List.of(Columns.MONTH, Columns.ALLIES_REAL,
                    Columns.MODEL_MEAN));
            header.addAll(Columns.quantiles(Columns.MODEL_PREFIX));
            header.addAll(List.of(Columns.BASELINE_MEAN, Columns.BASELINE_Q10, Columns.BASELINE_Q90, "logistic_mean",
                    "logistic_q10", "logistic_q90", Columns.FORECAST_START));
            csv.printRecord(header);
            for (PathMonth m : r.path()) {
                Forecaster model = Forecaster.MODEL;
                csv.printRecord(m.month(), m.real(), fixed(m.mean(model)), m.quantile(model, 0), m.quantile(model, 1),
                        m.quantile(model, 2), m.quantile(model, 3), m.quantile(model, 4), m.quantile(model, 5),
                        m.quantile(model, 6), fixed(m.mean(Forecaster.NAIVE)), m.quantile(Forecaster.NAIVE, 1),
                        m.quantile(Forecaster.NAIVE, 5), fixed(m.mean(Forecaster.LOGISTIC)),
                        m.quantile(Forecaster.LOGISTIC, 1), m.quantile(Forecaster.LOGISTIC, 5), m.forecastStart());
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(BASELINES))) {
            csv.printRecord("baseline", "parameter", "value", "standard_error", "about");
            csv.printRecord("naive", "monthly_hazard_kmt", fixed(baselines.naiveHazard(false, false)), "NA",
                    baselines.movesUnderKmt() + " moves to Beijing in " + baselines.allyMonthsUnderKmt()
                            + " ally-months under KMT presidents, " + baselines.trainFrom() + " to " + baselines.trainTo());
            csv.printRecord("naive", "monthly_hazard_dpp", fixed(baselines.naiveHazard(true, false)), "NA",
                    baselines.movesUnderDpp() + " moves to Beijing in " + baselines.allyMonthsUnderDpp()
                            + " ally-months under DPP presidents");
            csv.printRecord("both", "truce_factor", fixed(Math.exp(baselines.truceWeight())), "NA",
                    "exp(rule.truce): the hazard's factor while Beijing's posture is a truce, as in the model");
            var fit = baselines.logistic();
            csv.printRecord("logistic", "intercept", fixed(fit.coefficient(0)), fixed(fit.standardErrors()[0]),
                    "log-odds of a move in a month at covariates 0; " + fit.observations() + " ally-months");
            for (int k = 0; k < baselines.covariates().size(); k++) {
                var t = baselines.covariates().get(k);
                csv.printRecord("logistic", t.key(), fixed(baselines.coefficient(k)), fixed(baselines.standardError(k)),
                        t.unit() + "; normal prior sd " + fixed(baselines.priorSd()[k]));
            }
        }
    }

    private static void writeScores(String scenario, Backtest.Result r, Baselines.Fitted b, Path dir)
            throws IOException {
        String countryYears = r.countryYears().size() + " country-years, " + r.countryYearEvents()
                + " moves to Beijing";
        String states = r.leavers() + " leavers, " + r.stayers() + " stayers";
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(SCORES))) {
            csv.printRecord("score", "model", "baseline", "better", "about", "logistic", "model_ci95_low",
                    "model_ci95_high", "baseline_ci95_low", "baseline_ci95_high", "logistic_ci95_low",
                    "logistic_ci95_high");
            row(csv, "brier_per_country_year", r.brier(), Better.LOWER, countryYears + "; lower is better", null);
            row(csv, "log_loss_per_country_year", r.logLoss(), Better.LOWER, "natural log; lower is better", null);
            row(csv, "brier_left_by_end", r.brierLeft(), Better.LOWER,
                    "per state: P(moves to Beijing by the end); " + states + "; lower is better", null);
            row(csv, "auc_leavers_vs_stayers", r.auc(), Better.HIGHER,
                    "P(moves by the end), leavers against stayers; 0.5 is chance; 95% bootstrap interval",
                    r.aucInterval());
            row(csv, "ally_path_share_in_80_band", r.coverage80(), Better.NEAR_080,
                    "share of months with the real count inside the 10-90% band; 0.80 is ideal", null);
            row(csv, "ally_path_rmse", r.rmse(), Better.LOWER, "allies, monthly, mean forecast vs real; lower is better",
                    null);
            row(csv, "brier_skill_vs_baseline", r.brierSkill(), Better.HIGHER,
                    "1 - Brier / Brier of the naive baseline, per country-year; above 0 beats it", null);
            row(csv, "brier_left_skill_vs_baseline", r.brierLeftSkill(), Better.HIGHER,
                    "1 - Brier / Brier of the naive baseline, of left by the end; above 0 beats it", null);
        }
        StringBuilder t = new StringBuilder();
        LatexTables.begin(t, "Back-test of " + LatexTables.escape(scenario) + " against the record, "
                + r.replications() + " replications a forecast; " + LatexTables.escape(countryYears) + "; "
                + LatexTables.escape(states) + ". Naive: constant hazard by Taipei's party; logistic: hazard "
                + "regression on the model's covariates; both fitted to " + b.trainFrom() + " to " + b.trainTo() + ".",
                "tab:" + scenario.replaceAll("[^A-Za-z0-9-]", "-") + "-backtest", "lrrr");
        t.append("Score & Model & Naive & Logistic \\\\\n\\midrule\n");
        tex(t, "Brier, country-year", r.brier(), "%.4f");
        tex(t, "Log loss, country-year", r.logLoss(), "%.3f");
        tex(t, "Brier, left by the end", r.brierLeft(), "%.3f");
        tex(t, "AUC, leavers", r.auc(), "%.2f");
        tex(t, "Months in 80\\% band", r.coverage80(), "%.2f");
        tex(t, "RMSE of allies", r.rmse(), "%.2f");
        LatexTables.end(t);
        Files.writeString(dir.resolve(SCORES_TEX), t.toString(), StandardCharsets.UTF_8);
    }

    private enum Better { LOWER, HIGHER, NEAR_080 }

    private static void row(CSVPrinter csv, String name, Backtest.Score s, Better how, String about,
            List<Interval> intervals) throws IOException {
        Forecaster best = null;
        double bestKey = Double.NaN;
        boolean tie = false;
        for (Forecaster f : Forecaster.values()) {
            double v = s.of(f);
            double key = how == Better.LOWER ? v : how == Better.HIGHER ? -v : Math.abs(v - 0.8);
            if (Double.isNaN(key)) {
                continue;
            }
            if (best == null || key < bestKey) {
                best = f;
                bestKey = key;
                tie = false;
            } else if (key == bestKey) {
                tie = true;
            }
        }
        String better = best == null ? "NA" : tie ? "tie" : column(best);
        Object[] ci = new Object[6];
        for (Forecaster f : Forecaster.values()) {
            Interval i = intervals == null ? null : intervals.get(f.ordinal());
            ci[2 * f.ordinal()] = i == null ? "NA" : fixedOrNa(i.lower());
            ci[2 * f.ordinal() + 1] = i == null ? "NA" : fixedOrNa(i.upper());
        }
        csv.printRecord(name, fixedOrNa(s.model()), fixedOrNa(s.naive()), better, about, fixedOrNa(s.logistic()),
                ci[0], ci[1], ci[2], ci[3], ci[4], ci[5]);
    }

    private static void tex(StringBuilder b, String label, Backtest.Score s, String format) {
        b.append(label);
        for (Forecaster f : Forecaster.values()) {
            double v = s.of(f);
            b.append(" & ").append(Double.isNaN(v) ? "--" : String.format(Locale.ROOT, format, v));
        }
        b.append(" \\\\\n");
    }
}
