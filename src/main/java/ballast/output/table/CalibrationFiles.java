package ballast.output.table;

import ballast.experiment.Calibration;
import ballast.experiment.Calibration.Estimate;
import ballast.model.RuleParameters;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes what {@code ballast calibrate} found: the parameter file that scenarios {@code extends}
 * ({@code calibrated.yaml}: the whole rule as fitted, and a {@code calibration:} section with the
 * estimates, their covariance for drawing them per replication, and, under {@code about}, the
 * intervals, the log-likelihood, the training window and where it all came from), and the table of
 * estimates ({@code calibration.csv}).
 */
public final class CalibrationFiles {
    public static final String PARAMETERS = "calibrated.yaml";
    public static final String TABLE = "calibration.csv";

    private CalibrationFiles() {
    }

    /** Writes the parameter file and the table into {@code dir}. */
    public static void write(Calibration.Result r, YearMonth from, YearMonth to, String scenarioFile,
            Map<String, Object> provenance, Path dir) throws IOException {
        Files.writeString(dir.resolve(PARAMETERS), parameterFile(r, from, to, scenarioFile, provenance),
                StandardCharsets.UTF_8);
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(TABLE))) {
            csv.printRecord("parameter", "estimate", "ci95_low", "ci95_high", "interval", "fitting_scale",
                    "standard_error_fitting_scale", "prior");
            for (Estimate e : r.estimates()) {
                Calibration.Parameter p = e.parameter();
                csv.printRecord(p.name(), num(e.value()), num(e.low95()), num(e.high95()),
                        e.lowAtBound() || e.highAtBound() ? "open at a bound" : "profile likelihood",
                        p.logScale() ? "log" : "linear", num(e.standardError()), prior(p));
            }
        }
    }

    private static String prior(Calibration.Parameter p) {
        return Double.isInfinite(p.priorSd()) ? "flat" : "normal(" + num(p.priorMean()) + ", " + num(p.priorSd()) + ")";
    }

    /** Returns the text of the parameter file. */
    static String parameterFile(Calibration.Result r, YearMonth from, YearMonth to, String scenarioFile,
            Map<String, Object> provenance) {
        StringBuilder b = new StringBuilder();
        b.append("# Written by `ballast calibrate ").append(scenarioFile).append("`: the decision rule fitted to the\n");
        b.append("# record of ").append(from).append(" to ").append(to).append(" only (").append(r.switchesToPrc())
                .append(" moves to Beijing in ").append(r.monthsAtRiskToPrc()).append(" ally-months, ")
                .append(r.switchesToRoc()).append(" back to Taipei in ").append(r.monthsAtRiskToRoc())
                .append(" months).\n");
        b.append("# Scenarios `extends` this file. The fitted values are marked; the other weights are the\n");
        b.append("# calibration world's judgements, kept so that a scenario runs the rule that was fitted.\n");
        b.append("# Add `parameterUncertainty: true` to a scenario to draw the fitted values per replication.\n");
        b.append("rule:\n");
        RuleParameters rule = r.rule();
        List<String> fitted = r.estimates().stream().map(e -> e.parameter().name()).toList();
        for (Map.Entry<String, Object> e : rule.asScenarioMap().entrySet()) {
            b.append("  ").append(e.getKey()).append(": ").append(value(e.getValue()));
            int k = fitted.indexOf(e.getKey());
            if (k >= 0) {
                Estimate est = r.estimates().get(k);
                b.append("   # fitted; 95% interval ").append(num(est.low95())).append(" to ")
                        .append(num(est.high95()));
                if (est.lowAtBound() || est.highAtBound()) {
                    b.append(" (open: the record does not bound it)");
                }
            }
            b.append('\n');
        }
        b.append("calibration:\n");
        b.append("  train: ").append(from).append(':').append(to).append('\n');
        b.append("  fitted: [").append(String.join(", ", fitted)).append("]\n");
        b.append("  # on the fitting scale: base rates as natural logarithms, weights as they are\n");
        b.append("  estimate: [");
        for (int k = 0; k < r.fittingScale().length; k++) {
            b.append(k == 0 ? "" : ", ").append(Double.toString(r.fittingScale()[k]));
        }
        b.append("]\n");
        b.append("  # Laplace approximation: the inverse of the curvature of the penalised log-likelihood\n");
        b.append("  covariance:\n");
        for (double[] row : r.covariance()) {
            b.append("    - [");
            for (int j = 0; j < row.length; j++) {
                b.append(j == 0 ? "" : ", ").append(Double.toString(row[j]));
            }
            b.append("]\n");
        }
        b.append("  about:\n");
        b.append("    method: maximum of the log-likelihood of the recorded switches, month by month, plus normal ")
                .append("log-priors (CMA-ES, then BOBYQA; Commons Math 3.6.1)\n");
        b.append("    logLikelihood: ").append(Double.toString(r.logLikelihood())).append('\n');
        b.append("    logLikelihoodToBeijing: ").append(Double.toString(r.logLikelihoodToPrc())).append('\n');
        b.append("    logLikelihoodToTaipei: ").append(Double.toString(r.logLikelihoodToRoc())).append('\n');
        b.append("    penalisedLogLikelihood: ").append(Double.toString(r.penalisedLogLikelihood())).append('\n');
        b.append("    constantHazardLogLikelihood: ").append(Double.toString(r.nullLogLikelihood())).append('\n');
        b.append("    movesToBeijing: ").append(r.switchesToPrc()).append('\n');
        b.append("    allyMonthsAtRisk: ").append(r.monthsAtRiskToPrc()).append('\n');
        b.append("    movesBackToTaipei: ").append(r.switchesToRoc()).append('\n');
        b.append("    monthsAtRiskOfMovingBack: ").append(r.monthsAtRiskToRoc()).append('\n');
        b.append("    replays: ").append(r.evaluations()).append('\n');
        b.append("    estimates:\n");
        for (Estimate e : r.estimates()) {
            b.append("      ").append(e.parameter().name()).append(": {estimate: ").append(num(e.value()))
                    .append(", ci95: [").append(num(e.low95())).append(", ").append(num(e.high95()))
                    .append("], prior: '").append(prior(e.parameter())).append("'}\n");
        }
        b.append("    provenance:\n");
        for (Map.Entry<String, Object> e : provenance.entrySet()) {
            b.append("      ").append(e.getKey()).append(": ").append(value(e.getValue())).append('\n');
        }
        return b.toString();
    }

    private static String value(Object v) {
        if (v instanceof Double d) {
            return Double.toString(d);
        }
        if (v instanceof Number || v instanceof Boolean) {
            return v.toString();
        }
        if (v instanceof List<?> list) {
            StringBuilder b = new StringBuilder("[");
            for (int i = 0; i < list.size(); i++) {
                b.append(i == 0 ? "" : ", ").append(value(list.get(i)));
            }
            return b.append(']').toString();
        }
        return "'" + String.valueOf(v).replace("'", "''") + "'";
    }

    private static String num(double v) {
        return Double.isNaN(v) ? "NA" : String.format(Locale.ROOT, "%.4g", v);
    }
}
