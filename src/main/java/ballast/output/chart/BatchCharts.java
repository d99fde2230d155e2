package ballast.output.chart;

import java.text.NumberFormat;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.NumberTickUnit;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of one batch, drawn from its saved tables ({@link SavedBatch}): the fan of Taipei's
 * allies, retention by country, survival curves, and the shares of GDP and population.
 */
public final class BatchCharts {
    private BatchCharts() {
    }

    /** Returns every chart of {@code batch} at {@code width}, with titles if {@code titles}. */
    public static List<Figure> all(SavedBatch batch, ChartWidth width, boolean titles) {
        return List.of(fan(batch, width, titles), retention(batch, width, titles), survival(batch, width, titles),
                shares(batch, width, titles));
    }

    /** Fan chart of the number of Taipei's allies by month: median, 50%, 80% and 95% of runs. */
    public static Figure fan(SavedBatch batch, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        NumberAxis allies = new NumberAxis("States recognising Taipei");
        allies.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        allies.setAutoRangeIncludesZero(false);
        allies.setRange(Math.max(0, min(batch.allies().q025()) - 0.5), max(batch.allies().q975()) + 0.5);
        style.axis(allies);
        DateAxis time = Plots.yearAxis(style, null);
        Plots.range(time, batch.allies().months().get(0), batch.allies().months().get(batch.allies().last()));
        XYPlot plot = Plots.bandPlot(style, batch.allies(), allies, time, true);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Allies of Taipei, " + batch.scenario() : null);
        return new Figure("allies_fan", chart, width, width.inches() * 0.62);
    }

    /**
     * Horizontal bars: each state's probability of still recognising Taipei at the horizon, with its
     * 95% Wilson interval, most at risk at the top.
     */
    public static Figure retention(SavedBatch batch, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        List<SavedBatch.Retention> rows = new ArrayList<>(batch.retention());
        rows.sort(Comparator.comparingDouble(SavedBatch.Retention::probability)
                .thenComparing(SavedBatch.Retention::name));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        double[][] low = new double[1][rows.size()];
        double[][] high = new double[1][rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            SavedBatch.Retention r = rows.get(i);
            data.addValue(r.probability(), "p", r.name());
            low[0][i] = r.low();
            high[0][i] = r.high();
        }
        CategoryAxis states = new CategoryAxis(null);
        style.axis(states);
        states.setTickMarksVisible(false);
        states.setCategoryMargin(0.25);
        states.setLowerMargin(0.02);
        states.setUpperMargin(0.02);
        states.setMaximumCategoryLabelWidthRatio(0.6f);
        // A column-wide chart has room under its bars for a short label only.
        NumberAxis p = new NumberAxis((width.inches() < 5 ? "P(with Taipei), " : "Probability of recognising Taipei in ")
                + month(batch.horizon()));
        p.setRange(0.0, 1.0);
        p.setStandardTickUnits(fractionUnits());
        style.axis(p);
        IntervalBarRenderer renderer = new IntervalBarRenderer(low, high);
        renderer.setSeriesPaint(0, ChartStyle.BAR);
        CategoryPlot plot = new CategoryPlot(data, states, p, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(org.jfree.chart.axis.AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(true);
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        style.apply(chart, titles ? "Still recognising Taipei in " + month(batch.horizon()) + ", " + batch.scenario()
                : null);
        double rowInches = width.inches() < 5 ? 0.19 : 0.23;
        return new Figure("retention", chart, width, 0.55 + rows.size() * rowInches);
    }

    /**
     * Survival curves as small multiples: one panel per state (most at risk first), its share of runs
     * still recognising Taipei by month in black over the other states' curves in light grey, the
     * state named above its panel. Every curve is named and none depends on a line style, so the chart
     * reads the same in greyscale whatever the number of states.
     */
    public static Figure survival(SavedBatch batch, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        SavedBatch.Survival s = batch.survival();
        int last = s.months().size() - 1;
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < s.names().size(); i++) {
            order.add(i);
        }
        order.sort(Comparator.<Integer>comparingDouble(i -> s.share()[i][last]).thenComparing(i -> s.names().get(i)));
        double low = 1.0;
        for (double[] row : s.share()) {
            for (double v : row) {
                low = Math.min(low, v);
            }
        }
        double bottom = Math.max(0.0, Math.floor(low * 10) / 10);
        int n = order.size();
        int columns = Math.min(n, width.inches() < 5 ? (n > 12 ? 4 : 3) : (n > 16 ? 5 : 4));
        List<XYSeries> curves = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            curves.add(steps(s, i));
        }
        List<JFreeChart> panels = new ArrayList<>();
        for (int k = 0; k < n; k++) {
            int i = order.get(k);
            XYSeriesCollection data = new XYSeriesCollection();
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setDrawSeriesLineAsPath(true);
            for (int j = 0; j < n; j++) {
                if (j != i) {
                    renderer.setSeriesPaint(data.getSeriesCount(), ChartStyle.MUTED);
                    renderer.setSeriesStroke(data.getSeriesCount(), ChartStyle.line(0.5f));
                    data.addSeries(curves.get(j));
                }
            }
            renderer.setSeriesPaint(data.getSeriesCount(), ChartStyle.INK);
            renderer.setSeriesStroke(data.getSeriesCount(), ChartStyle.line(1.3f));
            data.addSeries(curves.get(i));
            NumberAxis share = new NumberAxis(null);
            share.setRange(bottom, 1.005);
            share.setStandardTickUnits(fractionUnits());
            style.axis(share);
            DateAxis time = Plots.panelYearAxis(style);
            Plots.range(time, s.months().get(0), s.months().get(last));
            Plots.yearTicks(time, s.months().get(0), s.months().get(last), 3);
            XYPlot plot = new XYPlot(data, time, share, renderer);
            plot.setDomainGridlinesVisible(false);
            JFreeChart panel = new JFreeChart(plot);
            panel.removeLegend();
            style.apply(panel, null);
            // Transparent, so a year label that reaches past a panel's edge is not painted over.
            panel.setBackgroundPaint(null);
            panels.add(panel);
        }
        List<String> names = order.stream().map(s.names()::get).toList();
        float tick = style.tickFont().getSize2D();
        PanelGrid grid = new PanelGrid(panels, names, columns, "Share of runs with Taipei", style.labelFont(),
                style.tickFont(), tick * 2.6, tick * 1.9);
        JFreeChart chart = new JFreeChart(null, style.labelFont(), grid, false);
        style.apply(chart, titles ? "Survival of recognition, " + batch.scenario() : null);
        // The grid is drawn inside the chart's padding (ChartStyle: 2 pt above and below, 8 pt across).
        double heightPoints = grid.height(width.points() - 8, 0.62) + 6 + (titles ? 4 * tick : 0);
        return new Figure("survival", chart, width, heightPoints / 72.0);
    }

