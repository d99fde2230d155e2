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
    /** How many of the most at-risk states the survival chart names; the rest are drawn muted. */
    public static final int HIGHLIGHTED = 4;

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
     * Survival curves: the share of runs in which each state still recognises Taipei, by month. The
     * {@link #HIGHLIGHTED} states with the lowest share at the horizon are drawn in black with line
     * styles of their own and named in the legend; the others are thin grey lines.
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
        int highlighted = Math.min(HIGHLIGHTED, order.size());

        XYSeriesCollection data = new XYSeriesCollection();
        // Steps as explicit corner points drawn as one path, so that dash patterns run along the line
        // instead of restarting at every monthly step.
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        LegendItemCollection legend = new LegendItemCollection();
        // Muted states first, so the highlighted lines are drawn over them.
        for (int k = order.size() - 1; k >= 0; k--) {
            int i = order.get(k);
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
            series.add(Plots.x(s.months().get(last)), previous);
            int n = data.getSeriesCount();
            data.addSeries(series);
            renderer.setSeriesShapesVisible(n, false);
            if (k < highlighted) {
                renderer.setSeriesPaint(n, ChartStyle.INK);
                renderer.setSeriesStroke(n, ChartStyle.lineStyle(k));
            } else {
                renderer.setSeriesPaint(n, ChartStyle.MUTED);
                renderer.setSeriesStroke(n, ChartStyle.line(0.7f));
            }
        }
        for (int k = 0; k < highlighted; k++) {
            legend.add(Plots.lineItem(s.names().get(order.get(k)), ChartStyle.lineStyle(k)));
        }
        if (order.size() > highlighted) {
            org.jfree.chart.LegendItem others = Plots.lineItem("Other allies", ChartStyle.line(0.7f));
            others.setLinePaint(ChartStyle.MUTED);
            legend.add(others);
        }
        NumberAxis share = new NumberAxis("Share of runs with Taipei");
        double low = 1.0;
        for (double[] row : s.share()) {
            for (double v : row) {
                low = Math.min(low, v);
            }
        }
        share.setRange(Math.max(0.0, Math.floor(low * 10) / 10), 1.005);
        share.setStandardTickUnits(fractionUnits());
        style.axis(share);
        DateAxis time = Plots.yearAxis(style, null);
        Plots.range(time, s.months().get(0), s.months().get(last));
        XYPlot plot = new XYPlot(data, time, share, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Survival of recognition, " + batch.scenario() : null);
        return new Figure("survival", chart, width, width.inches() * 0.66);
    }

    /** Shares of the group's GDP and population still with Taipei, two panels of bands over one time axis. */
    public static Figure shares(SavedBatch batch, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        DateAxis time = Plots.yearAxis(style, null);
        Bands gdp = batch.gdpShare();
        Plots.range(time, gdp.months().get(0), gdp.months().get(gdp.last()));
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14.0);
        String[] labels = {"GDP with Taipei", "Population with Taipei"};
        Bands[] bands = {gdp, batch.populationShare()};
        for (int k = 0; k < 2; k++) {
            NumberAxis axis = new NumberAxis(labels[k]);
            axis.setNumberFormatOverride(NumberFormat.getPercentInstance(Locale.ROOT));
            axis.setRange(Math.max(0.0, Math.floor(min(bands[k].q025()) * 10) / 10), 1.01);
            axis.setStandardTickUnits(fractionUnits());
            style.axis(axis);
            XYPlot panel = Plots.bandPlot(style, bands[k], axis, time, false);
            plot.add(panel, 1);
        }
        plot.setFixedLegendItems(Plots.bandLegend());
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
