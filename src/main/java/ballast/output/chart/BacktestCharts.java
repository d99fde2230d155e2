package ballast.output.chart;

import ballast.output.chart.SavedBatch.Row;
import com.fasterxml.jackson.databind.JsonNode;
import java.awt.BasicStroke;
import java.awt.Stroke;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
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
 * The chart of a finished back-test, drawn from its saved {@code backtest_allies.csv}: the model's
 * fan of the start's allies still with Taipei, the recorded count over it, and the naive baseline's
 * 80% band as two dotted lines.
 */
public final class BacktestCharts {
    private static final Stroke RECORDED = new BasicStroke(1.8f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {6f, 2.5f}, 0f);
    private static final Stroke BASELINE = new BasicStroke(0.9f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f,
            new float[] {1.2f, 1.8f}, 0f);

    private BacktestCharts() {
    }

    /** Returns the charts of the back-test in {@code dir}. */
    public static List<Figure> all(Path dir, JsonNode manifest, ChartWidth width, boolean titles) throws IOException {
        Figure reliability = ReliabilityChart.of(dir, width, titles);
        // A rolling back-test is many one-year paths, each from its own January: a fan over all of them would
        // read as one path; its reliability diagram is the chart.
        if (manifest != null && manifest.path("backtest").path("rolling").asBoolean(false)) {
            return List.of(reliability);
        }
        return List.of(fan(dir, width, titles), reliability);
    }

    private static Figure fan(Path dir, ChartWidth width, boolean titles) throws IOException {
        List<Row> rows = SavedBatch.rows(dir.resolve("backtest_allies.csv"));
        List<YearMonth> months = new ArrayList<>();
        int n = rows.size();
        double[][] q = new double[7][n];
        String[] columns = {"model_q025", "model_q10", "model_q25", "model_median", "model_q75", "model_q90",
            "model_q975"};
        XYSeries real = new XYSeries("Recorded", false, true);
        XYSeries low = new XYSeries("Baseline 10%", false, true);
        XYSeries high = new XYSeries("Baseline 90%", false, true);
        for (int t = 0; t < n; t++) {
            Row r = rows.get(t);
            YearMonth m = r.month("month");
            months.add(m);
            for (int k = 0; k < columns.length; k++) {
                q[k][t] = r.number(columns[k]);
            }
            // Steps: a month's count holds from its start to its end.
            double from = Plots.x(m.minusMonths(1));
            double to = Plots.x(m);
            real.add(from, r.number("allies_real"));
            real.add(to, r.number("allies_real"));
            low.add(from, r.number("baseline_q10"));
            low.add(to, r.number("baseline_q10"));
            high.add(from, r.number("baseline_q90"));
            high.add(to, r.number("baseline_q90"));
        }
        Bands bands = new Bands(months, q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
        ChartStyle style = ChartStyle.forWidth(width);
        NumberAxis allies = new NumberAxis("Start's allies recognising Taipei");
        allies.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        DateAxis time = Plots.yearAxis(style, null);
        XYPlot plot = Plots.bandPlot(style, bands, allies, time, true);
        Plots.range(time, months.get(0), months.get(n - 1));

        XYSeriesCollection recorded = new XYSeriesCollection(real);
        XYStepRenderer recordedRenderer = new XYStepRenderer();
        recordedRenderer.setSeriesPaint(0, ChartStyle.INK);
        recordedRenderer.setSeriesStroke(0, RECORDED);
        XYSeriesCollection baseline = new XYSeriesCollection();
        baseline.addSeries(low);
        baseline.addSeries(high);
        XYStepRenderer baselineRenderer = new XYStepRenderer();
        for (int s = 0; s < 2; s++) {
            baselineRenderer.setSeriesPaint(s, ChartStyle.INK);
            baselineRenderer.setSeriesStroke(s, BASELINE);
        }
        // Datasets are drawn in reverse order of index: bands (moved to 3) first, then the baseline (2), the
        // recorded count (1) and the median (0) on top.
        plot.setDataset(3, plot.getDataset(1));
        plot.setRenderer(3, plot.getRenderer(1));
        plot.setDataset(2, baseline);
        plot.setRenderer(2, baselineRenderer);
        plot.setDataset(1, recorded);
        plot.setRenderer(1, recordedRenderer);
        LegendItemCollection legend = Plots.bandLegend();
        legend.add(Plots.lineItem("Recorded", RECORDED));
        legend.add(Plots.lineItem("Naive baseline, 80%", BASELINE));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Back-test: forecast allies against the record" : null);
        return new Figure("backtest_fan", chart, width, width.inches() * 0.62);
    }
}
