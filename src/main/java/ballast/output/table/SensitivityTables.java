package ballast.output.table;

import static ballast.output.table.BatchTables.fixed;
import static ballast.output.table.BatchTables.fixedOrNa;

import ballast.experiment.Design;
import ballast.experiment.Morris;
import ballast.experiment.PointSummary.Output;
import ballast.experiment.Sobol;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a sensitivity analysis's tables: {@code sensitivity.csv} (tidy: output, parameter, measure,
 * value, 95% interval), {@code sensitivity_outputs.csv} (each output's mean and variance over the
 * design, and how much of that variance is replication noise), {@code sensitivity_points.csv} (every
 * design point with each output's mean, so the indices can be recomputed with other tools) and
 * {@code sensitivity.tex}.
 */
public final class SensitivityTables {
    public static final String INDICES = "sensitivity.csv";
    public static final String OUTPUTS = "sensitivity_outputs.csv";
    public static final String POINTS = "sensitivity_points.csv";
    public static final String TEX = "sensitivity.tex";

    /** The methods, as the manifest names them. */
    public static final String SOBOL = "sobol";
    public static final String MORRIS = "morris";
    /** Values of the {@code measure} column: Sobol first and total order; Morris mu*, mu and sigma. */
    public static final String S1 = "S1";
    public static final String ST = "ST";
    public static final String MU_STAR = "mu_star";
    public static final String MU = "mu";
    public static final String SIGMA = "sigma";

    private SensitivityTables() {
    }

    /** One output's analysis: Sobol indices or Morris effects (the other null), and the noise check. */
    public record Result(Output output, Sobol.Indices sobol, Morris.Effects morris, double mean, double variance,
            double noiseVariance) {
    }

    /** Writes the tables into {@code dir}; {@code means[output][point]} are the points' output means. */
    public static void write(String scenario, String method, Design design, long replications, List<Result> results,
            double[][] means, Path dir) throws IOException {
        List<String> params = design.factors().stream().map(f -> f.path()).toList();
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(INDICES))) {
            csv.printRecord(Columns.OUTPUT, Columns.PARAMETER, Columns.LOW, Columns.HIGH, Columns.MEASURE, Columns.VALUE,
                    Columns.CI95_LOW, Columns.CI95_HIGH);
            for (Result r : results) {
                for (int i = 0; i < params.size(); i++) {
                    List<Object> range = List.of(SweepTables.value(design.factors().get(i), design.factors().get(i)
                            .low()), SweepTables.value(design.factors().get(i), design.factors().get(i).high()));
                    if (r.sobol() != null) {
                        Sobol.Indices s = r.sobol();
                        row(csv, r, params.get(i), range, S1, s.first()[i], s.firstLow()[i], s.firstHigh()[i]);
                        row(csv, r, params.get(i), range, ST, s.total()[i], s.totalLow()[i], s.totalHigh()[i]);
                    } else {
                        Morris.Effects m = r.morris();
                        row(csv, r, params.get(i), range, MU_STAR, m.muStar()[i], m.muStarLow()[i],
                                m.muStarHigh()[i]);
                        row(csv, r, params.get(i), range, MU, m.mu()[i], Double.NaN, Double.NaN);
                        row(csv, r, params.get(i), range, SIGMA, m.sigma()[i], Double.NaN, Double.NaN);
                    }
                }
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(OUTPUTS))) {
            csv.printRecord("output", "points", "replications_per_point", "mean", "variance",
                    "replication_noise_variance", "noise_share");
            for (Result r : results) {
                csv.printRecord(r.output().key(), design.size(), replications, fixed(r.mean()), fixed(r.variance()),
                        fixedOrNa(r.noiseVariance()), fixedOrNa(r.noiseVariance() / r.variance()));
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(POINTS))) {
            List<Object> header = new ArrayList<>(List.of("point"));
            header.addAll(params);
            results.forEach(r -> header.add(r.output().key() + "_mean"));
            csv.printRecord(header);
            for (int p = 0; p < design.size(); p++) {
                List<Object> row = new ArrayList<>(List.of(p));
                for (int j = 0; j < params.size(); j++) {
                    row.add(SweepTables.value(design.factors().get(j), design.value(p, j)));
                }
                for (double[] m : means) {
                    row.add(fixed(m[p]));
                }
                csv.printRecord(row);
            }
        }
        writeTex(scenario, method, design, replications, results, dir.resolve(TEX));
    }

    private static void row(CSVPrinter csv, Result r, String param, List<Object> range, String measure, double v,
            double lo, double hi) throws IOException {
        csv.printRecord(r.output().key(), param, range.get(0), range.get(1), measure, fixedOrNa(v), fixedOrNa(lo), fixedOrNa(hi));
    }

    private static void writeTex(String scenario, String method, Design design, long replications,
            List<Result> results, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        boolean sobol = method.equals(SOBOL);
        for (Result r : results) {
            String caption = (sobol ? "Sobol indices" : "Morris elementary effects") + " of "
                    + Latex.escape(lowerFirst(r.output().description())) + " (" + Latex.escape(scenario) + "; "
                    + design.size() + " design points, " + replications + " replications each; 95\\% bootstrap "
                    + "intervals under each estimate). Each parameter varies over the range shown"
                    + (sobol ? "." : "; $\\mu^*$ is the mean absolute effect of moving it across its whole range, "
                    + "$\\sigma$ the spread of its effects.");
            Latex.Table t = Latex.table(caption, Latex.label(scenario, method + "-" + r.output().key().replace('_',
                    '-')), "Xrr");
            t.row(sobol ? List.of("Parameter and range", Latex.heading("First", "order $S_1$"),
                    Latex.heading("Total", "order $S_T$")) : List.of("Parameter and range", "$\\mu^*$", "$\\sigma$"));
            t.midrule();
            for (int i = 0; i < design.factors().size(); i++) {
                var f = design.factors().get(i);
                String parameter = Latex.escape(ParameterLabels.of(f.path())) + ", "
                        + Latex.range(SweepTables.value(f, f.low()), SweepTables.value(f, f.high()));
                if (sobol) {
                    Sobol.Indices s = r.sobol();
                    t.row(parameter, cell(s.first()[i], s.firstLow()[i], s.firstHigh()[i]),
                            cell(s.total()[i], s.totalLow()[i], s.totalHigh()[i]));
                } else {
                    Morris.Effects m = r.morris();
                    t.row(parameter, cell(m.muStar()[i], m.muStarLow()[i], m.muStarHigh()[i]),
                            Latex.number(m.sigma()[i], 2));
                }
            }
            b.append(t.end()).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static String cell(double v, double lo, double hi) {
        return Double.isNaN(v) ? "--" : Latex.stacked(Latex.number(v, 2), Latex.interval(lo, hi, 2));
    }

    private static String lowerFirst(String s) {
        return s.isEmpty() ? s : Character.toLowerCase(s.charAt(0)) + s.substring(1);
    }
}
