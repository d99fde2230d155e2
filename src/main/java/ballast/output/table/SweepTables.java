package ballast.output.table;

import static ballast.output.table.BatchTables.fixed;
import static ballast.output.table.BatchTables.fixedOrNa;

import ballast.experiment.Design;
import ballast.experiment.Factor;
import ballast.experiment.PointSummary;
import ballast.experiment.PointSummary.Output;
import ballast.experiment.Statistics;
import ballast.model.CountrySpec;
import java.io.IOException;
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

    private SweepTables() {
    }

    /** The columns of {@code sweep.csv} after the factors, in order. */
    public static final List<String> OUTPUT_COLUMNS = List.of("replications", "allies_mean", "allies_mean_se",
            "allies_q10", "allies_median", "allies_q90", "p_all_kept", "gdp_share_mean", "gdp_share_sd",
            "population_share_mean", "population_share_sd", "switches_to_prc_per_run", "switches_to_roc_per_run");

    /** Writes both tables into {@code dir}; {@code countries} are the states, in scenario order. */
    public static void write(Design design, PointSummary[] points, List<CountrySpec> countries, Path dir)
            throws IOException {
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(SWEEP))) {
            List<Object> header = new ArrayList<>(List.of("point"));
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
            List<Object> header = new ArrayList<>(List.of("point"));
            design.factors().forEach(f -> header.add(f.path()));
            header.addAll(List.of("country", "name", "replications", "p_taipei_at_horizon", "p_taipei_ci95_low",
                    "p_taipei_ci95_high"));
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
