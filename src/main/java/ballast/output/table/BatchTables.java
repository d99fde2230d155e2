package ballast.output.table;

import ballast.experiment.BatchSummary;
import ballast.experiment.Statistics;
import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.Side;
import ballast.model.Term;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a batch's summary tables: tidy CSV (one observation per row, units in the column names,
 * {@code \n} line ends, numbers in {@link Locale#ROOT}) and LaTeX {@code booktabs} tables of the
 * headline results. Everything is computed from integer counts, so the same counts give the same
 * bytes.
 */
public final class BatchTables {
    public static final String ALLIES_BY_MONTH = "allies_by_month.csv";
    public static final String ALLIES_DISTRIBUTION = "allies_distribution.csv";
    public static final String SHARES_BY_MONTH = "shares_by_month.csv";
    public static final String COUNTRIES = "countries.csv";
    public static final String SURVIVAL = "survival.csv";
    public static final String FIRST_SWITCH = "first_switch.csv";
    public static final String SWITCH_TERMS = "switch_terms.csv";
    public static final String ALLIES_AT_HORIZON_TEX = "allies_at_horizon.tex";
    public static final String RETENTION_TEX = "retention.tex";

    /** Probabilities of the quantiles reported: the 95%, 80% and 50% bands and the median. */
    public static final double[] QUANTILES = {0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975};
    private static final String[] QUANTILE_NAMES = {"q025", "q10", "q25", "median", "q75", "q90", "q975"};

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private BatchTables() {
    }

    /** Writes every table into {@code dir}. */
    public static void write(BatchSummary s, ModelParameters p, Path dir) throws IOException {
        writeAlliesByMonth(s, p, dir.resolve(ALLIES_BY_MONTH));
        writeAlliesDistribution(s, p, dir.resolve(ALLIES_DISTRIBUTION));
        writeSharesByMonth(s, p, dir.resolve(SHARES_BY_MONTH));
        writeCountries(s, p, dir.resolve(COUNTRIES));
        writeSurvival(s, p, dir.resolve(SURVIVAL));
        writeFirstSwitch(s, p, dir.resolve(FIRST_SWITCH));
        writeSwitchTerms(s, p, dir.resolve(SWITCH_TERMS));
        LatexTables.writeAlliesAtHorizon(s, p, dir.resolve(ALLIES_AT_HORIZON_TEX));
        LatexTables.writeRetention(countryRows(s, p), s.replications(), p, dir.resolve(RETENTION_TEX));
        MoneyTables.write(s, p, dir);
    }

    static void writeAlliesByMonth(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            List<Object> header = new ArrayList<>(List.of("month", "replications", "allies_mean"));
            for (String q : QUANTILE_NAMES) {
                header.add("allies_" + q);
            }
            header.add("allies_min");
            header.add("allies_max");
            csv.printRecord(header);
            for (int t = 0; t < s.ticks(); t++) {
                long[] h = s.alliesHistogram(t);
                List<Object> row = new ArrayList<>(List.of(p.monthOf(t), s.replications(), fixed(Statistics.mean(h))));
                for (double q : QUANTILES) {
                    row.add(Statistics.quantile(h, q));
                }
                row.add(Statistics.quantile(h, 0));
                row.add(Statistics.quantile(h, 1));
                csv.printRecord(row);
            }
        }
    }

    static void writeAlliesDistribution(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord("month", "allies", "runs", "share_of_runs");
            for (int t = 0; t < s.ticks(); t++) {
                long[] h = s.alliesHistogram(t);
                for (int a = 0; a < h.length; a++) {
                    if (h[a] > 0) {
                        csv.printRecord(p.monthOf(t), a, h[a], fixed((double) h[a] / s.replications()));
                    }
                }
            }
        }
    }

    static void writeSharesByMonth(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            List<Object> header = new ArrayList<>(List.of("month", "measure", "share_mean"));
            for (String q : QUANTILE_NAMES) {
                header.add("share_" + q);
            }
            csv.printRecord(header);
            for (int t = 0; t < s.ticks(); t++) {
                for (boolean gdp : new boolean[] {true, false}) {
                    BatchSummary.SortedCounts c = s.shares(gdp, t);
                    List<Object> row = new ArrayList<>(List.of(p.monthOf(t), gdp ? "gdp" : "population",
                            fixed(Statistics.mean(c.keys(), c.runs()) / BatchSummary.SHARE_RESOLUTION)));
                    for (double q : QUANTILES) {
                        row.add(share(Statistics.quantile(c.keys(), c.runs(), q)));
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    /** One state's headline figures. */
    record CountryRow(CountrySpec spec, long taipeiAtHorizon, double low, double high, long everSwitched,
            Integer firstQ25, Integer firstMedian, Integer firstQ75) {
        double probability(long replications) {
            return (double) taipeiAtHorizon / replications;
        }
    }

    /** Per state, in scenario order. */
    static List<CountryRow> countryRows(BatchSummary s, ModelParameters p) {
        List<CountryRow> rows = new ArrayList<>();
        int last = s.ticks() - 1;
        for (int i = 0; i < s.states(); i++) {
            long roc = s.rocRuns(i, last);
            double[] ci = Statistics.wilson95(roc, s.replications());
            long[] first = new long[s.ticks()];
            long switched = 0;
            for (int t = 0; t < s.ticks(); t++) {
                first[t] = s.firstSwitchRuns(i, t);
                switched += first[t];
            }
            Integer q25 = null;
            Integer med = null;
            Integer q75 = null;
            if (switched > 0) {
                // Months from the start to the first switch, counting the month of the switch.
                q25 = Statistics.quantile(first, 0.25) + p.tickMonths();
                med = Statistics.quantile(first, 0.5) + p.tickMonths();
                q75 = Statistics.quantile(first, 0.75) + p.tickMonths();
            }
            rows.add(new CountryRow(p.countries().get(i), roc, ci[0], ci[1], switched, q25, med, q75));
        }
        return rows;
    }

    static void writeCountries(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord("country", "name", "initial_side", "replications", "p_taipei_at_horizon",
                    "p_taipei_ci95_low", "p_taipei_ci95_high", "p_switched", "first_switch_months_q25",
                    "first_switch_months_median", "first_switch_months_q75", "switches_to_prc_per_run",
                    "switches_to_roc_per_run");
            List<CountryRow> rows = countryRows(s, p);
            for (int i = 0; i < rows.size(); i++) {
                CountryRow r = rows.get(i);
                csv.printRecord(r.spec().code(), r.spec().name(), r.spec().initialSide().code(), s.replications(),
                        fixed(r.probability(s.replications())), fixed(r.low()), fixed(r.high()),
                        fixed((double) r.everSwitched() / s.replications()), orNa(r.firstQ25()),
                        orNa(r.firstMedian()), orNa(r.firstQ75()),
                        fixed((double) s.switches(i, Side.PRC) / s.replications()),
                        fixed((double) s.switches(i, Side.ROC) / s.replications()));
            }
        }
    }

    static void writeSurvival(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord("month", "country", "runs_with_taipei", "share_with_taipei");
            for (int t = 0; t < s.ticks(); t++) {
                for (int i = 0; i < s.states(); i++) {
                    long n = s.rocRuns(i, t);
                    csv.printRecord(p.monthOf(t), p.countries().get(i).code(), n, fixed((double) n / s.replications()));
                }
            }
        }
    }

    static void writeFirstSwitch(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord("country", "month", "months_from_start", "runs_first_switching", "share_of_runs");
            for (int i = 0; i < s.states(); i++) {
                for (int t = 0; t < s.ticks(); t++) {
                    long n = s.firstSwitchRuns(i, t);
                    if (n > 0) {
                        csv.printRecord(p.countries().get(i).code(), p.monthOf(t), (t + 1) * p.tickMonths(), n,
                                fixed((double) n / s.replications()));
                    }
                }
            }
        }
    }

    static void writeSwitchTerms(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord("country", "direction", "switches", "term", "side_of_rule", "mean_log_hazard_units");
            for (int i = 0; i < s.states(); i++) {
                for (Side to : new Side[] {Side.PRC, Side.ROC}) {
                    long n = s.switches(i, to);
                    if (n == 0) {
                        continue;
                    }
                    String code = p.countries().get(i).code();
                    String direction = "to_" + to.code();
                    for (Term term : Term.values()) {
                        csv.printRecord(code, direction, n, term.column(), term.isPull() ? "pull" : "ballast",
                                fixed(s.meanTermAtSwitch(i, to, term)));
                    }
                }
            }
        }
    }

    /** Returns the states sorted by risk: lowest probability of keeping Taipei first. */
    static List<CountryRow> byRisk(List<CountryRow> rows) {
        List<CountryRow> sorted = new ArrayList<>(rows);
        sorted.sort(Comparator.comparingLong(CountryRow::taipeiAtHorizon).thenComparing(r -> r.spec().code()));
        return sorted;
    }

    static CSVPrinter printer(Path file) throws IOException {
        Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        return new CSVPrinter(w, FORMAT);
    }

    private static Object orNa(Integer v) {
        return v == null ? "NA" : v;
    }

    static String fixed(double v) {
        return String.format(Locale.ROOT, "%.6f", v == 0.0 ? 0.0 : v);
    }

    /** As {@link #fixed}, but "NA" for a value that does not exist (NaN). */
    static String fixedOrNa(double v) {
        return Double.isNaN(v) ? "NA" : fixed(v);
    }

    static String share(int key) {
        return String.format(Locale.ROOT, "%.4f", (double) key / BatchSummary.SHARE_RESOLUTION);
    }
}
