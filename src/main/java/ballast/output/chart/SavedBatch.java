package ballast.output.chart;

import ballast.output.Manifest;
import ballast.output.chart.SavedTables.Row;
import ballast.output.table.BatchTables;
import ballast.output.table.Columns;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the charts need from a finished batch folder, read back from its saved tables
 * ({@code allies_by_month.csv}, {@code shares_by_month.csv}, {@code countries.csv},
 * {@code survival.csv}) and {@code manifest.json}, so charts can be redrawn without rerunning.
 *
 * @param dir the batch folder
 * @param scenario the scenario's name
 * @param replications replications in the batch
 * @param allies ally-count mean and quantiles by month
 * @param gdpShare mean and quantiles of the share of the group's GDP with Taipei
 * @param populationShare the same for the group's population
 * @param retention per state: probability of recognising Taipei at the horizon and its 95% interval
 * @param survival per state: the share of runs recognising Taipei at each month
 */
public record SavedBatch(Path dir, String scenario, long replications, Bands allies, Bands gdpShare,
        Bands populationShare, List<Retention> retention, Survival survival) {

    /** A state's chance of still recognising Taipei at the horizon, with its 95% Wilson interval. */
    public record Retention(String code, String name, double probability, double low, double high) {
    }

    /** The share of runs in which each state recognises Taipei, by month; {@code share[state][month]}. */
    public record Survival(List<YearMonth> months, List<String> names, double[][] share) {
    }

    /** The whole distribution of the ally count: {@code runs[month][allies]} runs had that many allies. */
    public record Distribution(List<YearMonth> months, long[][] runs) {
    }

    /** Thrown when a folder's tables are missing or malformed; the message names the file and row. */
    public static final class TableException extends IOException {
        private static final long serialVersionUID = 1L;

        TableException(String message) {
            super(message);
        }
    }

    /** Returns the last month of the batch. */
    public YearMonth horizon() {
        return allies.months().get(allies.last());
    }

    /**
     * Reads the tables of the finished batch in {@code dir}.
     *
     * @throws TableException naming the file (and row) that is missing or malformed
     */
    public static SavedBatch read(Path dir) throws IOException {
        JsonNode manifest = SavedTables.manifest(dir, Manifest.BATCH);
        String scenario = manifest.path(Manifest.SCENARIO).path(Manifest.NAME).asText("scenario");
        long replications = manifest.path(Manifest.BATCH).path(Manifest.REPLICATIONS).asLong();
        Path alliesFile = dir.resolve(BatchTables.ALLIES_BY_MONTH);
        Bands allies = Bands.of(alliesFile, SavedTables.rows(alliesFile), Columns.ALLIES_MEAN, Columns.ALLIES_PREFIX,
                Double.POSITIVE_INFINITY);
        long months = SavedTables.months(manifest);
        long states = SavedTables.states(manifest);
        SavedTables.expect(alliesFile, allies.months().size(), months, "months");
        Path sharesFile = dir.resolve(BatchTables.SHARES_BY_MONTH);
        List<Row> gdpRows = new ArrayList<>();
        List<Row> populationRows = new ArrayList<>();
        for (Row r : SavedTables.rows(sharesFile)) {
            String measure = r.text(Columns.MEASURE);
            if (Columns.GDP.equals(measure)) {
                gdpRows.add(r);
            } else if (Columns.POPULATION.equals(measure)) {
                populationRows.add(r);
            }
        }
        Bands gdp = Bands.of(sharesFile, gdpRows, Columns.SHARE_MEAN, Columns.SHARE_PREFIX, 1);
        Bands population = Bands.of(sharesFile, populationRows, Columns.SHARE_MEAN, Columns.SHARE_PREFIX, 1);
        SavedTables.expect(sharesFile, gdp.months().size(), months, "months of " + Columns.GDP);
        SavedTables.expect(sharesFile, population.months().size(), months, "months of " + Columns.POPULATION);

        List<Retention> retention = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        Path countriesFile = dir.resolve(BatchTables.COUNTRIES);
        for (Row r : SavedTables.rows(countriesFile)) {
            names.put(r.text(Columns.COUNTRY), r.text(Columns.NAME));
            if (ballast.model.Side.ROC.code().equals(r.text(Columns.INITIAL_SIDE))) {
                retention.add(new Retention(r.text(Columns.COUNTRY), r.text(Columns.NAME),
                        r.share(Columns.P_TAIPEI_AT_HORIZON), r.share(Columns.P_TAIPEI_CI95_LOW),
                        r.share(Columns.P_TAIPEI_CI95_HIGH)));
            }
        }
        SavedTables.expect(countriesFile, names.size(), states, "states");
        Path survivalFile = dir.resolve(BatchTables.SURVIVAL);
        Map<String, List<Double>> byCountry = new LinkedHashMap<>();
        List<YearMonth> survivalMonths = new ArrayList<>();
        for (Row r : SavedTables.rows(survivalFile)) {
            YearMonth m = r.month(Columns.MONTH);
            if (survivalMonths.isEmpty() || !survivalMonths.get(survivalMonths.size() - 1).equals(m)) {
                survivalMonths.add(m);
            }
            byCountry.computeIfAbsent(r.text(Columns.COUNTRY), k -> new ArrayList<>())
                    .add(r.share(Columns.SHARE_WITH_TAIPEI));
        }
        if (survivalMonths.isEmpty()) {
            throw new TableException(survivalFile + ": no rows");
        }
        SavedTables.expect(survivalFile, survivalMonths.size(), months, "months");
        SavedTables.expect(survivalFile, byCountry.size(), states, "states");
        List<String> survivalNames = new ArrayList<>();
        double[][] share = new double[byCountry.size()][];
        int i = 0;
        for (Map.Entry<String, List<Double>> e : byCountry.entrySet()) {
            if (e.getValue().size() != survivalMonths.size()) {
                throw new TableException(survivalFile + ": " + e.getKey() + " has " + e.getValue().size()
                        + " months, expected " + survivalMonths.size());
            }
            survivalNames.add(names.getOrDefault(e.getKey(), e.getKey()));
            share[i++] = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        }
        return new SavedBatch(dir, scenario, replications, allies, gdp, population, List.copyOf(retention),
                new Survival(List.copyOf(survivalMonths), List.copyOf(survivalNames), share));
    }

    /**
     * Reads the distribution of the ally count by month from {@code allies_distribution.csv} of the
     * finished batch in {@code dir} (a missing row counts as no runs).
     *
     * @throws TableException naming the file (and row) that is missing or malformed
     */
    public static Distribution distribution(Path dir) throws IOException {
        Path file = dir.resolve(BatchTables.ALLIES_DISTRIBUTION);
        List<YearMonth> months = new ArrayList<>();
        List<long[]> runs = new ArrayList<>();
        for (Row r : SavedTables.rows(file)) {
            YearMonth m = r.month(Columns.MONTH);
            if (months.isEmpty() || !months.get(months.size() - 1).equals(m)) {
                months.add(m);
                runs.add(new long[0]);
            }
            long allies = r.whole(Columns.ALLIES);
            long n = r.whole(Columns.RUNS);
            if (allies < 0 || allies > 100_000 || n < 0) {
                throw new TableException(file + ":" + r.line() + ": " + allies + " allies in " + n + " runs");
            }
            long[] row = runs.get(runs.size() - 1);
            if (row.length <= allies) {
                row = java.util.Arrays.copyOf(row, (int) allies + 1);
                runs.set(runs.size() - 1, row);
            }
            row[(int) allies] += n;
        }
        if (months.isEmpty()) {
            throw new TableException(file + ": no rows");
        }
        return new Distribution(List.copyOf(months), runs.toArray(new long[0][]));
    }
}
