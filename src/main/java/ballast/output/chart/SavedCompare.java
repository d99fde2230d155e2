package ballast.output.chart;

import ballast.output.Manifest;
import ballast.output.chart.SavedBatch.TableException;
import ballast.output.chart.SavedTables.Row;
import ballast.output.table.Columns;
import ballast.output.table.CompareTables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What the comparison charts need from a finished {@code compare} folder, read back from its saved
 * tables ({@code compare.csv}, {@code compare_paths.csv}, and for a paired comparison
 * {@code compare_states.csv}), so {@code ballast chart} can redraw them.
 *
 * @param dir the folder
 * @param scenarios the scenarios, in the order compared (the reference first in a paired comparison)
 * @param reference the reference scenario's label, or null if the comparison was not paired
 * @param states per scenario other than the reference and per state, the paired change (empty if not paired)
 */
public record SavedCompare(Path dir, List<Scenario> scenarios, String reference, List<StateChange> states) {

    public SavedCompare {
        scenarios = List.copyOf(scenarios);
        states = List.copyOf(states);
    }

    /**
     * One scenario: its allies at the horizon (mean with its 95% interval) and by month.
     *
     * @param label its name
     * @param replications its replications
     * @param mean mean allies at the horizon
     * @param low lower end of the mean's 95% interval (NaN if none)
     * @param high upper end
     * @param paths mean and quantiles of allies by month
     */
    public record Scenario(String label, long replications, double mean, double low, double high, Bands paths) {
        public YearMonth horizon() {
            return paths.months().get(paths.last());
        }
    }

    /** A state's change in P(with Taipei at the horizon) in {@code scenario} against the reference. */
    public record StateChange(String scenario, String code, String name, double reference, double change,
            double low, double high) {
    }

    /**
     * Reads the tables of the finished comparison in {@code dir}.
     *
     * @throws TableException naming the file (and row) that is missing or malformed
     */
    public static SavedCompare read(Path dir) throws IOException {
        JsonNode manifest = SavedTables.manifest(dir, Manifest.COMPARE);
        Path pathsFile = dir.resolve(CompareTables.PATHS);
        Map<String, List<Row>> byScenario = new LinkedHashMap<>();
        for (Row r : SavedTables.rows(pathsFile)) {
            byScenario.computeIfAbsent(r.text(Columns.SCENARIO), k -> new ArrayList<>()).add(r);
        }
        Path alliesFile = dir.resolve(CompareTables.ALLIES);
        List<Scenario> scenarios = new ArrayList<>();
        for (Row r : SavedTables.rows(alliesFile)) {
            String label = r.text(Columns.SCENARIO);
            List<Row> path = byScenario.get(label);
            if (path == null) {
                throw new TableException(pathsFile + ": no rows for scenario '" + label + "' of " + alliesFile);
            }
            Bands paths = Bands.of(pathsFile, path, Columns.ALLIES_MEAN, Columns.ALLIES_PREFIX,
                    Double.POSITIVE_INFINITY);
            // Months are in order, so a table cut short ends before the horizon of its last scenario.
            YearMonth horizon = r.month(Columns.HORIZON_MONTH);
            if (!paths.months().get(paths.last()).equals(horizon)) {
                throw new TableException(pathsFile + ": scenario '" + label + "' ends in " + paths.months().get(
                        paths.last()) + ", not at its horizon " + horizon + " (" + alliesFile.getFileName() + ")");
            }
            scenarios.add(new Scenario(label, r.whole(Columns.REPLICATIONS), r.count(Columns.ALLIES_MEAN),
                    r.numberOrNa(Columns.ALLIES_MEAN_CI95_LOW), r.numberOrNa(Columns.ALLIES_MEAN_CI95_HIGH), paths));
        }
        if (scenarios.isEmpty()) {
            throw new TableException(alliesFile + ": no rows");
        }
        // A comparison of batch folders lists them as inputs; a paired one, its scenarios.
        SavedTables.expect(alliesFile, scenarios.size(), manifest.path(Manifest.INPUTS).size()
                + manifest.path(Manifest.SCENARIOS).size(), "scenarios");
        Path statesFile = dir.resolve(CompareTables.STATES);
        String reference = null;
        List<StateChange> states = new ArrayList<>();
        if (Files.exists(statesFile)) {
            Map<String, Integer> perScenario = new LinkedHashMap<>();
            for (Row r : SavedTables.rows(statesFile)) {
                reference = r.text(Columns.REFERENCE);
                states.add(new StateChange(r.text(Columns.SCENARIO), r.text(Columns.COUNTRY), r.text(Columns.NAME),
                        r.share(Columns.P_TAIPEI_REFERENCE), r.number(Columns.P_TAIPEI_CHANGE),
                        r.number(Columns.P_TAIPEI_CHANGE_CI95_LOW), r.number(Columns.P_TAIPEI_CHANGE_CI95_HIGH)));
                perScenario.merge(r.text(Columns.SCENARIO), 1, Integer::sum);
            }
            // Every scenario but the reference, each with the states compared.
            SavedTables.expect(statesFile, perScenario.size(), scenarios.size() - 1, "scenarios");
            long listed = manifest.path(Manifest.COMPARISON).path(Manifest.COUNTRIES).size();
            for (Map.Entry<String, Integer> e : perScenario.entrySet()) {
                SavedTables.expect(statesFile, e.getValue(), listed, "states for '" + e.getKey() + "'");
            }
        }
        return new SavedCompare(dir, scenarios, reference, states);
    }
}
