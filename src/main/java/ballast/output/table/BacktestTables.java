package ballast.output.table;

import static ballast.output.table.BatchTables.fixed;
import static ballast.output.table.BatchTables.fixedOrNa;

import ballast.experiment.Backtest;
import ballast.experiment.Backtest.CalibrationBin;
import ballast.experiment.Backtest.CountryOutcome;
import ballast.experiment.Backtest.CountryYear;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a back-test's tables: {@code backtest_scores.csv} and {@code .tex} (each score for the model
 * and the naive baseline), {@code backtest_calibration.csv}, {@code backtest_countries.csv} (per
 * state: forecast and outcome), {@code backtest_country_years.csv} (every scored forecast) and
 * {@code backtest_allies.csv} (the real ally count by month beside both forecasts' bands).
 */
public final class BacktestTables {
    public static final String SCORES = "backtest_scores.csv";
    public static final String SCORES_TEX = "backtest_scores.tex";
    public static final String CALIBRATION = "backtest_calibration.csv";
    public static final String COUNTRIES = "backtest_countries.csv";
    public static final String COUNTRY_YEARS = "backtest_country_years.csv";
    public static final String ALLIES = "backtest_allies.csv";

    private BacktestTables() {
    }

    /** Writes every table into {@code dir}. */
    public static void write(String scenario, Backtest.Result r, Path dir) throws IOException {
        long events = r.countryYears().stream().filter(CountryYear::switched).count();
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(SCORES))) {
            csv.printRecord("score", "model", "baseline", "better", "about");
            score(csv, "brier_per_country_year", r.brier(), true, r.countryYears().size() + " country-years, " + events
                    + " switches to Beijing; lower is better");
            score(csv, "log_loss_per_country_year", r.logLoss(), true, "natural log; lower is better");
            score(csv, "ally_path_rmse", r.rmse(), true, "allies, monthly, mean forecast vs real; lower is better");
            score(csv, "ally_path_share_in_80_band", r.coverage80(), false,
                    "share of months with the real count inside the 10-90% band; 0.80 is ideal");
        }
        StringBuilder b = new StringBuilder();
        LatexTables.begin(b, "Back-test of " + LatexTables.escape(scenario) + " against the record, " + r.replications()
                + " replications; naive baseline: constant monthly hazard " + String.format(Locale.ROOT, "%.5f", r
                .monthlyHazard()) + " (" + r.priorSwitches() + " switches to Beijing in the " + r.priorYears()
                + " years before the start).", "tab:" + scenario.replaceAll("[^A-Za-z0-9-]", "-") + "-backtest", "lrr");
        b.append("Score & Model & Naive baseline \\\\\n\\midrule\n");
        b.append("Brier score per country-year & ").append(three(r.brier().model())).append(" & ")
                .append(three(r.brier().baseline())).append(" \\\\\n");
        b.append("Log loss per country-year & ").append(three(r.logLoss().model())).append(" & ")
                .append(three(r.logLoss().baseline())).append(" \\\\\n");
        b.append("RMSE of the ally count (allies) & ").append(LatexTables.two(r.rmse().model())).append(" & ")
                .append(LatexTables.two(r.rmse().baseline())).append(" \\\\\n");
        b.append("Months inside the 80\\% band & ").append(LatexTables.two(r.coverage80().model())).append(" & ")
                .append(LatexTables.two(r.coverage80().baseline())).append(" \\\\\n");
        LatexTables.end(b);
        Files.writeString(dir.resolve(SCORES_TEX), b.toString(), StandardCharsets.UTF_8);

        try (CSVPrinter csv = BatchTables.printer(dir.resolve(CALIBRATION))) {
            csv.printRecord("forecaster", "forecast_from", "forecast_to", "country_years", "mean_forecast",
                    "observed_share");
            for (CalibrationBin c : r.calibration()) {
                csv.printRecord(c.forecaster(), fixed(c.from()), fixed(c.to()), c.n(), fixedOrNa(c.meanForecast()),
                        fixedOrNa(c.observed()));
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(COUNTRIES))) {
            csv.printRecord("country", "name", "p_switch_to_prc_model", "p_switch_to_prc_baseline", "switched_to_prc",
                    "first_switch_month", "p_taipei_at_end_model", "taipei_at_end");
            for (CountryOutcome c : r.countries()) {
                csv.printRecord(c.spec().code(), c.spec().name(), fixed(c.modelEverSwitches()),
                        fixed(c.baselineEverSwitches()), c.firstSwitch() != null ? "yes" : "no",
                        c.firstSwitch() == null ? "NA" : c.firstSwitch(), fixed(c.modelTaipeiAtEnd()),
                        c.taipeiAtEnd() ? "yes" : "no");
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(COUNTRY_YEARS))) {
            csv.printRecord("country", "year", "runs_with_taipei_on_1_jan", "p_switch_model", "p_switch_baseline",
                    "switched_to_prc");
            for (CountryYear cy : r.countryYears()) {
                csv.printRecord(cy.code(), cy.year(), cy.runsAtRisk(), fixed(cy.model()), fixed(cy.baseline()),
                        cy.switched() ? 1 : 0);
            }
        }
        Backtest.Path p = r.path();
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(ALLIES))) {
            csv.printRecord("month", "allies_real", "model_mean", "model_q025", "model_q10", "model_q25",
                    "model_median", "model_q75", "model_q90", "model_q975", "baseline_mean", "baseline_q10",
                    "baseline_q90");
            for (int t = 0; t < p.months().size(); t++) {
                csv.printRecord(p.months().get(t), p.real()[t], fixed(p.modelMean()[t]), p.q025()[t], p.q10()[t],
                        p.q25()[t], p.median()[t], p.q75()[t], p.q90()[t], p.q975()[t], fixed(p.baselineMean()[t]),
                        p.baselineQ10()[t], p.baselineQ90()[t]);
            }
        }
    }

    private static void score(CSVPrinter csv, String name, Backtest.Score s, boolean lowerIsBetter, String about)
            throws IOException {
        String better;
        if (lowerIsBetter) {
            better = s.model() < s.baseline() ? "model" : s.model() > s.baseline() ? "baseline" : "tie";
        } else {
            double dm = Math.abs(s.model() - 0.8);
            double db = Math.abs(s.baseline() - 0.8);
            better = dm < db ? "model" : dm > db ? "baseline" : "tie";
        }
        csv.printRecord(name, fixed(s.model()), fixed(s.baseline()), better, about);
    }

    private static String three(double v) {
        return String.format(Locale.ROOT, "%.3f", v);
    }
}
