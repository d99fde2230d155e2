package ballast.output.chart;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Shape;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.awt.geom.Rectangle2D;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.AbstractXYAnnotation;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The charts of a comparison of scenarios ({@link SavedCompare}): the mean allies at the horizon with
 * 95% intervals ({@code compare_horizon}), the mean allies by month ({@code compare_paths}) and, for a
 * paired comparison, each state's change in the probability of recognising Taipei against the
 * reference with its paired interval ({@code compare_states}).
 */
public final class CompareCharts {
    /** Marker size in points. */
    private static final double DOT = 5.0;

    private CompareCharts() {
    }

    /** Returns the charts of {@code compare}: two, or three for a paired comparison. */
    public static List<Figure> all(SavedCompare compare, ChartWidth width, boolean titles) {
        List<Figure> figures = new ArrayList<>(List.of(horizon(compare, width, titles), paths(compare, width,
                titles)));
        if (compare.reference() != null && !compare.states().isEmpty()) {
            figures.add(states(compare, width, titles));
        }
        return figures;
    }

    /**
     * Mean allies at each scenario's horizon, a dot with its 95% confidence interval, one row per
     * scenario in the order given, on an axis that spans the means (not the runs), so scenarios whose
     * medians are equal but whose means differ are told apart. The spread of runs is in the tables.
     */
    public static Figure horizon(SavedCompare compare, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        List<SavedCompare.Scenario> scenarios = compare.scenarios();
        int n = scenarios.size();
        SymbolAxis rows = rowAxis(style, scenarios.stream().map(SavedCompare.Scenario::label).toList());
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (SavedCompare.Scenario s : scenarios) {
            lo = Math.min(lo, Double.isFinite(s.low()) ? s.low() : s.mean());
            hi = Math.max(hi, Double.isFinite(s.high()) ? s.high() : s.mean());
        }
        double margin = Math.max((hi - lo) * 0.12, 0.02);
        YearMonth horizon = scenarios.get(0).horizon();
        boolean oneHorizon = scenarios.stream().allMatch(s -> s.horizon().equals(horizon));
        NumberAxis allies = new NumberAxis("Mean allies " + (oneHorizon ? "in " + BatchCharts.month(horizon)
                : "at each horizon") + ", 95% CI");
        allies.setAutoRangeIncludesZero(false);
        allies.setRange(lo - margin, hi + margin);
        style.axis(allies);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), allies, rows, new XYLineAndShapeRenderer(false, false));
        for (int i = 0; i < n; i++) {
            SavedCompare.Scenario s = scenarios.get(i);
            plot.addAnnotation(new Estimate(s.mean(), s.low(), s.high(), n - 1 - i, Marker.FILLED_CIRCLE));
        }
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(false);
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(Marker.FILLED_CIRCLE.legend("Mean, with its 95% confidence interval"));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Mean allies of Taipei at the horizon by scenario" : null);
        return new Figure("compare_horizon", chart, width, 0.8 + n * (width.inches() < 5 ? 0.26 : 0.32));
    }

    /** The mean number of allies by month of each scenario, one line style each. */
    public static Figure paths(SavedCompare compare, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        renderer.setDrawSeriesLineAsPath(true);
        LegendItemCollection legend = new LegendItemCollection();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        YearMonth first = null;
        YearMonth last = null;
        List<SavedCompare.Scenario> scenarios = compare.scenarios();
        for (int i = 0; i < scenarios.size(); i++) {
            Bands a = scenarios.get(i).paths();
            XYSeries s = new XYSeries(scenarios.get(i).label(), false, true);
            for (int t = 0; t < a.months().size(); t++) {
                s.add(Plots.x(a.months().get(t)), a.mean()[t]);
                lo = Math.min(lo, a.mean()[t]);
                hi = Math.max(hi, a.mean()[t]);
            }
            data.addSeries(s);
            renderer.setSeriesPaint(i, ChartStyle.INK);
            renderer.setSeriesStroke(i, ChartStyle.lineStyle(i));
            legend.add(Plots.lineItem(scenarios.get(i).label(), ChartStyle.lineStyle(i)));
            first = first == null || a.months().get(0).isBefore(first) ? a.months().get(0) : first;
            last = last == null || a.months().get(a.last()).isAfter(last) ? a.months().get(a.last()) : last;
        }
        NumberAxis allies = new NumberAxis("Mean allies of Taipei");
        allies.setAutoRangeIncludesZero(false);
        double margin = Math.max((hi - lo) * 0.05, 0.05);
        allies.setRange(lo - margin, hi + margin);
        style.axis(allies);
        DateAxis time = Plots.yearAxis(style, null);
        Plots.range(time, first, last);
        XYPlot plot = new XYPlot(data, time, allies, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Mean allies of Taipei by scenario" : null);
        return new Figure("compare_paths", chart, width, width.inches() * 0.62);
    }

    /**
     * A dot chart: per state (rows, the largest loss in the first scenario compared at the top) the
     * change in the probability of recognising Taipei at the horizon against the reference, one marker
     * per scenario with its paired 95% interval, and a line at zero.
     */
    public static Figure states(SavedCompare compare, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        Map<String, List<SavedCompare.StateChange>> byScenario = new LinkedHashMap<>();
        for (SavedCompare.StateChange c : compare.states()) {
            byScenario.computeIfAbsent(c.scenario(), k -> new ArrayList<>()).add(c);
        }
        List<String> scenarios = new ArrayList<>(byScenario.keySet());
        List<SavedCompare.StateChange> firstScenario = byScenario.get(scenarios.get(0));
        List<String> codes = new ArrayList<>(firstScenario.stream().map(SavedCompare.StateChange::code).toList());
        Map<String, String> names = new LinkedHashMap<>();
        Map<String, Double> sortKey = new LinkedHashMap<>();
        for (SavedCompare.StateChange c : firstScenario) {
            names.put(c.code(), c.name());
            sortKey.put(c.code(), c.change());
        }
        codes.sort(Comparator.<String>comparingDouble(sortKey::get).thenComparing(names::get));
        int n = codes.size();
        SymbolAxis rows = rowAxis(style, codes.stream().map(names::get).toList());
        double lo = 0;
        double hi = 0;
        for (SavedCompare.StateChange c : compare.states()) {
            lo = Math.min(lo, c.low());
            hi = Math.max(hi, c.high());
        }
        double margin = Math.max((hi - lo) * 0.06, 0.005);
        YearMonth horizon = compare.scenarios().get(0).horizon();
        NumberAxis change = new NumberAxis(width.inches() < 5 ? "Change in P(with Taipei)"
                : "Change in P(with Taipei in " + BatchCharts.month(horizon) + ") against " + compare.reference());
        change.setAutoRangeIncludesZero(true);
        change.setRange(lo - margin, hi + margin);
        change.setNumberFormatOverride(ChartStyle.signedFormat("0.00"));
        style.axis(change);
        XYPlot plot = new XYPlot(new XYSeriesCollection(), change, rows, new XYLineAndShapeRenderer(false, false));
        // The zero line is the reference: named at its top.
        ValueMarker zero = new ValueMarker(0, ChartStyle.INK, ChartStyle.line(0.7f));
        zero.setLabel(compare.reference());
        zero.setLabelFont(style.tickFont());
        zero.setLabelPaint(ChartStyle.INK);
        zero.setLabelBackgroundColor(Color.WHITE);
        zero.setLabelAnchor(org.jfree.chart.ui.RectangleAnchor.TOP_RIGHT);
        zero.setLabelTextAnchor(org.jfree.chart.ui.TextAnchor.TOP_LEFT);
        zero.setLabelOffset(new org.jfree.chart.ui.RectangleInsets(1, 2, 1, 2));
        plot.addDomainMarker(zero);
        int k = scenarios.size();
        // Markers of one state sit side by side within its row, the first scenario on top.
        double step = k == 1 ? 0 : Math.min(0.22, 0.7 / (k - 1));
        LegendItemCollection legend = new LegendItemCollection();
        for (int s = 0; s < k; s++) {
            Marker marker = Marker.of(s);
            double offset = ((k - 1) / 2.0 - s) * step;
            for (SavedCompare.StateChange c : byScenario.get(scenarios.get(s))) {
                int row = codes.indexOf(c.code());
                if (row >= 0) {
                    plot.addAnnotation(new Estimate(c.change(), c.low(), c.high(), n - 1 - row + offset, marker));
                }
            }
            legend.add(marker.legend(scenarios.get(s)));
        }
        plot.setDomainGridlinesVisible(true);
        plot.setRangeGridlinesVisible(false);
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? "Change in each state's probability of recognising Taipei" : null);
        double rowInches = (width.inches() < 5 ? 0.2 : 0.24) * Math.max(1, 0.45 * k + 0.1);
        return new Figure("compare_states", chart, width, 0.8 + n * rowInches);
    }

    /** An axis of named rows, the first at the top. */
    private static SymbolAxis rowAxis(ChartStyle style, List<String> labels) {
        int n = labels.size();
        String[] names = new String[n];
        for (int i = 0; i < n; i++) {
            names[n - 1 - i] = labels.get(i);
        }
        SymbolAxis rows = new SymbolAxis(null, names);
        rows.setGridBandsVisible(false);
        rows.setRange(-0.6, n - 0.4);
        style.axis(rows);
        rows.setTickMarksVisible(false);
        return rows;
    }

    /** Marker shapes that stay apart in greyscale: filled and hollow circles, triangles, squares. */
    enum Marker {
        FILLED_CIRCLE(true), HOLLOW_CIRCLE(false), FILLED_TRIANGLE(true), HOLLOW_SQUARE(false), FILLED_DIAMOND(true),
        HOLLOW_TRIANGLE(false);

        private final boolean filled;

        Marker(boolean filled) {
            this.filled = filled;
        }

        static Marker of(int i) {
            return values()[i % values().length];
        }

        /** Returns the marker's outline, {@code size} points across, centred on (x, y). */
        Shape shape(double x, double y, double size) {
            double r = size / 2;
            return switch (this) {
                case FILLED_CIRCLE, HOLLOW_CIRCLE -> new Ellipse2D.Double(x - r, y - r, size, size);
                case HOLLOW_SQUARE -> new Rectangle2D.Double(x - r * 0.9, y - r * 0.9, size * 0.9, size * 0.9);
                case FILLED_DIAMOND -> polygon(x, y - r * 1.2, x + r, y, x, y + r * 1.2, x - r, y);
                default -> polygon(x, y - r * 1.15, x + r * 1.1, y + r * 0.8, x - r * 1.1, y + r * 0.8);
            };
        }

        void draw(Graphics2D g2, double x, double y) {
            Shape s = shape(x, y, DOT);
            g2.setPaint(filled ? ChartStyle.INK : Color.WHITE);
            g2.fill(s);
            g2.setPaint(ChartStyle.INK);
            g2.setStroke(ChartStyle.line(1.0f));
            g2.draw(s);
        }

        LegendItem legend(String label) {
            return new LegendItem(label, null, null, null, shape(0, 0, DOT), filled ? ChartStyle.INK : Color.WHITE,
                    ChartStyle.line(1.0f), ChartStyle.INK);
        }

        private static Shape polygon(double... xy) {
            Path2D.Double p = new Path2D.Double();
            p.moveTo(xy[0], xy[1]);
            for (int i = 2; i < xy.length; i += 2) {
                p.lineTo(xy[i], xy[i + 1]);
            }
            p.closePath();
            return p;
        }
    }

    /**
     * An estimate with its interval at row {@code y}: a horizontal line from {@code low} to
     * {@code high} with short end caps, and a marker at {@code value}, a fixed size in points wherever
     * the axes put it. A NaN interval draws the marker only.
     */
    static final class Estimate extends AbstractXYAnnotation {
        private static final long serialVersionUID = 1L;
        private final double value;
        private final double low;
        private final double high;
        private final double y;
        private final Marker marker;

        Estimate(double value, double low, double high, double y, Marker marker) {
            this.value = value;
            this.low = low;
            this.high = high;
            this.y = y;
            this.marker = marker;
        }

        /** Returns where the marker sits: {value, row}. */
        double[] position() {
            return new double[] {value, y};
        }

        @Override
        public void draw(Graphics2D g2, XYPlot plot, Rectangle2D area, ValueAxis domainAxis, ValueAxis rangeAxis,
                int index, PlotRenderingInfo info) {
            RectangleEdge xEdge = plot.getDomainAxisEdge();
            double py = rangeAxis.valueToJava2D(y, area, plot.getRangeAxisEdge());
            if (Double.isFinite(low) && Double.isFinite(high)) {
                double l = domainAxis.valueToJava2D(low, area, xEdge);
                double h = domainAxis.valueToJava2D(high, area, xEdge);
                g2.setPaint(ChartStyle.INK);
                g2.setStroke(ChartStyle.line(0.9f));
                g2.draw(new Line2D.Double(l, py, h, py));
                g2.draw(new Line2D.Double(l, py - 1.5, l, py + 1.5));
                g2.draw(new Line2D.Double(h, py - 1.5, h, py + 1.5));
            }
            marker.draw(g2, domainAxis.valueToJava2D(value, area, xEdge), py);
        }
    }
}
