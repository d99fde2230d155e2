package ballast.output.chart;

import ballast.output.chart.SavedBatch.Row;
import ballast.output.chart.SavedBatch.TableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The charts of a finished sweep, drawn from its saved {@code sweep.csv}: for a full-factorial grid
 * over two parameters, heat maps of the mean allies and the mean GDP share at the horizon. Other
 * sweeps (one parameter, three or more, a Latin hypercube) have no heat map: their table is the result.
 */
public final class SweepCharts {
    private SweepCharts() {
    }

    /** Returns the charts of the sweep in {@code dir} ({@code manifest} is its manifest). */
    public static List<Figure> all(Path dir, JsonNode manifest, ChartWidth width, boolean titles) throws IOException {
        JsonNode sweep = manifest.path("sweep");
        JsonNode factors = sweep.path("factors");
        if (!"grid".equals(sweep.path("design").asText()) || factors.size() != 2) {
            return List.of();
        }
        String xPath = factors.get(0).path("path").asText();
        String yPath = factors.get(1).path("path").asText();
        Path file = dir.resolve("sweep.csv");
        List<Row> rows = SavedBatch.rows(file);
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (Row r : rows) {
            xs.add(r.number(xPath));
            ys.add(r.number(yPath));
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        List<Figure> figures = new ArrayList<>();
        String[][] outputs = {{"allies_mean", "Mean allies at the horizon", "sweep_allies"},
            {"gdp_share_mean", "Mean GDP share kept at the horizon", "sweep_gdp_share"}};
        for (String[] o : outputs) {
            double[][] z = new double[x.length][y.length];
            boolean[][] seen = new boolean[x.length][y.length];
            for (Row r : rows) {
                int i = java.util.Arrays.binarySearch(x, r.number(xPath));
                int j = java.util.Arrays.binarySearch(y, r.number(yPath));
                z[i][j] = r.number(o[0]);
                seen[i][j] = true;
            }
            for (int i = 0; i < x.length; i++) {
                for (int j = 0; j < y.length; j++) {
                    if (!seen[i][j]) {
                        throw new TableException(file + ": no row for " + xPath + "=" + x[i] + ", " + yPath + "="
                                + y[j] + " (not a full grid)");
                    }
                }
            }
            ExperimentCharts.Grid grid = new ExperimentCharts.Grid(ParameterLabels.of(xPath), x,
                    ParameterLabels.of(yPath), y, o[1], z);
            figures.add(ExperimentCharts.heatMap(o[2], grid, width, titles));
        }
        return figures;
    }
}
