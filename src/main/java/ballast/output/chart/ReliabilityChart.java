package ballast.output.chart;

import ballast.experiment.Backtest;
import ballast.experiment.Backtest.Forecaster;
import ballast.output.chart.SavedBatch.TableException;
import ballast.output.chart.SavedTables.Row;
import ballast.output.table.BacktestTables;
import ballast.output.table.Columns;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYErrorRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/**
 * The reliability diagram of a back-test, drawn from its saved {@code backtest_calibration.csv}: for
 * each forecaster, each bin's mean forecast against the observed share of country-years with a move
 * to Beijing, with its 95% Wilson interval; a perfectly calibrated forecaster lies on the diagonal.
 * The three forecasters differ by marker (filled circle, open square, open triangle), so the chart
 * reads in greyscale.
 */
final class ReliabilityChart {
    private static final String[] FORECASTERS = {BacktestTables.column(Forecaster.MODEL),
        BacktestTables.column(Forecaster.NAIVE), BacktestTables.column(Forecaster.LOGISTIC)};
    private static final String[] LABELS = {"Model", "Naive baseline", "Logistic regression"};

    private ReliabilityChart() {
    }

    static Figure of(Path dir, ChartWidth width, boolean titles) throws IOException {
        Path file = dir.resolve(BacktestTables.CALIBRATION);
        List<Row> rows = SavedTables.rows(file);
        // Each forecaster has a row for every bin of forecast probability, empty or not.
        Map<String, Integer> bins = new LinkedHashMap<>();
        for (Row r : rows) {
            bins.merge(r.text(Columns.FORECASTER), 1, Integer::sum);
            if (r.count(Columns.COUNTRY_YEARS) > 0) {
                for (String c : List.of(Columns.MEAN_FORECAST, Columns.OBSERVED_SHARE, Columns.OBSERVED_CI95_LOW,
                        Columns.OBSERVED_CI95_HIGH)) {
                    r.share(c);
                }
            }
        }
        for (String f : FORECASTERS) {
            int found = bins.getOrDefault(f, 0);
            if (found != Backtest.BINS.length - 1) {
                throw new TableException(file + ": has " + found + " of the " + (Backtest.BINS.length - 1)
                        + " bins of forecaster " + f);
            }
        }
        ChartStyle style = ChartStyle.forWidth(width);
        double size = width.inches() < 5 ? 4.5 : 6.0;
        Shape[] shapes = {
            new Ellipse2D.Double(-size / 2, -size / 2, size, size),
            new Rectangle2D.Double(-size / 2, -size / 2, size, size),
            triangle(size * 1.15)};
        Map<String, YIntervalSeries> series = new LinkedHashMap<>();
        for (String f : FORECASTERS) {
            series.put(f, new YIntervalSeries(f, false, true));
        }
        double maxX = 0;
        double maxY = 0;
        for (Row r : rows) {
            if (series.containsKey(r.text(Columns.FORECASTER)) && r.number(Columns.COUNTRY_YEARS) > 0) {
                maxX = Math.max(maxX, r.number(Columns.MEAN_FORECAST));
                maxY = Math.max(maxY, r.number(Columns.OBSERVED_CI95_HIGH));
            }
        }
        double right = Math.min(1.0, Math.ceil(maxX * 20 + 0.5) / 20);
        double top = Math.min(1.0, Math.max(right, Math.ceil(maxY * 20) / 20));
        for (Row r : rows) {
            YIntervalSeries s = series.get(r.text(Columns.FORECASTER));
            if (s == null || r.number(Columns.COUNTRY_YEARS) == 0) {
                continue;
            }
            // Forecasters whose bins fall together are moved apart a little, so each interval shows.
            double dodge = (List.of(FORECASTERS).indexOf(r.text(Columns.FORECASTER)) - 1) * right * 0.008;
            s.add(r.number(Columns.MEAN_FORECAST) + dodge, r.number(Columns.OBSERVED_SHARE), r.number(Columns.OBSERVED_CI95_LOW),
                    r.number(Columns.OBSERVED_CI95_HIGH));
        }
        YIntervalSeriesCollection data = new YIntervalSeriesCollection();
        series.values().forEach(data::addSeries);
        XYErrorRenderer points = new XYErrorRenderer();
        points.setDrawXError(false);
        points.setDrawYError(true);
        points.setErrorPaint(ChartStyle.INK);
        points.setErrorStroke(ChartStyle.line(0.6f));
        points.setCapLength(size * 0.8);
        points.setDefaultLinesVisible(false);
        points.setDefaultShapesVisible(true);
        for (int k = 0; k < FORECASTERS.length; k++) {
            points.setSeriesShape(k, shapes[k]);
            points.setSeriesPaint(k, ChartStyle.INK);
            points.setSeriesFillPaint(k, k == 0 ? ChartStyle.INK : Color.WHITE);
            points.setSeriesOutlinePaint(k, ChartStyle.INK);
            points.setSeriesOutlineStroke(k, ChartStyle.line(0.8f));
        }
        points.setUseFillPaint(true);
        points.setDrawOutlines(true);
        points.setUseOutlinePaint(true);

        XYSeries diagonal = new XYSeries("Perfect calibration");
        diagonal.add(0, 0);
        diagonal.add(right, right);
        XYLineAndShapeRenderer line = new XYLineAndShapeRenderer(true, false);
        line.setSeriesPaint(0, ChartStyle.MUTED);
        line.setSeriesStroke(0, ChartStyle.dashed(0.8f, 4f, 2.5f));

        NumberAxis x = new NumberAxis("Forecast probability of a move that year");
        NumberAxis y = new NumberAxis("Observed share of country-years");
        // A little room below zero, so that markers at 0 are not cut by the axis.
        x.setRange(-0.02 * right, right);
        y.setRange(-0.03 * top, top);
        style.axis(x);
        style.axis(y);
        XYPlot plot = new XYPlot(data, x, y, points);
        plot.setDataset(1, new XYSeriesCollection(diagonal));
        plot.setRenderer(1, line);
        LegendItemCollection legend = new LegendItemCollection();
        for (int k = 0; k < FORECASTERS.length; k++) {
            LegendItem item = new LegendItem(LABELS[k], null, null, null, shapes[k], k == 0 ? ChartStyle.INK
                    : Color.WHITE, ChartStyle.line(0.8f), ChartStyle.INK);
            legend.add(item);
        }
        legend.add(Plots.lineItem("Perfect calibration", ChartStyle.dashed(0.8f, 4f, 2.5f)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Back-test: reliability of the yearly forecasts" : null);
        return new Figure("backtest_reliability", chart, width, width.inches() * 0.75);
    }

    private static Shape triangle(double size) {
        Path2D.Double t = new Path2D.Double();
        t.moveTo(0, -size / 2);
        t.lineTo(size / 2, size / 2);
        t.lineTo(-size / 2, size / 2);
        t.closePath();
        return t;
    }
}
