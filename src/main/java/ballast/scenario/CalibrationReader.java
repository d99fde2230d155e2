package ballast.scenario;

import ballast.model.RuleDraws;
import ballast.model.RuleParameters;
import ballast.model.Term;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YMap;
import ballast.scenario.YNode.YScalar;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * Reads the two calibration sections of a scenario: {@code calibrate:} (what {@code ballast
 * calibrate} fits, in a calibration world) and {@code calibration:} (what a calibration found, in the
 * parameter file it writes and that scenarios extend), with {@code parameterUncertainty}, which makes
 * every replication draw the fitted parameters from the calibration's uncertainty.
 */
final class CalibrationReader {
    private CalibrationReader() {
    }

    static boolean isParameter(String name) {
        return name.equals("toPrcPerYear") || name.equals("toRocPerYear") || Term.ofKey(name) != null;
    }

    private static List<String> parameterNames() {
        List<String> names = new ArrayList<>(List.of("toPrcPerYear", "toRocPerYear"));
        for (Term t : Term.values()) {
            names.add(t.key());
        }
        return names;
    }

    /** Reads {@code calibrate: {train: FROM:TO, fit: {NAME: {mean: M, sd: S} or {prior: flat}}}}; null if absent. */
    static Scenario.CalibrateSpec spec(Fields f) {
        if (f == null) {
            return null;
        }
        YearMonth[] window = window(f, "train");
        List<Scenario.CalibrateSpec.Fit> fit = new ArrayList<>();
        Fields params = f.object("fit");
        if (params == null && !f.has("fit")) {
            f.problem("fit", "is required: the parameters to fit, each with its prior");
        }
        if (params != null) {
            for (String name : ScenarioLoader.keys(params.map())) {
                if (!isParameter(name)) {
                    params.keyProblem(name, "not a base rate or a weight of the rule" + Fields.suggestion(name,
                            parameterNames()));
                    params.node(name);
                    continue;
                }
                Fields p = params.object(name);
                if (p == null) {
                    continue;
                }
                String kind = p.choice("prior", List.of("normal", "flat"), false);
                double mean = p.number("mean", 0.0, -Term.MAX_WEIGHT, Term.MAX_WEIGHT);
                double sd = p.number("sd", 1.0, 1e-6, 100);
                if ("flat".equals(kind) && (p.has("mean") || p.has("sd"))) {
                    p.problem("prior", "a flat prior takes no mean or sd");
                }
                p.finish();
                fit.add(new Scenario.CalibrateSpec.Fit(name, mean, "flat".equals(kind)
                        ? Double.POSITIVE_INFINITY : sd));
            }
        }
        f.finish();
        return window == null ? null : new Scenario.CalibrateSpec(window[0], window[1], fit);
    }

    /** Reads {@code FROM:TO}, two months, the first not after the second. */
    static YearMonth[] window(Fields f, String key) {
        String text = f.text(key, true);
        if (text == null) {
            return null;
        }
        String[] parts = text.split(":", -1);
        YearMonth from = parts.length == 2 ? Fields.parseMonth(parts[0]) : null;
        YearMonth to = parts.length == 2 ? Fields.parseMonth(parts[1]) : null;
        if (from == null || to == null || to.isBefore(from)) {
            f.problem(key, "expected a window of months FROM:TO such as 1990-01:2007-12, got '"
                    + text + "'");
            return null;
        }
        return new YearMonth[] {from, to};
    }