    /** Returns state {@code i}'s survival curve as explicit steps drawn as one path. */
    private static XYSeries steps(SavedBatch.Survival s, int i) {
        XYSeries series = new XYSeries(s.names().get(i), false, true);
        double previous = 1.0;
        series.add(Plots.x(s.months().get(0).minusMonths(1)), previous);
        for (int t = 0; t < s.months().size(); t++) {
            double v = s.share()[i][t];
            if (v != previous) {
                series.add(Plots.x(s.months().get(t).minusMonths(1)), previous);
                series.add(Plots.x(s.months().get(t).minusMonths(1)), v);
                previous = v;
            }
        }
        series.add(Plots.x(s.months().get(s.months().size() - 1)), previous);
        return series;
    }

    /**
     * Shares of the group's GDP and population still with Taipei, two panels over one time axis: the
     * mean share (a line) over the 50%, 80% and 95% bands of runs. The centre is the mean, not the
     * median: a share is a sum of a few states' shares, so its median jumps from one such sum to another
     * when the share of runs above one of them crosses one half (in the baseline, in the last two
     * months), which reads like an event though nothing happened; the mean moves smoothly.
     */
    public static Figure shares(SavedBatch batch, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        DateAxis time = Plots.yearAxis(style, null);
        Bands gdp = batch.gdpShare();
        Plots.range(time, gdp.months().get(0), gdp.months().get(gdp.last()));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        // Room between the panels for the tick labels of both, so they never touch.
        plot.setGap(style.tickFont().getSize2D() * 3);
        String[] labels = {"GDP with Taipei", "Population with Taipei"};
        Bands[] bands = {gdp, batch.populationShare()};
        for (int k = 0; k < 2; k++) {
            NumberAxis axis = new NumberAxis(labels[k]);
            axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
            axis.setRange(Math.max(0.0, Math.floor(min(bands[k].q025()) * 10) / 10), 1.0);
            axis.setStandardTickUnits(fractionUnits());
            style.axis(axis);
            XYPlot panel = Plots.bandPlot(style, bands[k], axis, time, false, true);
            plot.add(panel, 1);
        }
        plot.setFixedLegendItems(Plots.bandLegend(true));
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Share of the group's GDP and population with Taipei, " + batch.scenario() : null);
        return new Figure("shares", chart, width, width.inches() * 0.9);
    }

    /** Tick units for values in [0, 1]: 0.05, 0.1, 0.2, 0.25 or 0.5. */
    static TickUnits fractionUnits() {
        TickUnits units = new TickUnits();
        for (double step : new double[] {0.05, 0.1, 0.2, 0.25, 0.5}) {
            units.add(new NumberTickUnit(step, new java.text.DecimalFormat("0.0#",
                    java.text.DecimalFormatSymbols.getInstance(Locale.ROOT))));
        }
        return units;
    }

    static String month(YearMonth m) {
        return m.getMonth().getDisplayName(java.time.format.TextStyle.SHORT, Locale.ENGLISH) + " " + m.getYear();
    }

    static double min(double[] v) {
        double m = Double.POSITIVE_INFINITY;
        for (double x : v) {
            m = Math.min(m, x);
        }
        return m;
    }

    static double max(double[] v) {
        double m = Double.NEGATIVE_INFINITY;
        for (double x : v) {
            m = Math.max(m, x);
        }
        return m;
    }
}
