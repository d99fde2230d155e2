package ballast.output.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Shape;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.text.SimpleDateFormat;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.TimeZone;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.DateAxis;
import org.jfree.chart.axis.DateTickUnit;
import org.jfree.chart.axis.DateTickUnitType;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.axis.TickUnits;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.DeviationRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;
import org.jfree.data.xy.YIntervalSeries;
import org.jfree.data.xy.YIntervalSeriesCollection;

/** Pieces shared by the charts: the time axis in years and the plot of quantile bands. */
final class Plots {
    static final String[] BAND_LABELS = {"95% of runs", "80% of runs", "50% of runs"};

    private Plots() {
    }

    /** Returns the time of the end of {@code month}, when the value of that month is observed. */
    static double x(YearMonth month) {
        return month.plusMonths(1).atDay(1).atStartOfDay().toInstant(ZoneOffset.UTC).toEpochMilli();
    }

    /** A time axis labelled in years (every 1, 2, 5 or 10 years, whichever fits), in UTC. */
    static DateAxis yearAxis(ChartStyle style, String label) {
        return yearAxis(style, label, new DateAxis(label));
    }

    /**
     * The same for a panel of small multiples: it leaves out a year whose label would reach further left
     * of the plot area than {@link EdgeAwareDateAxis#setLeftRoom the room there}.
     */
    static EdgeAwareDateAxis panelYearAxis(ChartStyle style) {
        return (EdgeAwareDateAxis) yearAxis(style, null, new EdgeAwareDateAxis());
    }

    private static DateAxis yearAxis(ChartStyle style, String label, DateAxis axis) {
        axis.setTimeZone(TimeZone.getTimeZone("UTC"));
        TickUnits units = new TickUnits();
        for (int years : new int[] {1, 2, 5, 10, 20, 50}) {
            SimpleDateFormat format = new SimpleDateFormat("yyyy");
            format.setTimeZone(TimeZone.getTimeZone("UTC"));
            units.add(new DateTickUnit(DateTickUnitType.YEAR, years, format));
        }
        axis.setStandardTickUnits(units);
        axis.setLowerMargin(0.0);
        axis.setUpperMargin(0.0);
        style.axis(axis);
        return axis;
    }

    /**
     * Fixes the year ticks of {@code axis} over {@code first} to {@code last}: every 1, 2, 5, 10, 20 or
     * 50 years, the smallest step with at most {@code maxTicks} ticks (for small panels, where the
     * automatic choice can leave a single tick).
     */
    static void yearTicks(DateAxis axis, YearMonth first, YearMonth last, int maxTicks) {
        for (int years : new int[] {1, 2, 5, 10, 20, 50}) {
            int ticks = 0;
            for (int y = first.getYear(); y <= last.getYear() + 1; y++) {
                YearMonth january = YearMonth.of(y, 1);
                if (y % years == 0 && !january.isBefore(first) && !january.isAfter(last)) {
                    ticks++;
                }
            }
            if (ticks <= maxTicks) {
                SimpleDateFormat format = new SimpleDateFormat("yyyy");
                format.setTimeZone(TimeZone.getTimeZone("UTC"));
                axis.setTickUnit(new DateTickUnit(DateTickUnitType.YEAR, years, format));
                return;
            }
        }
    }

    /** A date axis that drops the tick labels that would be cut at the left edge of its panel. */
    static final class EdgeAwareDateAxis extends DateAxis {
        private static final long serialVersionUID = 1L;
        private double leftRoom = Double.POSITIVE_INFINITY;

        /** Sets the room left of the plot area, in points, that a tick label may use. */
        void setLeftRoom(double points) {
            leftRoom = points;
        }

        @Override
        @SuppressWarnings({"rawtypes", "unchecked"})
        protected java.util.List refreshTicksHorizontal(java.awt.Graphics2D g2, java.awt.geom.Rectangle2D dataArea,
                org.jfree.chart.ui.RectangleEdge edge) {
            java.util.List ticks = new java.util.ArrayList(super.refreshTicksHorizontal(g2, dataArea, edge));
            java.awt.FontMetrics metrics = g2.getFontMetrics(getTickLabelFont());
            ticks.removeIf(t -> {
                org.jfree.chart.axis.ValueTick tick = (org.jfree.chart.axis.ValueTick) t;
                double x = valueToJava2D(tick.getValue(), dataArea, edge);
                double half = metrics.stringWidth(tick.getText()) / 2.0;
                return x - half < dataArea.getMinX() - leftRoom;
            });
            return ticks;
        }
    }

    /** Returns the whole-month range of {@code bands} for a time axis. */
    static void range(DateAxis axis, YearMonth first, YearMonth last) {
        axis.setRange(new Date((long) x(first.minusMonths(1))), new Date((long) x(last)));
    }