    /**
     * Reads the {@code calibration:} section and {@code parameterUncertainty}; returns the draws if
     * the scenario asks for them, else null. The section's {@code about} mapping (intervals,
     * log-likelihood, provenance) is for readers and is not checked here.
     */
    static RuleDraws draws(Fields top, RuleParameters rule) {
        Boolean wanted = top.bool("parameterUncertainty");
        Fields f = top.object("calibration");
        if (f == null) {
            if (Boolean.TRUE.equals(wanted)) {
                top.problem("parameterUncertainty", "needs a calibration: extend a parameter file written by "
                        + "ballast calibrate (e.g. params/calibrated-1990-2007.yaml)");
            }
            return null;
        }
        window(f, "train");
        f.node("about");
        List<String> names = new ArrayList<>();
        YList list = f.list("fitted");
        if (list == null) {
            f.problem("fitted", "is required: the names of the fitted parameters");
        } else {
            for (YNode item : list.items()) {
                if (item instanceof YScalar s && s.kind() == YScalar.Kind.STRING && isParameter(s.text())) {
                    names.add(s.text());
                } else {
                    top.problem("calibration", "fitted: " + item.describe() + " is not a base rate or weight");
                    return null;
                }
            }
        }
        double[] mean = numbers(f, "estimate", names.size());
        double[][] covariance = matrix(f, "covariance", names.size());
        f.finish();
        if (mean == null || covariance == null || !Boolean.TRUE.equals(wanted)) {
            return null;
        }
        try {
            double[][] l = new CholeskyDecomposition(new Array2DRowRealMatrix(covariance), 1e-9, 1e-12).getL().getData();
            double[] flat = new double[names.size() * names.size()];
            for (int i = 0; i < l.length; i++) {
                System.arraycopy(l[i], 0, flat, i * l.length, l.length);
            }
            return new RuleDraws(names, flat);
        } catch (NonPositiveDefiniteMatrixException | org.apache.commons.math3.linear.NonSymmetricMatrixException e) {
            f.problem("covariance", "must be a symmetric positive definite matrix");
            return null;
        }
    }

    private static double[] numbers(Fields f, String key, int n) {
        YList list = f.list(key);
        if (list == null) {
            f.problem(key, "is required: " + n + " numbers");
            return null;
        }
        if (list.items().size() != n) {
            f.problem(key, "expected " + n + " numbers (one per fitted parameter), got " + list.items().size());
            return null;
        }
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            YNode item = list.items().get(i);
            if (!(item instanceof YScalar s) || (s.kind() != YScalar.Kind.INT && s.kind() != YScalar.Kind.FLOAT)
                    || !Double.isFinite(s.number())) {
                f.problem(key, "item " + (i + 1) + " is " + item.describe() + ", not a finite number");
                return null;
            }
            v[i] = s.number();
        }
        return v;
    }

    private static double[][] matrix(Fields f, String key, int n) {
        YList rows = f.list(key);
        if (rows == null) {
            f.problem(key, "is required: an " + n + " x " + n + " matrix");
            return null;
        }
        if (rows.items().size() != n) {
            f.problem(key, "expected " + n + " rows, got " + rows.items().size());
            return null;
        }
        double[][] m = new double[n][];
        for (int i = 0; i < n; i++) {
            YNode row = rows.items().get(i);
            if (!(row instanceof YList r)) {
                f.problem(key, "row " + (i + 1) + " is " + row.describe() + ", not a list of numbers");
                return null;
            }
            m[i] = rowNumbers(f, key, r, n, i);
            if (m[i] == null) {
                return null;
            }
        }
        return m;
    }

    private static double[] rowNumbers(Fields f, String key, YList r, int n, int i) {
        if (r.items().size() != n) {
            f.problem(key, "row " + (i + 1) + " has " + r.items().size() + " numbers, expected " + n);
            return null;
        }
        double[] v = new double[n];
        for (int j = 0; j < n; j++) {
            YNode item = r.items().get(j);
            if (!(item instanceof YScalar s) || (s.kind() != YScalar.Kind.INT && s.kind() != YScalar.Kind.FLOAT)
                    || !Double.isFinite(s.number())) {
                f.problem(key, "row " + (i + 1) + " item " + (j + 1) + " is not a finite number");
                return null;
            }
            v[j] = s.number();
        }
        return v;
    }
}
