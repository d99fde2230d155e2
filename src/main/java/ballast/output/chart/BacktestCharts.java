package ballast.output.chart;

import ballast.output.Manifest;
import ballast.output.chart.SavedTables.Row;
import ballast.output.table.BacktestTables;
import ballast.output.table.Columns;
import java.awt.Color;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.LegendItem;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a finished back-test: its reliability diagram ({@link ReliabilityChart}) and, unless it
 * is a rolling back-test, the fan drawn from its saved {@code backtest_allies.csv}: the model's fan of
 * the start's allies still with Taipei, the recorded count over it as a cased line (black
 * edges, white core, so it stays apart from the median and the dotted lines where they meet), and the
 * naive baseline's 80% band as two dotted lines.
 */
public final class BacktestCharts {
    private static final float CASING = 2.8f;
    private static final float CORE = 1.1f;
    private static final Stroke BASELINE = new BasicStroke(0.9f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10f,
            new float[] {0.1f, 2.2f}, 0f);

    private BacktestCharts() {
    }

    /** Returns the charts of the back-test in {@code dir}. */
    public static List<Figure> all(Path dir, JsonNode manifest, ChartWidth width, boolean titles) throws IOException {
        Figure reliability = ReliabilityChart.of(dir, width, titles);
        // A rolling back-test is many one-year paths, each from its own January: a fan over all of them would
        // read as one path; its reliability diagram is the chart.
        if (manifest != null && manifest.path(Manifest.BACKTEST).path(Manifest.ROLLING).asBoolean(false)) {
            return List.of(reliability);
        }
        return List.of(fan(dir, manifest == null ? 0 : SavedTables.months(manifest), width, titles), reliability);
    }

    /**
     * The fan of the start's allies still with Taipei, the recorded count and the naive band, over the
     * {@code months} the manifest lists (0 if it does not say).
     */
    static Figure fan(Path dir, long months, ChartWidth width, boolean titles) throws IOException {
        Path file = dir.resolve(BacktestTables.ALLIES);
        List<Row> rows = SavedTables.rows(file);
        SavedTables.expect(file, rows.size(), months, "months");
        Bands bands = Bands.of(file, rows, Columns.MODEL_MEAN, Columns.MODEL_PREFIX, Double.POSITIVE_INFINITY);
        List<YearMonth> monthsDrawn = bands.months();
        int n = rows.size();
        XYSeries real = new XYSeries("Recorded", false, true);
        XYSeries low = new XYSeries("Baseline 10%", false, true);
        XYSeries high = new XYSeries("Baseline 90%", false, true);
        double lo = BatchCharts.min(bands.q025());
        double hi = BatchCharts.max(bands.q975());
        for (int t = 0; t < n; t++) {
            Row r = rows.get(t);
            YearMonth m = monthsDrawn.get(t);
            // Steps: a month's count holds from its start to its end.
            double from = Plots.x(m.minusMonths(1));
            double to = Plots.x(m);
            double recorded = r.count(Columns.ALLIES_REAL);
            double b10 = r.count(Columns.BASELINE_Q10);
            double b90 = r.count(Columns.BASELINE_Q90);
            real.add(from, recorded);
            real.add(to, recorded);
            low.add(from, b10);
            low.add(to, b10);
            high.add(from, b90);
            high.add(to, b90);
            lo = Math.min(lo, Math.min(recorded, b10));
            hi = Math.max(hi, Math.max(recorded, b90));
        }
        ChartStyle style = ChartStyle.forWidth(width);
        // The range the data use, not from zero: at column width every point of height counts.
        NumberAxis allies = new NumberAxis(width.inches() < 5 ? "Allies with Taipei" : "Start's allies recognising Taipei");
        allies.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        allies.setAutoRangeIncludesZero(false);
        allies.setRange(Math.max(0, lo - 0.5), hi + 0.5);
        DateAxis time = Plots.yearAxis(style, null);
        XYPlot plot = Plots.bandPlot(style, bands, allies, time, true);
        style.axis(allies);
        Plots.range(time, monthsDrawn.get(0), monthsDrawn.get(n - 1));

        // The recorded count twice: a wide black line, then a narrow white one over it.
        XYSeriesCollection recorded = new XYSeriesCollection(real);
        recorded.addSeries(copy(real, "Recorded core"));
        XYStepRenderer recordedRenderer = new XYStepRenderer();
        recordedRenderer.setSeriesPaint(0, ChartStyle.INK);
        recordedRenderer.setSeriesStroke(0, new BasicStroke(CASING, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        recordedRenderer.setSeriesPaint(1, Color.WHITE);
        recordedRenderer.setSeriesStroke(1, new BasicStroke(CORE, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER));
        XYSeriesCollection baseline = new XYSeriesCollection();
        baseline.addSeries(low);
        baseline.addSeries(high);
        XYStepRenderer baselineRenderer = new XYStepRenderer();
        for (int s = 0; s < 2; s++) {
            baselineRenderer.setSeriesPaint(s, ChartStyle.INK);
            baselineRenderer.setSeriesStroke(s, BASELINE);
        }
        // Datasets are drawn in reverse order of index: bands (moved to 3) first, then the baseline (2), the
        // median (1) and the recorded count (0) on top.
        plot.setDataset(3, plot.getDataset(1));
        plot.setRenderer(3, plot.getRenderer(1));
        plot.setDataset(2, baseline);
        plot.setRenderer(2, baselineRenderer);
        plot.setDataset(1, plot.getDataset(0));
        plot.setRenderer(1, plot.getRenderer(0));
        plot.setDataset(0, recorded);
        plot.setRenderer(0, recordedRenderer);
        LegendItemCollection legend = Plots.bandLegend();
        legend.add(new LegendItem("Recorded", null, null, null, new Rectangle2D.Double(-9, -CASING / 2, 18, CASING),
                Color.WHITE, new BasicStroke((CASING - CORE) / 2), ChartStyle.INK));
        legend.add(Plots.lineItem("Naive baseline, 80%", BASELINE));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Back-test: forecast allies against the record" : null);
        return new Figure("backtest_fan", chart, width, width.inches() * (width.inches() < 5 ? 0.72 : 0.62));
    }

    private static XYSeries copy(XYSeries s, String key) {
        XYSeries c = new XYSeries(key, false, true);
        for (int i = 0; i < s.getItemCount(); i++) {
            c.add(s.getX(i), s.getY(i));
        }
        return c;
    }
}
