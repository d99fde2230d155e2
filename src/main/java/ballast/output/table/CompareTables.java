package ballast.output.table;

import static ballast.output.table.BatchTables.fixed;
import static ballast.output.table.BatchTables.fixedOrNa;

import ballast.experiment.PairedComparison;
import ballast.experiment.Statistics;
import ballast.model.CountrySpec;
import ballast.stats.Interval;
import ballast.stats.Intervals;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;

/**
 * The tables of {@code ballast compare}. For any comparison: {@code compare.csv} and {@code .tex}
 * (each scenario's allies at its horizon: mean with its 95% t interval, median, bands of runs) and
 * {@code compare_paths.csv} (the same by month, for the charts). For a paired comparison against a
 * reference scenario, also {@code compare_states.csv} and {@code .tex} (per state, the change in the
 * probability of recognising Taipei at the horizon with its paired 95% interval, and the 2x2 counts it
 * rests on) and {@code compare_allies_change.csv} (the change in mean allies with its paired t
 * interval, and the sums it rests on).
 */
public final class CompareTables {
    public static final String ALLIES = "compare.csv";
    public static final String ALLIES_TEX = "compare.tex";
    public static final String PATHS = "compare_paths.csv";
    public static final String STATES = "compare_states.csv";
    public static final String STATES_TEX = "compare_states.tex";
    public static final String ALLIES_CHANGE = "compare_allies_change.csv";

    private CompareTables() {
    }

    /**
     * One scenario compared.
     *
     * @param label its name in tables and charts (unique among those compared)
     * @param source the batch folder or scenario file it came from
     * @param months the months, ascending
     * @param runs {@code runs[month][allies]}: the runs with that many allies at the end of that month
     */
    public record Scenario(String label, String source, List<YearMonth> months, long[][] runs) {
        public Scenario {
            months = List.copyOf(months);
            if (months.isEmpty() || runs.length != months.size()) {
                throw new IllegalArgumentException("one distribution of allies per month");
            }
        }

        /** Returns the runs counted at the horizon. */
        public long replications() {
            long n = 0;
            for (long r : runs[runs.length - 1]) {
                n += r;
            }
            return n;
        }

        public YearMonth horizon() {
            return months.get(months.size() - 1);
        }
    }

    /**
     * A paired comparison: the counts of {@link PairedComparison} (scenario 0 the reference) and the
     * states, in the scenarios' common order.
     */
    public record Paired(List<CountrySpec> countries, PairedComparison.Counts counts) {
        public Paired {
            countries = List.copyOf(countries);
        }
    }

    /** Writes the tables into {@code dir}; {@code paired} is null for a comparison of saved batches. */
    public static void write(List<Scenario> scenarios, Paired paired, Path dir) throws IOException {
        writeAllies(scenarios, paired != null, dir);
        writePaths(scenarios, dir.resolve(PATHS));
        if (paired != null) {
            writeStates(scenarios, paired, dir);
            writeAlliesChange(scenarios, paired, dir.resolve(ALLIES_CHANGE));
        }
    }

