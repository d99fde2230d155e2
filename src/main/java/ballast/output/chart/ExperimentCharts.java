package ballast.output.chart;

import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.annotations.XYTextAnnotation;
import org.jfree.chart.axis.AxisLocation;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.SymbolAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.GrayPaintScale;
import org.jfree.chart.renderer.xy.XYBlockRenderer;
import org.jfree.chart.title.PaintScaleLegend;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.DefaultXYZDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;

/**
 * Renderers for the experiments: a heat map of an output over a two-parameter sweep, and bars of
 * sensitivity indices (Sobol first- and total-order, or Morris mu* and sigma) with intervals.
 */
public final class ExperimentCharts {
    private ExperimentCharts() {
    }

    /**
     * An output over a grid of two parameters.
     *
     * @param xLabel name (and unit) of the first parameter
     * @param x its values, ascending
     * @param yLabel name of the second parameter
     * @param y its values, ascending
     * @param zLabel name of the output
     * @param z the output, {@code z[i][j]} at {@code x[i]}, {@code y[j]}
     */
    public record Grid(String xLabel, double[] x, String yLabel, double[] y, String zLabel, double[][] z) {
        public Grid {
            if (x.length == 0 || y.length == 0 || z.length != x.length) {
                throw new IllegalArgumentException("the grid needs z[x.length][y.length]");
            }
            for (double[] row : z) {
                if (row.length != y.length) {
                    throw new IllegalArgumentException("the grid needs z[x.length][y.length]");
                }
            }
        }
    }

    /**
     * An output against one parameter, with an interval at each value.
     *
     * @param xLabel name (and unit) of the parameter
     * @param x its values, ascending
     * @param yLabel name of the output
     * @param y the output at each value
     * @param low lower end of its 95% interval
     * @param high upper end
     */
    public record Curve(String xLabel, double[] x, String yLabel, double[] y, double[] low, double[] high) {
        public Curve {
            if (x.length == 0 || y.length != x.length || low.length != x.length || high.length != x.length) {
                throw new IllegalArgumentException("a curve needs one value and interval per point");
            }
        }
    }

    /**
     * Sensitivity indices per parameter for one output, in one or two measures, with intervals.
     *
     * @param output the output analysed, e.g. "allies at the horizon"
     * @param measures the measures, e.g. "First order (S1)" and "Total order (ST)"
     * @param parameters the parameters
     * @param value {@code value[measure][parameter]}
     * @param low lower end of each interval (NaN: none)
     * @param high upper end of each interval (NaN: none)
     * @param rankBy the measure that orders the parameters, most influential on top (Sobol: total
     *     order; Morris: mu*)
     */
    public record Indices(String output, List<String> measures, List<String> parameters, double[][] value,
            double[][] low, double[][] high, int rankBy) {
        public Indices {
            if (rankBy < 0 || rankBy >= measures.size()) {
                throw new IllegalArgumentException("rankBy must name one of the measures, got " + rankBy);
            }
            measures = List.copyOf(measures);
            parameters = List.copyOf(parameters);
            if (measures.isEmpty() || measures.size() > 2 || value.length != measures.size()
                    || low.length != value.length || high.length != value.length) {
                throw new IllegalArgumentException("one or two measures, each with values and intervals");
            }
            for (int m = 0; m < value.length; m++) {
                if (value[m].length != parameters.size() || low[m].length != parameters.size()
                        || high[m].length != parameters.size()) {
                    throw new IllegalArgumentException("one value and interval per parameter");
                }
            }
        }
    }

