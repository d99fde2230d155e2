package ballast.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.experiment.DesignRun;
import ballast.experiment.BatchSummary;
import ballast.model.ModelParameters;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The batch tables agree with one another and with the calendar whatever the tick: every row is
 * labelled with the month at whose end it is observed, the last with the scenario's horizon; months
 * from the start count whole ticks; the quartiles of the first switch in {@code countries.csv} are
 * those of {@code first_switch.csv}; the distribution tables list every value, zeros included.
 */
class BatchTablesTest {
    @TempDir
    Path dir;

    private static List<CSVRecord> rows(Path file) throws Exception {
        try (Reader in = Files.newBufferedReader(file)) {
            return CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in).getRecords();
        }
    }

    @ParameterizedTest(name = "tickMonths: {0}")
    @ValueSource(ints = {1, 3})
    void everyBatchTableLabelsTicksByTheirLastMonthAndCountsMonthsFromStartAlike(int tickMonths) throws Exception {
        Path file = Files.writeString(dir.resolve("ticks.yaml"), "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\nname: ticks\ntickMonths: " + tickMonths
                + "\n");
        Scenario scenario = ScenarioLoader.load(file);
        ModelParameters p = scenario.parameters();
        long n = 600;
        BatchSummary total = BatchSummary.of(p);
        DesignRun.batch(scenario, n).run((point, block) -> false, 2, (point, block, part) -> total.merge(
                part));
        Path out = Files.createDirectories(dir.resolve("out"));
        BatchTables.write(total, p, out);

        int ticks = p.horizonMonths() / tickMonths;
        YearMonth first = p.start().plusMonths(tickMonths - 1L);
        List<YearMonth> expected = new ArrayList<>();
        for (int t = 0; t < ticks; t++) {
            expected.add(first.plusMonths((long) t * tickMonths));
        }
        assertEquals(p.end(), expected.get(ticks - 1), "the last row is the scenario's horizon");

        List<YearMonth> allies = new ArrayList<>();
        for (CSVRecord r : rows(out.resolve(BatchTables.ALLIES_BY_MONTH))) {
            allies.add(YearMonth.parse(r.get(Columns.MONTH)));
        }
        assertEquals(expected, allies, "allies_by_month.csv");

        List<YearMonth> shares = new ArrayList<>();
        for (CSVRecord r : rows(out.resolve(BatchTables.SHARES_BY_MONTH))) {
            if (r.get(Columns.MEASURE).equals(Columns.GDP)) {
                shares.add(YearMonth.parse(r.get(Columns.MONTH)));
            }
        }
        assertEquals(expected, shares, "shares_by_month.csv");

        // allies_distribution.csv: every count 0..states in every month; survival.csv agrees with it.
        int states = p.countries().size();
        List<CSVRecord> distribution = rows(out.resolve(BatchTables.ALLIES_DISTRIBUTION));
        assertEquals(ticks * (states + 1), distribution.size(), "zero rows included");
        Map<YearMonth, Long> alliesSum = new LinkedHashMap<>();
        for (CSVRecord r : distribution) {
            alliesSum.merge(YearMonth.parse(r.get(Columns.MONTH)),
                    Long.parseLong(r.get(Columns.ALLIES)) * Long.parseLong(r.get(Columns.RUNS)), Long::sum);
        }
        Map<YearMonth, Long> survivalSum = new LinkedHashMap<>();
        for (CSVRecord r : rows(out.resolve(BatchTables.SURVIVAL))) {
            survivalSum.merge(YearMonth.parse(r.get(Columns.MONTH)), Long.parseLong(r.get(Columns.RUNS_WITH_TAIPEI)),
                    Long::sum);
        }
        assertEquals(expected, new ArrayList<>(survivalSum.keySet()), "survival.csv");
        assertEquals(alliesSum, survivalSum, "runs with Taipei summed over states = allies summed over runs");

        // first_switch.csv: every state and month; months_from_start matches the month; the quartiles in
        // countries.csv are the (type 1) quartiles of this distribution.
        List<CSVRecord> firstSwitch = rows(out.resolve(BatchTables.FIRST_SWITCH));
        assertEquals(states * ticks, firstSwitch.size(), "zero rows included");
        Map<String, List<long[]>> byState = new LinkedHashMap<>();
        for (CSVRecord r : firstSwitch) {
            long months = Long.parseLong(r.get(Columns.MONTHS_FROM_START));
            assertEquals(ChronoUnit.MONTHS.between(p.start(), YearMonth.parse(r.get(Columns.MONTH))) + 1, months,
                    "months from the start of " + r);
            byState.computeIfAbsent(r.get(Columns.COUNTRY), k -> new ArrayList<>())
                    .add(new long[] {months, Long.parseLong(r.get(Columns.RUNS_FIRST_SWITCHING))});
        }
        int checked = 0;
        for (CSVRecord r : rows(out.resolve(BatchTables.COUNTRIES))) {
            List<long[]> d = byState.get(r.get(Columns.COUNTRY));
            long switched = d.stream().mapToLong(x -> x[1]).sum();
            if (switched == 0) {
                assertEquals("NA", r.get(Columns.FIRST_SWITCH_MONTHS_MEDIAN));
                continue;
            }
            assertEquals(quantile(d, 0.25), Long.parseLong(r.get(Columns.FIRST_SWITCH_MONTHS_Q25)), r.toString());
            assertEquals(quantile(d, 0.5), Long.parseLong(r.get(Columns.FIRST_SWITCH_MONTHS_MEDIAN)), r.toString());
            assertEquals(quantile(d, 0.75), Long.parseLong(r.get(Columns.FIRST_SWITCH_MONTHS_Q75)), r.toString());
            assertEquals(0, Long.parseLong(r.get(Columns.FIRST_SWITCH_MONTHS_MEDIAN)) % tickMonths,
                    "a whole number of ticks");
            checked++;
        }
        assertTrue(checked >= 10, "most states switch in some run: " + checked);
    }

    /** The smallest value whose cumulative share of runs reaches {@code q} (Hyndman-Fan type 1). */
    private static long quantile(List<long[]> valueAndRuns, double q) {
        long n = valueAndRuns.stream().mapToLong(x -> x[1]).sum();
        long position = Math.max(1, (long) Math.ceil(n * q - 1e-9));
        long seen = 0;
        for (long[] x : valueAndRuns) {
            seen += x[1];
            if (x[1] > 0 && seen >= position) {
                return x[0];
            }
        }
        throw new AssertionError();
    }
}
