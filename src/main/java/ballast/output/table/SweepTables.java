package ballast.output.table;

import static ballast.output.table.BatchTables.fixed;
import static ballast.output.table.BatchTables.fixedOrNa;

import ballast.experiment.Design;
import ballast.experiment.Factor;
import ballast.experiment.PointSummary;
import ballast.experiment.PointSummary.Output;
import ballast.experiment.Statistics;
import ballast.model.CountrySpec;
import ballast.stats.Interval;
import ballast.stats.Intervals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a sweep's tables: {@code sweep.csv}, one tidy row per design point (the factors' values,
 * then the headline outputs of the point's batch), and {@code sweep_countries.csv}, one row per point
 * and state with the probability that the state still recognises Taipei at the horizon.
 */
public final class SweepTables {
    public static final String SWEEP = "sweep.csv";
    public static final String COUNTRIES = "sweep_countries.csv";
    public static final String TEX = "sweep.tex";
    /** Rows per LaTeX table; a longer sweep continues in further tables. */
    static final int TEX_ROWS = 40;

    private SweepTables() {
    }

    /** The columns of {@code sweep.csv} after the factors, in order. */
    public static final List<String> OUTPUT_COLUMNS = List.of(Columns.REPLICATIONS, Columns.ALLIES_MEAN,
            Columns.ALLIES_MEAN_SE, "allies_q10", "allies_median", "allies_q90", "p_all_kept", Columns.GDP_SHARE_MEAN,
            Columns.GDP_SHARE_SD,
            "population_share_mean", "population_share_sd", "switches_to_prc_per_run", "switches_to_roc_per_run");

