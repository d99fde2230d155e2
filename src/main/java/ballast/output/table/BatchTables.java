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
import java.time.YearMonth;
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

    /** Probabilities of the quantiles reported ({@link Columns#QUANTILES}): the 95%, 80% and 50% bands and the median. */
    public static final double[] QUANTILES = {0.025, 0.10, 0.25, 0.50, 0.75, 0.90, 0.975};

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
            List<Object> header = new ArrayList<>(List.of(Columns.MONTH, Columns.REPLICATIONS, Columns.ALLIES_MEAN));
            header.addAll(Columns.quantiles(Columns.ALLIES_PREFIX));
            header.add(Columns.ALLIES_MIN);
            header.add(Columns.ALLIES_MAX);
            csv.printRecord(header);
            for (int t = 0; t < s.ticks(); t++) {
                long[] h = s.alliesHistogram(t);
                List<Object> row = new ArrayList<>(List.of(month(p, t), s.replications(), fixed(Statistics.mean(h))));
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
            csv.printRecord(Columns.MONTH, Columns.ALLIES, Columns.RUNS, Columns.SHARE_OF_RUNS);
            // Every count from 0 to the number of states, zeros included, so the table is complete.
            for (int t = 0; t < s.ticks(); t++) {
                long[] h = s.alliesHistogram(t);
                for (int a = 0; a <= s.states(); a++) {
                    long n = a < h.length ? h[a] : 0;
                    csv.printRecord(month(p, t), a, n, fixed((double) n / s.replications()));
                }
            }
        }
    }

    static void writeSharesByMonth(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            List<Object> header = new ArrayList<>(List.of(Columns.MONTH, Columns.MEASURE, Columns.SHARE_MEAN));
            header.addAll(Columns.quantiles(Columns.SHARE_PREFIX));
            csv.printRecord(header);
            for (int t = 0; t < s.ticks(); t++) {
                for (boolean gdp : new boolean[] {true, false}) {
                    BatchSummary.SortedCounts c = s.shares(gdp, t);
                    List<Object> row = new ArrayList<>(List.of(month(p, t), gdp ? Columns.GDP : Columns.POPULATION,
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
                q25 = monthsFromStart(p, Statistics.quantile(first, 0.25));
                med = monthsFromStart(p, Statistics.quantile(first, 0.5));
                q75 = monthsFromStart(p, Statistics.quantile(first, 0.75));
            }
            rows.add(new CountryRow(p.countries().get(i), roc, ci[0], ci[1], switched, q25, med, q75));
        }
        return rows;
    }

    static void writeCountries(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord(Columns.COUNTRY, Columns.NAME, Columns.INITIAL_SIDE, Columns.REPLICATIONS,
                    Columns.P_TAIPEI_AT_HORIZON, Columns.P_TAIPEI_CI95_LOW, Columns.P_TAIPEI_CI95_HIGH,
                    Columns.P_SWITCHED, Columns.FIRST_SWITCH_MONTHS_Q25, Columns.FIRST_SWITCH_MONTHS_MEDIAN,
                    Columns.FIRST_SWITCH_MONTHS_Q75, Columns.SWITCHES_TO_PRC_PER_RUN, Columns.SWITCHES_TO_ROC_PER_RUN);
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
            csv.printRecord(Columns.MONTH, Columns.COUNTRY, Columns.RUNS_WITH_TAIPEI, Columns.SHARE_WITH_TAIPEI);
            for (int t = 0; t < s.ticks(); t++) {
                for (int i = 0; i < s.states(); i++) {
                    long n = s.rocRuns(i, t);
                    csv.printRecord(month(p, t), p.countries().get(i).code(), n, fixed((double) n / s.replications()));
                }
            }
        }
    }

    static void writeFirstSwitch(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord(Columns.COUNTRY, Columns.MONTH, Columns.MONTHS_FROM_START, Columns.RUNS_FIRST_SWITCHING,
                    Columns.SHARE_OF_RUNS);
            // Every state and month, zeros included; runs that never switched are the rest.
            for (int i = 0; i < s.states(); i++) {
                for (int t = 0; t < s.ticks(); t++) {
                    long n = s.firstSwitchRuns(i, t);
                    csv.printRecord(p.countries().get(i).code(), month(p, t), monthsFromStart(p, t), n,
                            fixed((double) n / s.replications()));
                }
            }
        }
    }

    static void writeSwitchTerms(BatchSummary s, ModelParameters p, Path file) throws IOException {
        try (CSVPrinter csv = printer(file)) {
            csv.printRecord(Columns.COUNTRY, Columns.DIRECTION, Columns.SWITCHES, Columns.TERM, Columns.SIDE_OF_RULE,
                    Columns.MEAN_LOG_HAZARD_UNITS);
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

    /**
     * Returns the month a tick's row is labelled with: the last month of the tick, at whose end the
     * state is observed (with {@code tickMonths: 3} the first tick of a July start is September), so
     * the last row is the scenario's horizon.
     */
    public static YearMonth month(ModelParameters p, int tick) {
        return p.lastMonthOf(tick);
    }

    /**
     * Returns the months from the start to the end of {@code tick}, counting the start month: a switch
     * in the first month of a monthly scenario is 1 month from the start; with {@code tickMonths: 3} a
     * switch in the first tick is 3. The row of {@link #month} is this many months into the run.
     */
    static int monthsFromStart(ModelParameters p, int tick) {
        return (tick + 1) * p.tickMonths();
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