    /**
     * Returns a plot of {@code bands}: nested grey 95%, 80% and 50% bands and a black median line.
     * Integer quantities (ally counts) are drawn as steps.
     */
    static XYPlot bandPlot(ChartStyle style, Bands bands, NumberAxis valueAxis, DateAxis timeAxis, boolean steps) {
        return bandPlot(style, bands, valueAxis, timeAxis, steps, false);
    }

    /** The same, with the mean rather than the median as the black line if {@code mean}. */
    static XYPlot bandPlot(ChartStyle style, Bands bands, NumberAxis valueAxis, DateAxis timeAxis, boolean steps,
            boolean mean) {
        double[] centre = mean ? bands.mean() : bands.median();
        YIntervalSeriesCollection intervals = new YIntervalSeriesCollection();
        for (int level = 0; level < 3; level++) {
            YIntervalSeries s = new YIntervalSeries(BAND_LABELS[level], false, true);
            double[][] lh = bands.interval(level);
            for (int t = 0; t < bands.months().size(); t++) {
                double x = x(bands.months().get(t));
                if (steps) {
                    // A step: the value holds from the start of the month to its end.
                    s.add(x(bands.months().get(t).minusMonths(1)), bands.median()[t], lh[0][t], lh[1][t]);
                }
                s.add(x, bands.median()[t], lh[0][t], lh[1][t]);
            }
            intervals.addSeries(s);
        }
        DeviationRenderer bandRenderer = new DeviationRenderer(false, false);
        bandRenderer.setAlpha(1.0f);
        for (int level = 0; level < 3; level++) {
            bandRenderer.setSeriesFillPaint(level, ChartStyle.BANDS[level]);
            bandRenderer.setSeriesPaint(level, ChartStyle.BANDS[level]);
            bandRenderer.setSeriesStroke(level, new BasicStroke(0f));
        }
        XYSeriesCollection medianData = new XYSeriesCollection();
        XYSeries median = new XYSeries(mean ? "Mean" : "Median", false, true);
        for (int t = 0; t < bands.months().size(); t++) {
            if (!steps) {
                median.add(x(bands.months().get(t)), centre[t]);
            } else {
                median.add(x(bands.months().get(t).minusMonths(1)), centre[t]);
                median.add(x(bands.months().get(t)), centre[t]);
            }
        }
        medianData.addSeries(median);
        XYLineAndShapeRenderer medianRenderer = steps ? new XYStepRenderer() : new XYLineAndShapeRenderer(true, false);
        medianRenderer.setSeriesPaint(0, ChartStyle.INK);
        medianRenderer.setSeriesStroke(0, ChartStyle.line(1.3f));
        medianRenderer.setSeriesShapesVisible(0, false);

        XYPlot plot = new XYPlot(medianData, timeAxis, valueAxis, medianRenderer);
        plot.setDataset(1, intervals);
        plot.setRenderer(1, bandRenderer);
        plot.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
        // Dataset 0 (the median) is drawn last, over the bands.
        plot.setDatasetRenderingOrder(org.jfree.chart.plot.DatasetRenderingOrder.REVERSE);
        plot.setDomainGridlinesVisible(false);
        plot.setBackgroundPaint(Color.WHITE);
        plot.setFixedLegendItems(bandLegend(mean));
        return plot;
    }

    /** Legend: median line, then the bands from innermost to outermost. */
    static LegendItemCollection bandLegend() {
        return bandLegend(false);
    }

    /** Legend: median (or mean) line, then the bands from innermost to outermost. */
    static LegendItemCollection bandLegend(boolean mean) {
        LegendItemCollection items = new LegendItemCollection();
        items.add(lineItem(mean ? "Mean" : "Median", ChartStyle.line(1.3f)));
        for (int level = 2; level >= 0; level--) {
            items.add(boxItem(BAND_LABELS[level], ChartStyle.BANDS[level]));
        }
        return items;
    }

    static LegendItem lineItem(String label, java.awt.Stroke stroke) {
        Shape line = new Line2D.Double(-9, 0, 9, 0);
        LegendItem item = new LegendItem(label, null, null, null, false, new Rectangle2D.Double(), false,
                ChartStyle.INK, false, ChartStyle.INK, stroke, true, line, stroke, ChartStyle.INK);
        return item;
    }

    static LegendItem boxItem(String label, Color fill) {
        LegendItem item = new LegendItem(label, null, null, null, new Rectangle2D.Double(-5, -4, 10, 8), fill,
                ChartStyle.line(0.3f), ChartStyle.MUTED);
        return item;
    }
}