    /**
     * Writes the tables into {@code dir}: {@code sweep.csv}, {@code sweep_countries.csv} and
     * {@code sweep.tex}; {@code countries} are the states, in scenario order.
     */
    public static void write(String scenario, Design design, PointSummary[] points, List<CountrySpec> countries,
            Path dir) throws IOException {
        writeTex(scenario, design, points, dir.resolve(TEX));
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(SWEEP))) {
            List<Object> header = new ArrayList<>(List.of(Columns.POINT));
            design.factors().forEach(f -> header.add(f.path()));
            header.addAll(OUTPUT_COLUMNS);
            csv.printRecord(header);
            int initial = initialAllies(countries);
            for (int p = 0; p < points.length; p++) {
                PointSummary s = points[p];
                long[] h = s.alliesHistogram();
                List<Object> row = factorCells(p, design);
                row.add(s.replications());
                row.add(fixed(s.mean(Output.ALLIES_AT_HORIZON)));
                row.add(fixedOrNa(Math.sqrt(s.variance(Output.ALLIES_AT_HORIZON) / s.replications())));
                row.add(Statistics.quantile(h, 0.10));
                row.add(Statistics.quantile(h, 0.50));
                row.add(Statistics.quantile(h, 0.90));
                row.add(fixed((double) s.alliesCount(initial) / s.replications()));
                row.add(fixed(s.mean(Output.GDP_SHARE_AT_HORIZON)));
                row.add(fixedOrNa(Math.sqrt(s.variance(Output.GDP_SHARE_AT_HORIZON))));
                row.add(fixed(s.mean(Output.POPULATION_SHARE_AT_HORIZON)));
                row.add(fixedOrNa(Math.sqrt(s.variance(Output.POPULATION_SHARE_AT_HORIZON))));
                row.add(fixed(s.mean(Output.SWITCHES_TO_PRC)));
                row.add(fixed(s.switchesToRocPerRun()));
                csv.printRecord(row);
            }
        }
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(COUNTRIES))) {
            List<Object> header = new ArrayList<>(List.of(Columns.POINT));
            design.factors().forEach(f -> header.add(f.path()));
            header.addAll(List.of(Columns.COUNTRY, Columns.NAME, Columns.REPLICATIONS, Columns.P_TAIPEI_AT_HORIZON,
                    Columns.P_TAIPEI_CI95_LOW, Columns.P_TAIPEI_CI95_HIGH));
            csv.printRecord(header);
            for (int p = 0; p < points.length; p++) {
                PointSummary s = points[p];
                for (int i = 0; i < countries.size(); i++) {
                    double[] ci = Statistics.wilson95(s.keptRuns(i), s.replications());
                    List<Object> row = factorCells(p, design);
                    row.addAll(List.of(countries.get(i).code(), countries.get(i).name(), s.replications(),
                            fixed(s.keptShare(i)), fixed(ci[0]), fixed(ci[1])));
                    csv.printRecord(row);
                }
            }
        }
    }

    /**
     * Writes {@code sweep.tex}: per point the parameters' values, the mean allies at the horizon with its
     * 95% interval, and the mean share of the group's GDP kept; parameters named by their plain labels.
     * Over one or two parameters each has its own column; over more, one column lists them. A sweep of
     * more than {@link #TEX_ROWS} points continues in further tables.
     */
    private static void writeTex(String scenario, Design design, PointSummary[] points, Path file)
            throws IOException {
        List<Factor> factors = design.factors();
        boolean columns = factors.size() <= 2;
        StringBuilder b = new StringBuilder();
        for (int from = 0; from < points.length; from += TEX_ROWS) {
            int to = Math.min(points.length, from + TEX_ROWS);
            String caption = from == 0 ? "Sweep of " + Latex.escape(scenario) + " over " + (factors.size() == 1
                    ? "one parameter" : factors.size() + " parameters") + ", " + String.format(java.util.Locale.ROOT,
                    "%,d", points[0].replications()) + " replications per point: mean allies at the horizon with "
                    + "its 95\\% confidence interval, and the mean share of the group's GDP still with Taipei."
                    : "Sweep of " + Latex.escape(scenario) + " (continued): points " + (from + 1) + " to " + to + ".";
            String label = Latex.label(scenario, "sweep" + (from == 0 ? "" : "-" + (from / TEX_ROWS + 1)));
            Latex.Table t = Latex.table(caption, label, (columns ? "r".repeat(factors.size()) : "X") + "rr");
            List<Object> heading = new ArrayList<>();
            if (columns) {
                factors.forEach(f -> heading.add(Latex.wrapped(Latex.escape(ParameterLabels.of(f.path())), 14)));
            } else {
                heading.add("Parameters");
            }
            heading.add(Latex.heading("Mean allies", "[95\\% CI]"));
            heading.add(Latex.heading("Mean GDP", "share kept"));
            t.row(heading).midrule();
            for (int p = from; p < to; p++) {
                PointSummary s = points[p];
                List<Object> row = new ArrayList<>();
                if (columns) {
                    for (int j = 0; j < factors.size(); j++) {
                        row.add(Latex.signed(value(factors.get(j), design.value(p, j))));
                    }
                } else {
                    List<String> parts = new ArrayList<>();
                    for (int j = 0; j < factors.size(); j++) {
                        parts.add(Latex.escape(ParameterLabels.of(factors.get(j).path())) + " "
                                + Latex.signed(value(factors.get(j), design.value(p, j))));
                    }
                    row.add(String.join("; ", parts));
                }
                double mean = s.mean(Output.ALLIES_AT_HORIZON);
                double sd = Math.sqrt(s.variance(Output.ALLIES_AT_HORIZON));
                if (s.replications() > 1 && Double.isFinite(sd)) {
                    Interval ci = Intervals.tMean(mean, sd, s.replications(), 0.95);
                    row.add(Latex.estimate(mean, ci.lower(), ci.upper(), 2));
                } else {
                    row.add(Latex.number(mean, 2));
                }
                row.add(Latex.number(s.mean(Output.GDP_SHARE_AT_HORIZON), 2));
                t.row(row);
            }
            b.append(t.end()).append('\n');
        }
        Files.writeString(file, b.toString(), StandardCharsets.UTF_8);
    }

    private static List<Object> factorCells(int p, Design design) {
        List<Object> row = new ArrayList<>();
        row.add(p);
        for (int j = 0; j < design.factors().size(); j++) {
            row.add(value(design.factors().get(j), design.value(p, j)));
        }
        return row;
    }

    /** Formats a factor's value: whole numbers without decimals, others with up to 10 significant digits. */
    static String value(Factor f, double v) {
        if (f.field().whole() || v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new java.math.BigDecimal(v).round(new java.math.MathContext(10)).stripTrailingZeros().toPlainString();
    }

    static int initialAllies(List<CountrySpec> countries) {
        return (int) countries.stream().filter(c -> c.initialSide() == ballast.model.Side.ROC).count();
    }
}
