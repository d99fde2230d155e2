package ballast.output.chart;

import java.awt.geom.Ellipse2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYLineAnnotation;
import org.jfree.chart.annotations.XYShapeAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The lever comparison: several batches side by side. */
public final class CompareCharts {
    /** Vertical offset between overlaid median paths, in allies, so equal medians stay visible. */
    public static final double DODGE = 0.06;

    private CompareCharts() {
    }

    /** Returns both comparison charts. */
    public static List<Figure> all(List<SavedBatch> batches, List<String> labels, ChartWidth width, boolean titles) {
        return List.of(horizon(batches, labels, width, titles), paths(batches, labels, width, titles));
    }

    /**
     * Allies at each batch's horizon: a dot at the median, a thick bar over the 80% interval and a
     * thin line over the 95% interval; one row per scenario, in the order given.
     */
    public static Figure horizon(List<SavedBatch> batches, List<String> labels, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        int n = batches.size();
        // Row 0 at the top: the symbol axis counts upward, so rows are placed in reverse.
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[n - 1 - i] = labels.get(i);
        }
        SymbolAxis rows = new SymbolAxis(null, names);
        rows.setGridBandsVisible(false);
        rows.setRange(-0.6, n - 0.4);
        style.axis(rows);
        rows.setTickMarksVisible(false);
        NumberAxis allies = new NumberAxis("States recognising Taipei at the horizon");
        allies.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SavedBatch b : batches) {
            lo = Math.min(lo, b.allies().q025()[b.allies().last()]);
            hi = Math.max(hi, b.allies().q975()[b.allies().last()]);
        }
        allies.setRange(Math.max(0, lo - 0.5), hi + 0.5);
        style.axis(allies);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), allies, rows, new XYLineAndShapeRenderer(false, false));
        plot.setOrientation(org.jfree.chart.plot.PlotOrientation.VERTICAL);
        double dot = 5.0;
        for (int i = 0; i < n; i++) {
            Bands a = batches.get(i).allies();
            int t = a.last();
            double y = n - 1 - i;
            plot.addAnnotation(new XYLineAnnotation(a.q025()[t], y, a.q975()[t], y, ChartStyle.line(0.9f),
                    ChartStyle.INK));
            plot.addAnnotation(new XYLineAnnotation(a.q10()[t], y, a.q90()[t], y, ChartStyle.line(4.5f),
                    ChartStyle.BAR_DARK));
            plot.addAnnotation(new PointAnnotation(a.median()[t], y, dot));
        }
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(false);
        LegendItemCollection legend = new LegendItemCollection();
        LegendItem median = new LegendItem("Median", null, null, null, new Ellipse2D.Double(-3, -3, 6, 6),
                java.awt.Color.WHITE, ChartStyle.line(1.2f), ChartStyle.INK);
        legend.add(median);
        LegendItem eighty = new LegendItem("80% of runs", null, null, null, new Rectangle2D.Double(-8, -2, 16, 4),
                ChartStyle.BAR_DARK);
        legend.add(eighty);
        legend.add(Plots.lineItem("95% of runs", ChartStyle.line(0.9f)));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Allies of Taipei at the horizon by scenario" : null);
        return new Figure("compare_horizon", chart, width, 0.75 + n * (width.inches() < 5 ? 0.3 : 0.38));
    }

    /** The median ally path of each batch, one line style each, offset by {@link #DODGE} so equal medians show. */
    public static Figure paths(List<SavedBatch> batches, List<String> labels, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        LegendItemCollection legend = new LegendItemCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        java.time.YearMonth first = null;
        java.time.YearMonth last = null;
        int n = batches.size();
        for (int i = 0; i < n; i++) {
            Bands a = batches.get(i).allies();
            double offset = (i - (n - 1) / 2.0) * DODGE;
            XYSeries s = new XYSeries(labels.get(i), false, true);
            for (int t = 0; t < a.months().size(); t++) {
                double v = a.median()[t] + offset;
                s.add(Plots.x(a.months().get(t).minusMonths(1)), v);
                s.add(Plots.x(a.months().get(t)), v);
                lo = Math.min(lo, a.median()[t]);
                hi = Math.max(hi, a.median()[t]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartStyle.INK);
            renderer.setSeriesStroke(i, ChartStyle.lineStyle(i));
            legend.add(Plots.lineItem(labels.get(i), ChartStyle.lineStyle(i)));
            first = first == null || a.months().get(0).isBefore(first) ? a.months().get(0) : first;
            last = last == null || a.months().get(a.last()).isAfter(last) ? a.months().get(a.last()) : last;
        }
        NumberAxis allies = new NumberAxis("Median number of allies");
        allies.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        allies.setRange(Math.max(0, lo - 0.5), hi + 0.5);
        style.axis(allies);
        DateAxis time = Plots.yearAxis(style, null);
        Plots.range(time, first, last);
        XYPlot plot = new XYPlot(data, time, allies, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Median allies of Taipei by scenario" : null);
        return new Figure("compare_paths", chart, width, width.inches() * 0.6);
    }

    /** A filled-white circle with a dark outline, a fixed size in points wherever the axes put it. */
    private static final class PointAnnotation extends org.jfree.chart.annotations.AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final double x;
        private final double y;
        private final double size;

        PointAnnotation(double x, double y, double size) {
            this.x = x;
            this.y = y;
            this.size = size;
        }

        @Override
        public void draw(java.awt.Graphics2D g2, XYPlot plot, Rectangle2D area,
                org.jfree.chart.axis.ValueAxis domainAxis, org.jfree.chart.axis.ValueAxis rangeAxis, int index,
                org.jfree.chart.plot.PlotRenderingInfo info) {
            double px = domainAxis.valueToJava2D(x, area, plot.getDomainAxisEdge());
            double py = rangeAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
            Ellipse2D circle = new Ellipse2D.Double(px - size / 2, py - size / 2, size, size);
            g2.setPaint(java.awt.Color.WHITE);
            g2.fill(circle);
            g2.setPaint(ChartStyle.INK);
            g2.setStroke(ChartStyle.line(1.2f));
            g2.draw(circle);
        }
    }
}