    private static void writeAllies(List<Scenario> scenarios, boolean paired, Path dir) throws IOException {
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(ALLIES))) {
            List<Object> header = new ArrayList<>(List.of(Columns.SCENARIO, Columns.SOURCE, Columns.REPLICATIONS,
                    Columns.HORIZON_MONTH, Columns.ALLIES_MEAN, Columns.ALLIES_MEAN_CI95_LOW,
                    Columns.ALLIES_MEAN_CI95_HIGH));
            header.addAll(Columns.quantiles(Columns.ALLIES_PREFIX));
            csv.printRecord(header);
            for (Scenario s : scenarios) {
                long[] h = s.runs()[s.runs().length - 1];
                double[] mean = mean95(h);
                List<Object> row = new ArrayList<>(List.of(s.label(), s.source(), s.replications(), s.horizon(),
                        fixed(mean[0]), fixedOrNa(mean[1]), fixedOrNa(mean[2])));
                for (double q : BatchTables.QUANTILES) {
                    row.add(Statistics.quantile(h, q));
                }
                csv.printRecord(row);
            }
        }
        YearMonth horizon = scenarios.get(0).horizon();
        boolean oneHorizon = scenarios.stream().allMatch(s -> s.horizon().equals(horizon));
        Latex.Table t = Latex.table("Taipei's allies at the horizon" + (oneHorizon ? " (" + horizon + ")" : "")
                + " by scenario: mean with its 95\\% confidence interval, median, and the range of the middle 80\\% "
                + "of runs" + (paired ? "; every scenario ran on the same seeds (common random numbers)." : ".") + " "
                + replicationsNote(scenarios), "tab:compare-allies-at-horizon", oneHorizon ? "Xrrr" : "Xrrrr");
        List<Object> heading = new ArrayList<>(List.of("Scenario"));
        if (!oneHorizon) {
            heading.add("Horizon");
        }
        heading.addAll(List.of(Latex.heading("Mean allies", "[95\\% CI]"), "Median", Latex.heading("80\\% of", "runs")));
        t.row(heading).midrule();
        for (Scenario s : scenarios) {
            long[] h = s.runs()[s.runs().length - 1];
            double[] mean = mean95(h);
            List<Object> row = new ArrayList<>(List.of(Latex.escape(s.label())));
            if (!oneHorizon) {
                row.add(s.horizon());
            }
            row.addAll(List.of(Double.isNaN(mean[1]) ? Latex.number(mean[0], 2) : Latex.estimate(mean[0], mean[1],
                    mean[2], 2), Statistics.quantile(h, 0.5),
                    Statistics.quantile(h, 0.10) + "--" + Statistics.quantile(h, 0.90)));
            t.row(row);
        }
        Files.writeString(dir.resolve(ALLIES_TEX), t.end(), StandardCharsets.UTF_8);
    }

    private static String replicationsNote(List<Scenario> scenarios) {
        long first = scenarios.get(0).replications();
        boolean same = scenarios.stream().allMatch(s -> s.replications() == first);
        return same ? String.format(Locale.ROOT, "%,d replications each.", first)
                : "Replications: " + String.join(", ", scenarios.stream().map(s -> Latex.escape(s.label()) + " "
                        + String.format(Locale.ROOT, "%,d", s.replications())).toList()) + ".";
    }

    private static void writePaths(List<Scenario> scenarios, Path file) throws IOException {
        try (CSVPrinter csv = BatchTables.printer(file)) {
            List<Object> header = new ArrayList<>(List.of(Columns.SCENARIO, Columns.MONTH, Columns.REPLICATIONS,
                    Columns.ALLIES_MEAN));
            header.addAll(Columns.quantiles(Columns.ALLIES_PREFIX));
            csv.printRecord(header);
            for (Scenario s : scenarios) {
                for (int t = 0; t < s.months().size(); t++) {
                    long[] h = s.runs()[t];
                    List<Object> row = new ArrayList<>(List.of(s.label(), s.months().get(t), s.replications(),
                            fixed(Statistics.mean(h))));
                    for (double q : BatchTables.QUANTILES) {
                        row.add(Statistics.quantile(h, q));
                    }
                    csv.printRecord(row);
                }
            }
        }
    }

    private static void writeStates(List<Scenario> scenarios, Paired paired, Path dir) throws IOException {
        PairedComparison.Counts c = paired.counts();
        String reference = scenarios.get(0).label();
        try (CSVPrinter csv = BatchTables.printer(dir.resolve(STATES))) {
            csv.printRecord(Columns.SCENARIO, Columns.REFERENCE, Columns.COUNTRY, Columns.NAME, Columns.REPLICATIONS,
                    Columns.RUNS_TAIPEI_IN_BOTH, Columns.RUNS_TAIPEI_IN_REFERENCE_ONLY,
                    Columns.RUNS_TAIPEI_IN_SCENARIO_ONLY, Columns.RUNS_TAIPEI_IN_NEITHER, Columns.P_TAIPEI_REFERENCE,
                    Columns.P_TAIPEI_SCENARIO, Columns.P_TAIPEI_CHANGE, Columns.P_TAIPEI_CHANGE_CI95_LOW,
                    Columns.P_TAIPEI_CHANGE_CI95_HIGH);
            for (int k = 1; k < scenarios.size(); k++) {
                for (int i = 0; i < paired.countries().size(); i++) {
                    CountrySpec state = paired.countries().get(i);
                    PairedComparison.Pair pair = c.pair(k, i);
                    Interval change = pair.change95();
                    csv.printRecord(scenarios.get(k).label(), reference, state.code(), state.name(), pair.runs(),
                            pair.both(), pair.referenceOnly(), pair.scenarioOnly(), pair.neither(),
                            fixed(pair.reference()), fixed(pair.scenario()), fixed(change.estimate()),
                            fixed(change.lower()), fixed(change.upper()));
                }
            }
        }
        // States in order of risk in the reference (most at risk first), the same in every block.
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < paired.countries().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> c.pair(1, i).reference())
                .thenComparing(i -> paired.countries().get(i).code()));
        YearMonth horizon = scenarios.get(0).horizon();
        Latex.Table t = Latex.table("Change in each state's probability of recognising Taipei at the horizon ("
                + horizon + ") against the reference scenario \\emph{" + Latex.escape(reference) + "}, with 95\\% "
                + "intervals for paired proportions (Newcombe 1998, method 10). " + String.format(Locale.ROOT, "%,d",
                c.replications()) + " replications of each scenario on the same seeds (replication $i$ of every "
                + "scenario uses one seed), so each change is measured on pairs of runs. Last row of each block: the "
                + "change in mean allies, with its paired $t$ interval.", "tab:compare-states", "Xrr");
        t.row("State", Latex.heading("P(with Taipei)", Latex.escape(reference)),
                Latex.heading("Change", "[95\\% CI]"));
        for (int k = 1; k < scenarios.size(); k++) {
            t.midrule().spanning("\\emph{" + Latex.escape(scenarios.get(k).label()) + "} against \\emph{"
                    + Latex.escape(reference) + "}");
            for (int i : order) {
                PairedComparison.Pair pair = c.pair(k, i);
                Interval change = pair.change95();
                t.row(Latex.escape(paired.countries().get(i).name()), Latex.number(pair.reference(), 2),
                        Latex.estimate(change.estimate(), change.lower(), change.upper(), 2));
            }
            double[] allies = alliesChange(c, k);
            t.row("Allies (mean)", Latex.number(Statistics.mean(c.alliesHistogram(0, c.ticks() - 1)), 2),
                    Double.isNaN(allies[1]) ? Latex.number(allies[0], 2)
                            : Latex.estimate(allies[0], allies[1], allies[2], 2));
        }
        Files.writeString(dir.resolve(STATES_TEX), t.end(), StandardCharsets.UTF_8);
    }

    private static double[] alliesChange(PairedComparison.Counts c, int k) {
        return mean95(c.replications(), c.alliesChangeSum(k), c.alliesChangeSumOfSquares(k));
    }

    /**
     * Returns {@code {mean, lower, upper, sd}}: a mean of {@code n} values from their sum and sum of
     * squares with its 95% t interval ({@link Intervals#tMean}); the interval and sd are NaN for fewer
     * than two values.
     */
    static double[] mean95(long n, long sum, long squares) {
        double mean = (double) sum / n;
        if (n < 2) {
            return new double[] {mean, Double.NaN, Double.NaN, Double.NaN};
        }
        Interval ci = Intervals.tMean(n, sum, squares, 0.95);
        return new double[] {mean, ci.lower(), ci.upper(), Intervals.sd(n, sum, squares)};
    }

    /** The same for a histogram: {@code counts[v]} values equal to {@code v}. */
    static double[] mean95(long[] counts) {
        long n = 0;
        long sum = 0;
        long squares = 0;
        for (int v = 0; v < counts.length; v++) {
            n += counts[v];
            sum += counts[v] * v;
            squares += counts[v] * v * (long) v;
        }
        return mean95(n, sum, squares);
    }

    private static void writeAlliesChange(List<Scenario> scenarios, Paired paired, Path file) throws IOException {
        PairedComparison.Counts c = paired.counts();
        int last = c.ticks() - 1;
        try (CSVPrinter csv = BatchTables.printer(file)) {
            csv.printRecord(Columns.SCENARIO, Columns.REFERENCE, Columns.REPLICATIONS, Columns.ALLIES_MEAN_REFERENCE,
                    Columns.ALLIES_MEAN_SCENARIO, Columns.ALLIES_CHANGE_SUM, Columns.ALLIES_CHANGE_SUM_OF_SQUARES,
                    Columns.ALLIES_CHANGE_MEAN, Columns.ALLIES_CHANGE_SD, Columns.ALLIES_CHANGE_CI95_LOW,
                    Columns.ALLIES_CHANGE_CI95_HIGH);
            double referenceMean = Statistics.mean(c.alliesHistogram(0, last));
            for (int k = 1; k < scenarios.size(); k++) {
                double[] change = alliesChange(c, k);
                csv.printRecord(scenarios.get(k).label(), scenarios.get(0).label(), c.replications(),
                        fixed(referenceMean), fixed(Statistics.mean(c.alliesHistogram(k, last))), c.alliesChangeSum(k),
                        c.alliesChangeSumOfSquares(k), fixed(change[0]), fixedOrNa(change[3]), fixedOrNa(change[1]),
                        fixedOrNa(change[2]));
            }
        }
    }
}
