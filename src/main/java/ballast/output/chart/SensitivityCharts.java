package ballast.output.chart;

import ballast.experiment.PointSummary.Output;
import ballast.output.Manifest;
import ballast.output.chart.SavedBatch.TableException;
import ballast.output.chart.SavedTables.Row;
import ballast.output.table.Columns;
import ballast.output.table.ParameterLabels;
import ballast.output.table.SensitivityTables;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The charts of a finished sensitivity analysis, drawn from its saved {@code sensitivity.csv}: per
 * output, Sobol first- and total-order bars with 95% intervals ({@code sobol_<output>}), or Morris
 * mu* with its interval beside sigma ({@code morris_<output>}), most influential parameter on top.
 */
public final class SensitivityCharts {
    private SensitivityCharts() {
    }

    /** Returns the charts of the analysis in {@code dir} ({@code manifest} is its manifest). */
    public static List<Figure> all(Path dir, JsonNode manifest, ChartWidth width, boolean titles) throws IOException {
        String method = manifest.path(Manifest.SENSITIVITY).path(Manifest.METHOD).asText();
        boolean morris = method.equals(SensitivityTables.MORRIS);
        List<String> measures = morris ? List.of(SensitivityTables.MU_STAR, SensitivityTables.SIGMA)
                : List.of(SensitivityTables.S1, SensitivityTables.ST);
        List<String> labels = morris ? List.of("\u03bc* (mean |effect| per range)", "\u03c3 (spread of effects)")
                : List.of("First order (S1)", "Total order (ST)");
        // The most influential parameter on top: by total order (Sobol), by mu* (Morris).
        int rankBy = morris ? 0 : 1;
        Path file = dir.resolve(SensitivityTables.INDICES);
        Map<String, List<Row>> byOutput = new LinkedHashMap<>();
        for (Row r : SavedTables.rows(file)) {
            byOutput.computeIfAbsent(r.text(Columns.OUTPUT), k -> new ArrayList<>()).add(r);
        }
        JsonNode section = manifest.path(Manifest.SENSITIVITY);
        SavedTables.expect(file, byOutput.size(), section.path(Manifest.OUTPUTS).size(), "outputs");
        if (byOutput.isEmpty()) {
            throw new TableException(file + ": no rows");
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byOutput.entrySet()) {
            List<String> params = new ArrayList<>();
            for (Row r : e.getValue()) {
                if (!params.contains(r.text(Columns.PARAMETER))) {
                    params.add(r.text(Columns.PARAMETER));
                }
            }
            SavedTables.expect(file, params.size(), section.path(Manifest.FACTORS).size(),
                    "parameters of " + e.getKey());
            double[][] value = new double[2][params.size()];
            double[][] low = new double[2][params.size()];
            double[][] high = new double[2][params.size()];
            boolean[][] seen = new boolean[2][params.size()];
            for (Row r : e.getValue()) {
                int m = measures.indexOf(r.text(Columns.MEASURE));
                if (m < 0) {
                    continue;
                }
                int p = params.indexOf(r.text(Columns.PARAMETER));
                value[m][p] = r.numberOrNa(Columns.VALUE);
                low[m][p] = r.numberOrNa(Columns.CI95_LOW);
                high[m][p] = r.numberOrNa(Columns.CI95_HIGH);
                seen[m][p] = true;
            }
            for (int m = 0; m < 2; m++) {
                for (int p = 0; p < params.size(); p++) {
                    if (!seen[m][p]) {
                        throw new TableException(file + ": no " + measures.get(m) + " for " + params.get(p) + " of "
                                + e.getKey());
                    }
                }
            }
            Output output = Output.of(e.getKey());
            String outputLabel = output == null ? e.getKey() : output.shortLabel();
            List<String> names = params.stream().map(ParameterLabels::of).toList();
            ExperimentCharts.Indices indices = new ExperimentCharts.Indices(outputLabel, labels, names, value, low,
                    high, rankBy);
            figures.add(ExperimentCharts.indices(method + "_" + e.getKey(), indices, width, titles));
        }
        return figures;
    }
}
