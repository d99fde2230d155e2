package ballast.output.chart;

import ballast.output.Manifest;
import ballast.output.chart.SavedBatch.TableException;
import ballast.output.chart.SavedTables.Row;
import ballast.output.table.Columns;
import ballast.output.table.ParameterLabels;
import ballast.output.table.SweepTables;
import ballast.stats.Interval;
import ballast.stats.Intervals;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.TreeSet;

/**
 * The charts of a finished sweep, drawn from its saved {@code sweep.csv}: over one parameter, the
 * mean allies and the mean GDP share at the horizon against the parameter, with 95% intervals of
 * the means; over a full-factorial grid of two parameters, heat maps of the same means. A Latin
 * hypercube over two or more parameters, or a grid over three or more, has no chart: its table is the
 * result.
 */
public final class SweepCharts {
    /**
     * What each chart shows: the mean's column, its standard error (or sd) column, label and file name, and
     * the largest mean possible (a count's is infinity, a share's 1).
     */
    private record Measure(String column, String spread, boolean spreadIsSd, String label, String name, double max) {
    }

    private static final List<Measure> MEASURES = List.of(
            new Measure(Columns.ALLIES_MEAN, Columns.ALLIES_MEAN_SE, false, "Mean allies at the horizon",
                    "sweep_allies", Double.POSITIVE_INFINITY),
            new Measure(Columns.GDP_SHARE_MEAN, Columns.GDP_SHARE_SD, true, "Mean GDP share kept at the horizon",
                    "sweep_gdp_share", 1));

    private SweepCharts() {
    }

    /** Returns the charts of the sweep in {@code dir} ({@code manifest} is its manifest). */
    public static List<Figure> all(Path dir, JsonNode manifest, ChartWidth width, boolean titles) throws IOException {
        Path file = dir.resolve(SweepTables.SWEEP);
        List<String> factors = factors(file);
        boolean grid = Manifest.GRID.equals(manifest.path(Manifest.SWEEP).path(Manifest.DESIGN).asText());
        if (factors.size() != 1 && !(factors.size() == 2 && grid)) {
            return List.of();
        }
        List<Row> rows = SavedTables.rows(file);
        SavedTables.expect(file, rows.size(), manifest.path(Manifest.SWEEP).path(Manifest.POINTS).asLong(0),
                "design points");
        if (rows.isEmpty()) {
            throw new TableException(file + ": no rows");
        }
        return factors.size() == 1 ? lines(rows, factors.get(0), width, titles)
                : heatMaps(file, rows, factors.get(0), factors.get(1), width, titles);
    }

    /** Returns the factors' paths: the columns of {@code sweep.csv} between "point" and the outputs. */
    static List<String> factors(Path file) throws IOException {
        List<String> header = SavedTables.header(file);
        int first = header.indexOf(SweepTables.OUTPUT_COLUMNS.get(0));
        if (header.isEmpty() || !header.get(0).equals(Columns.POINT) || first < 2) {
            throw new TableException(file + ": expected the columns " + Columns.POINT + ", the parameters, then "
                    + String.join(", ", SweepTables.OUTPUT_COLUMNS));
        }
        return List.copyOf(header.subList(1, first));
    }

    private static List<Figure> lines(List<Row> table, String path, ChartWidth width, boolean titles)
            throws IOException {
        List<Row> rows = new ArrayList<>(table);
        rows.sort(Comparator.comparingDouble(r -> {
            try {
                return r.number(path);
            } catch (TableException e) {
                return Double.NaN;
            }
        }));
        int n = rows.size();
        double[] x = new double[n];
        for (int p = 0; p < n; p++) {
            x[p] = rows.get(p).number(path);
        }
        List<Figure> figures = new ArrayList<>();
        for (Measure m : MEASURES) {
            double[] mean = new double[n];
            double[] low = new double[n];
            double[] high = new double[n];
            for (int p = 0; p < n; p++) {
                Row r = rows.get(p);
                long replications = r.whole(Columns.REPLICATIONS);
                double spread = r.numberOrNa(m.spread());
                double sd = m.spreadIsSd() ? spread : spread * Math.sqrt(replications);
                mean[p] = r.number(m.column(), 0, m.max());
                boolean interval = replications > 1 && Double.isFinite(sd);
                Interval ci = interval ? Intervals.tMean(mean[p], sd, replications, 0.95) : null;
                low[p] = interval ? ci.lower() : Double.NaN;
                high[p] = interval ? ci.upper() : Double.NaN;
            }
            figures.add(ExperimentCharts.line(m.name(), new ExperimentCharts.Curve(ParameterLabels.of(path), x,
                    m.label(), mean, low, high), width, titles));
        }
        return figures;
    }

    private static List<Figure> heatMaps(Path file, List<Row> rows, String xPath, String yPath, ChartWidth width,
            boolean titles) throws IOException {
        TreeSet<Double> xs = new TreeSet<>();
        TreeSet<Double> ys = new TreeSet<>();
        for (Row r : rows) {
            xs.add(r.number(xPath));
            ys.add(r.number(yPath));
        }
        double[] x = xs.stream().mapToDouble(Double::doubleValue).toArray();
        double[] y = ys.stream().mapToDouble(Double::doubleValue).toArray();
        List<Figure> figures = new ArrayList<>();
        for (Measure m : MEASURES) {
            double[][] z = new double[x.length][y.length];
            boolean[][] seen = new boolean[x.length][y.length];
            for (Row r : rows) {
                int i = Arrays.binarySearch(x, r.number(xPath));
                int j = Arrays.binarySearch(y, r.number(yPath));
                z[i][j] = r.number(m.column(), 0, m.max());
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
                    ParameterLabels.of(yPath), y, m.label(), z);
            figures.add(ExperimentCharts.heatMap(m.name(), grid, width, titles));
        }
        return figures;
    }
}