    /**
     * A heat map of {@code grid} in greys (darker = higher), each cell labelled with its value when
     * the grid is small enough to read them.
     */
    public static Figure heatMap(String name, Grid grid, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        int nx = grid.x().length;
        int ny = grid.y().length;
        DefaultXYZDataset data = new DefaultXYZDataset();
        double[][] series = new double[3][nx * ny];
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < nx; i++) {
            for (int j = 0; j < ny; j++) {
                int k = i * ny + j;
                series[0][k] = i;
                series[1][k] = j;
                series[2][k] = grid.z()[i][j];
                lo = Math.min(lo, grid.z()[i][j]);
                hi = Math.max(hi, grid.z()[i][j]);
            }
        }
        if (hi <= lo) {
            hi = lo + 1;
        }
        data.addSeries(grid.zLabel(), series);
        // Light for low values, dark for high; never pure black, so dark cells keep their labels.
        GrayPaintScale scale = new GrayPaintScale(lo, hi) {
            private static final long serialVersionUID = 1L;

            @Override
            public java.awt.Paint getPaint(double value) {
                double f = Math.max(0, Math.min(1, (value - getLowerBound()) / (getUpperBound() - getLowerBound())));
                int g = (int) Math.round(240 - f * 190);
                return new Color(g, g, g);
            }
        };
        XYBlockRenderer renderer = new XYBlockRenderer();
        renderer.setPaintScale(scale);
        SymbolAxis xAxis = new SymbolAxis(grid.xLabel(), labels(grid.x()));
        SymbolAxis yAxis = new SymbolAxis(grid.yLabel(), labels(grid.y()));
        for (SymbolAxis a : new SymbolAxis[] {xAxis, yAxis}) {
            a.setGridBandsVisible(false);
            style.axis(a);
        }
        xAxis.setRange(-0.5, nx - 0.5);
        yAxis.setRange(-0.5, ny - 0.5);
        XYPlot plot = new XYPlot(data, xAxis, yAxis, renderer);
        plot.setDomainGridlinesVisible(false);
        plot.setRangeGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(plot);
        chart.removeLegend();
        NumberAxis scaleAxis = new NumberAxis(grid.zLabel());
        style.axis(scaleAxis);
        scaleAxis.setRange(lo, hi);
        PaintScaleLegend legend = new PaintScaleLegend(scale, scaleAxis);
        legend.setPosition(RectangleEdge.RIGHT);
        legend.setAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        legend.setStripWidth(8);
        legend.setMargin(new RectangleInsets(4, 10, 4, 0));
        chart.addSubtitle(legend);
        style.apply(chart, titles ? grid.zLabel() + " by " + grid.xLabel() + " and " + grid.yLabel() : null);
        // Cell labels after the theme, which would repaint them all in one colour: white on dark cells.
        if (nx <= 12 && ny <= 12) {
            Font font = style.tickFont();
            double mid = (lo + hi) / 2;
            for (int i = 0; i < nx; i++) {
                for (int j = 0; j < ny; j++) {
                    XYTextAnnotation label = new XYTextAnnotation(ChartWriter.number(grid.z()[i][j], 2), i, j);
                    label.setFont(font);
                    label.setPaint(grid.z()[i][j] > mid ? Color.WHITE : ChartStyle.INK);
                    plot.addAnnotation(label);
                }
            }
        }
        return new Figure(name, chart, width, width.inches() * 0.7);
    }

    /**
     * A line through the values of {@code curve}, a dot at each point, and a grey band over the 95%
     * intervals: a sweep over one parameter.
     */
    public static Figure line(String name, Curve curve, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        YIntervalSeries band = new YIntervalSeries("95% interval of the mean", false, true);
        XYSeries values = new XYSeries(curve.yLabel(), false, true);
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < curve.x().length; i++) {
            double l = Double.isFinite(curve.low()[i]) ? curve.low()[i] : curve.y()[i];
            double h = Double.isFinite(curve.high()[i]) ? curve.high()[i] : curve.y()[i];
            band.add(curve.x()[i], curve.y()[i], l, h);
            values.add(curve.x()[i], curve.y()[i]);
            lo = Math.min(lo, l);
            hi = Math.max(hi, h);
        }
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(1.0f);
        bandRenderer.setSeriesFillPaint(0, ChartStyle.BANDS[1]);
        bandRenderer.setSeriesPaint(0, ChartStyle.BANDS[1]);
        bandRenderer.setSeriesStroke(0, new java.awt.BasicStroke(0f));
        XYLineAndShapeRenderer lineRenderer = new XYLineAndShapeRenderer(true, true);
        lineRenderer.setSeriesPaint(0, ChartStyle.INK);
        lineRenderer.setSeriesStroke(0, ChartStyle.line(1.2f));
        lineRenderer.setSeriesShape(0, new java.awt.geom.Ellipse2D.Double(-2, -2, 4, 4));
        NumberAxis xAxis = new NumberAxis(curve.xLabel());
        xAxis.setAutoRangeIncludesZero(false);
        xAxis.setStandardTickUnits(ChartStyle.signedTickUnits());
        double first = curve.x()[0];
        double span = Math.max(curve.x()[curve.x().length - 1] - first, 1e-9);
        // A little room at both ends, so the end points and their tick labels are not cut.
        xAxis.setRange(first - 0.03 * span, first + 1.03 * span);
        style.axis(xAxis);
        NumberAxis yAxis = new NumberAxis(curve.yLabel());
        yAxis.setStandardTickUnits(ChartStyle.signedTickUnits());
        double margin = Math.max(hi - lo, 1e-9) * 0.08;
        yAxis.setRange(lo - margin, hi + margin);
        yAxis.setAutoRangeIncludesZero(false);
        style.axis(yAxis);
        XYPlot plot = new XYPlot(new XYSeriesCollection(values), xAxis, yAxis, lineRenderer);
        YIntervalSeriesCollection bands = new YIntervalSeriesCollection();
        bands.addSeries(band);
        plot.setDataset(1, bands);
        plot.setRenderer(1, bandRenderer);
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.setDomainGridlinesVisible(false);
        org.jfree.chart.LegendItemCollection legend = new org.jfree.chart.LegendItemCollection();
        legend.add(Plots.lineItem("Mean", ChartStyle.line(1.2f)));
        legend.add(Plots.boxItem("95% interval of the mean", ChartStyle.BANDS[1]));
        plot.setFixedLegendItems(legend);
        JFreeChart chart = new JFreeChart(plot);
        style.apply(chart, titles ? curve.yLabel() + " by " + curve.xLabel() : null);
        return new Figure(name, chart, width, width.inches() * 0.62);
    }

    /**
     * Horizontal bars of sensitivity indices with their intervals, the most influential parameter (by
     * {@link Indices#rankBy}, e.g. total order or mu*) at the top.
     */
    public static Figure indices(String name, Indices indices, ChartWidth width, boolean titles) {
        ChartStyle style = ChartStyle.forWidth(width);
        int rank = indices.rankBy();
        List<Integer> order = new ArrayList<>();
        for (int p = 0; p < indices.parameters().size(); p++) {
            order.add(p);
        }
        order.sort(Comparator.<Integer>comparingDouble(p -> -indices.value()[rank][p])
                .thenComparing(p -> indices.parameters().get(p)));
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        int m = indices.measures().size();
        double[][] low = new double[m][order.size()];
        double[][] high = new double[m][order.size()];
        for (int k = 0; k < m; k++) {
            for (int r = 0; r < order.size(); r++) {
                int p = order.get(r);
                data.addValue(indices.value()[k][p], indices.measures().get(k), indices.parameters().get(p));
                low[k][r] = indices.low()[k][p];
                high[k][r] = indices.high()[k][p];
            }
        }
        CategoryAxis params = new CategoryAxis(null);
        style.axis(params);
        params.setTickMarksVisible(false);
        params.setCategoryMargin(0.3);
        params.setMaximumCategoryLabelWidthRatio(0.45f);
        NumberAxis axis = new NumberAxis("Sensitivity of " + indices.output());
        axis.setStandardTickUnits(ChartStyle.signedTickUnits());
        style.axis(axis);
        axis.setAutoRangeIncludesZero(true);
        // The axis spans the intervals too (auto-range sees only the bars), plus a margin.
        double lowest = 0;
        double highest = 0;
        for (int k = 0; k < m; k++) {
            for (int r = 0; r < order.size(); r++) {
                for (double v : new double[] {indices.value()[k][order.get(r)], low[k][r], high[k][r]}) {
                    if (Double.isFinite(v)) {
                        lowest = Math.min(lowest, v);
                        highest = Math.max(highest, v);
                    }
                }
            }
        }
        double margin = 0.04 * Math.max(highest - lowest, 1e-9);
        axis.setRange(lowest < 0 ? lowest - margin : 0, highest + margin);
        IntervalBarRenderer renderer = new IntervalBarRenderer(low, high);
        renderer.setSeriesPaint(0, ChartStyle.BAR_DARK);
        renderer.setSeriesPaint(1, ChartStyle.BANDS[1]);
        CategoryPlot plot = new CategoryPlot(data, params, axis, renderer);
        plot.setOrientation(PlotOrientation.HORIZONTAL);
        plot.setRangeAxisLocation(AxisLocation.BOTTOM_OR_RIGHT);
        plot.setDomainGridlinesVisible(false);
        JFreeChart chart = new JFreeChart(plot);
        if (m == 1) {
            chart.removeLegend();
        }
        style.apply(chart, titles ? "Sensitivity of " + indices.output() : null);
        double rowInches = (width.inches() < 5 ? 0.2 : 0.24) * Math.max(1, m * 0.8);
        return new Figure(name, chart, width, 0.8 + order.size() * rowInches);
    }

    private static String[] labels(double[] values) {
        String[] s = new String[values.length];
        for (int i = 0; i < values.length; i++) {
            s[i] = ChartWriter.number(values[i], 4);
        }
        return s;
    }
}
