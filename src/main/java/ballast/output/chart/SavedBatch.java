package ballast.output.chart;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;

/**
 * What the charts need from a finished batch folder, read back from its saved tables
 * ({@code allies_by_month.csv}, {@code shares_by_month.csv}, {@code countries.csv},
 * {@code survival.csv}) and {@code manifest.json}, so charts can be redrawn without rerunning.
 *
 * @param dir the batch folder
 * @param scenario the scenario's name
 * @param replications replications in the batch
 * @param allies ally-count quantiles by month
 * @param alliesMean mean ally count by month
 * @param gdpShare quantiles of the share of the group's GDP with Taipei
 * @param populationShare quantiles of the share of the group's population with Taipei
 * @param retention per state: probability of recognising Taipei at the horizon and its 95% interval
 * @param survival per state: the share of runs recognising Taipei at each month
 */
public record SavedBatch(Path dir, String scenario, long replications, Bands allies, double[] alliesMean,
        Bands gdpShare,
        Bands populationShare, List<Retention> retention, Survival survival) {

    /** A state's chance of still recognising Taipei at the horizon, with its 95% Wilson interval. */
    public record Retention(String code, String name, double probability, double low, double high) {
    }

    /** The share of runs in which each state recognises Taipei, by month; {@code share[state][month]}. */
    public record Survival(List<YearMonth> months, List<String> names, double[][] share) {
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
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.exists(manifestFile)) {
            throw new TableException(dir + ": not a finished batch folder (no manifest.json)");
        }
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        if (!"batch".equals(manifest.path("kind").asText())) {
            throw new TableException(manifestFile + ": kind is '" + manifest.path("kind").asText()
                    + "', not 'batch'");
        }
        String scenario = manifest.path("scenario").path("name").asText("scenario");
        long replications = manifest.path("batch").path("replications").asLong();
        Path alliesFile = dir.resolve("allies_by_month.csv");
        List<Row> alliesRows = rows(alliesFile);
        Bands allies = bands(alliesFile, alliesRows, "allies_", null);
        double[] alliesMean = new double[alliesRows.size()];
        for (int t = 0; t < alliesMean.length; t++) {
            alliesMean[t] = alliesRows.get(t).number("allies_mean");
        }
        Path sharesFile = dir.resolve("shares_by_month.csv");
        List<Row> shareRows = rows(sharesFile);
        Bands gdp = bands(sharesFile, shareRows, "share_", "gdp");
        Bands population = bands(sharesFile, shareRows, "share_", "population");

        List<Retention> retention = new ArrayList<>();
        Map<String, String> names = new LinkedHashMap<>();
        for (Row r : rows(dir.resolve("countries.csv"))) {
            names.put(r.text("country"), r.text("name"));
            if ("roc".equals(r.text("initial_side"))) {
                retention.add(new Retention(r.text("country"), r.text("name"), r.number("p_taipei_at_horizon"),
                        r.number("p_taipei_ci95_low"), r.number("p_taipei_ci95_high")));
            }
        }
        Map<String, List<Double>> byCountry = new LinkedHashMap<>();
        List<YearMonth> months = new ArrayList<>();
        for (Row r : rows(dir.resolve("survival.csv"))) {
            YearMonth m = r.month("month");
            if (months.isEmpty() || !months.get(months.size() - 1).equals(m)) {
                months.add(m);
            }
            byCountry.computeIfAbsent(r.text("country"), k -> new ArrayList<>()).add(r.number("share_with_taipei"));
        }
        List<String> survivalNames = new ArrayList<>();
        double[][] share = new double[byCountry.size()][];
        int i = 0;
        for (Map.Entry<String, List<Double>> e : byCountry.entrySet()) {
            if (e.getValue().size() != months.size()) {
                throw new TableException(dir.resolve("survival.csv") + ": " + e.getKey() + " has "
                        + e.getValue().size() + " months, expected " + months.size());
            }
            survivalNames.add(names.getOrDefault(e.getKey(), e.getKey()));
            share[i++] = e.getValue().stream().mapToDouble(Double::doubleValue).toArray();
        }
        if (months.isEmpty()) {
            throw new TableException(dir.resolve("survival.csv") + ": no rows");
        }
        return new SavedBatch(dir, scenario, replications, allies, alliesMean, gdp, population, List.copyOf(retention),
                new Survival(List.copyOf(months), List.copyOf(survivalNames), share));
    }

    /** Reads the quantile columns of {@code rows} of {@code file} (those of {@code measure} only, if not null). */
    private static Bands bands(Path file, List<Row> rows, String prefix, String measure) throws IOException {
        List<YearMonth> months = new ArrayList<>();
        String[] columns = {"q025", "q10", "q25", "median", "q75", "q90", "q975"};
        List<double[]> values = new ArrayList<>();
        for (Row r : rows) {
            if (measure != null && !measure.equals(r.text("measure"))) {
                continue;
            }
            months.add(r.month("month"));
            double[] v = new double[columns.length];
            for (int k = 0; k < columns.length; k++) {
                v[k] = r.number(prefix + columns[k]);
            }
            values.add(v);
        }
        if (months.isEmpty()) {
            throw new TableException(file + ": no rows" + (measure == null ? "" : " for " + measure));
        }
        double[][] q = new double[columns.length][months.size()];
        for (int t = 0; t < months.size(); t++) {
            for (int k = 0; k < columns.length; k++) {
                q[k][t] = values.get(t)[k];
            }
        }
        return new Bands(months, q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
    }

    /** A CSV row that names its file and line in errors. */
    record Row(Path file, CSVRecord record) {
        String text(String column) throws TableException {
            if (!record.isMapped(column)) {
                throw new TableException(file + ": no column '" + column + "'");
            }
            if (!record.isSet(column)) {
                throw new TableException(file + ":" + (record.getRecordNumber() + 1) + ": missing " + column);
            }
            return record.get(column);
        }

        double number(String column) throws TableException {
            return parsed(column, Double::parseDouble, "a number");
        }

        YearMonth month(String column) throws TableException {
            return parsed(column, YearMonth::parse, "a month (YYYY-MM)");
        }

        private <T> T parsed(String column, java.util.function.Function<String, T> parser, String what)
                throws TableException {
            String s = text(column);
            try {
                return parser.apply(s);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new TableException(file + ":" + (record.getRecordNumber() + 1) + ": " + column + " is not "
                        + what + ": '" + s + "'");
            }
        }
    }

    static List<Row> rows(Path file) throws IOException {
        if (!Files.exists(file)) {
            throw new TableException(file + ": missing (is this a finished batch folder?)");
        }
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            List<Row> rows = new ArrayList<>();
            for (CSVRecord r : CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).build().parse(in)) {
                rows.add(new Row(file, r));
            }
            return rows;
        } catch (NoSuchFileException e) {
            throw new TableException(file + ": missing");
        }
    }
}
