package ballast.output.chart;

import ballast.experiment.PointSummary.Output;
import ballast.output.chart.SavedBatch.Row;
import ballast.output.chart.SavedBatch.TableException;
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
        String method = manifest.path("sensitivity").path("method").asText();
        List<String> measures = method.equals("morris") ? List.of("mu_star", "sigma") : List.of("S1", "ST");
        List<String> labels = method.equals("morris") ? List.of("\u03bc* (mean |effect| per range)",
                "\u03c3 (spread of effects)") : List.of("First order (S1)", "Total order (ST)");
        Path file = dir.resolve("sensitivity.csv");
        Map<String, List<Row>> byOutput = new LinkedHashMap<>();
        for (Row r : SavedBatch.rows(file)) {
            byOutput.computeIfAbsent(r.text("output"), k -> new ArrayList<>()).add(r);
        }
        List<Figure> figures = new ArrayList<>();
        for (Map.Entry<String, List<Row>> e : byOutput.entrySet()) {
            List<String> params = new ArrayList<>();
            for (Row r : e.getValue()) {
                if (!params.contains(r.text("parameter"))) {
                    params.add(r.text("parameter"));
                }
            }
            double[][] value = new double[2][params.size()];
            double[][] low = new double[2][params.size()];
            double[][] high = new double[2][params.size()];
            boolean[][] seen = new boolean[2][params.size()];
            for (Row r : e.getValue()) {
                int m = measures.indexOf(r.text("measure"));
                if (m < 0) {
                    continue;
                }
                int p = params.indexOf(r.text("parameter"));
                value[m][p] = number(r, "value");
                low[m][p] = number(r, "ci95_low");
                high[m][p] = number(r, "ci95_high");
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
                    high);
            figures.add(ExperimentCharts.indices(method + "_" + e.getKey(), indices, width, titles));
        }
        return figures;
    }

    private static double number(Row r, String column) throws TableException {
        return "NA".equals(r.text(column)) ? Double.NaN : r.number(column);
    }
}
