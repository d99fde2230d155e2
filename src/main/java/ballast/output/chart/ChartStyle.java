package ballast.output.chart;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Stroke;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.StandardChartTheme;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.title.LegendTitle;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.chart.ui.RectangleInsets;

/**
 * The look of every Ballast chart: one embedded font at print sizes, greys that survive
 * black-and-white printing, no backgrounds, borders or shadows, and a title only when asked for.
 *
 * <p>The font is Liberation Sans (metric-compatible with Arial, SIL Open Font License), read from
 * the copy inside PDFBox, so PNG, SVG and PDF use the same glyphs on every machine and the PDF can
 * embed it.
 */
public final class ChartStyle {
    /** Where PDFBox keeps its copy of Liberation Sans. */
    static final String FONT_RESOURCE = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";
    /** The font's name, under which the PDF writer embeds it. */
    static final String FONT_NAME = "Liberation Sans";

    static final Color INK = new Color(0x1A, 0x1A, 0x1A);
    static final Color GRID = new Color(0xE3, 0xE3, 0xE3);
    /** Band fills, outermost to innermost: 95%, 80%, 50% of runs. */
    static final Color[] BANDS = {new Color(0xE6, 0xE6, 0xE6), new Color(0xC2, 0xC2, 0xC2),
        new Color(0x8F, 0x8F, 0x8F)};
    static final Color BAR = new Color(0xA6, 0xA6, 0xA6);
    static final Color BAR_DARK = new Color(0x4D, 0x4D, 0x4D);
    static final Color MUTED = new Color(0xB8, 0xB8, 0xB8);

    private static final Font BASE = loadFont();

    static {
        // JFreeChart draws rotated text (the vertical axis labels) as glyph outlines by default, a
        // workaround for an old JDK bug. Outlines are not text: a PDF reader could not search or copy
        // them and an SVG would carry paths. Draw them as text. (A JFreeChart-wide switch; Ballast
        // sets it the same way everywhere.)
        org.jfree.chart.text.TextUtils.setUseDrawRotatedStringWorkaround(false);
    }

    private final float tickPoints;
    private final float labelPoints;

    private ChartStyle(float tickPoints, float labelPoints) {
        this.tickPoints = tickPoints;
        this.labelPoints = labelPoints;
    }

    /** Returns the style for a chart printed {@code width} wide: 7 pt ticks in a column, 8.5 pt at full width. */
    public static ChartStyle forWidth(ChartWidth width) {
        float tick = width.inches() < 5 ? 7f : 8.5f;
        return new ChartStyle(tick, tick + 1f);
    }

    private static Font loadFont() {
        try (InputStream in = ChartStyle.class.getResourceAsStream(FONT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("PDFBox's copy of Liberation Sans is missing from the class path");
            }
            return Font.createFont(Font.TRUETYPE_FONT, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (FontFormatException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Returns the chart font at {@code points}. */
    static Font font(float points) {
        return BASE.deriveFont(Font.PLAIN, points);
    }

    Font tickFont() {
        return font(tickPoints);
    }

    Font labelFont() {
        return font(labelPoints);
    }

    /**
     * Returns a number format for tick labels with a true minus sign (U+2212), which is longer than a
     * hyphen and reads as one in print.
     */
    static java.text.NumberFormat signedFormat(String pattern) {
        java.text.DecimalFormatSymbols symbols = java.text.DecimalFormatSymbols.getInstance(java.util.Locale.ROOT);
        symbols.setMinusSign('\u2212');
        return new java.text.DecimalFormat(pattern, symbols);
    }

    /**
     * Returns tick units for a numeric axis, as JFreeChart's standard ones (steps of 1, 2.5 and 5 times
     * a power of ten) but written with a true minus sign, for axes that can show negative values.
     */
    static org.jfree.chart.axis.TickUnits signedTickUnits() {
        org.jfree.chart.axis.TickUnits units = new org.jfree.chart.axis.TickUnits();
        for (int exponent = -6; exponent <= 9; exponent++) {
            for (double m : new double[] {1, 2.5, 5}) {
                double step = m * Math.pow(10, exponent);
                int decimals = Math.max(0, -exponent + (m == 2.5 ? 1 : 0));
                units.add(new org.jfree.chart.axis.NumberTickUnit(step, signedFormat(decimals == 0 ? "#,##0"
                        : "0." + "0".repeat(decimals))));
            }
        }
        return units;
    }

    /** Returns a solid line of {@code width} points. */
    static Stroke line(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND);
    }

    /** Returns a dashed line; {@code dash} alternates on and off lengths in points. */
    static Stroke dashed(float width, float... dash) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10f, dash, 0f);
    }

    /** Line styles that stay distinguishable in greyscale, in order of use. */
    static Stroke lineStyle(int i) {
        return switch (i % 5) {
            case 0 -> line(1.4f);
            case 1 -> dashed(1.4f, 5f, 2.5f);
            case 2 -> dashed(1.4f, 1.2f, 2f);
            case 3 -> dashed(1.4f, 6f, 2f, 1.2f, 2f);
            default -> dashed(1.0f, 10f, 3f);
        };
    }

    /** Applies the style to a built chart; {@code title} may be null (the usual case: papers caption figures). */
    void apply(JFreeChart chart, String title) {
        StandardChartTheme theme = new StandardChartTheme("Ballast", false);
        theme.setExtraLargeFont(font(labelPoints + 1.5f));
        theme.setLargeFont(labelFont());
        theme.setRegularFont(tickFont());
        theme.setSmallFont(tickFont());
        theme.setTitlePaint(INK);
        theme.setSubtitlePaint(INK);
        theme.setLegendItemPaint(INK);
        theme.setAxisLabelPaint(INK);
        theme.setTickLabelPaint(INK);
        theme.setChartBackgroundPaint(Color.WHITE);
        theme.setPlotBackgroundPaint(Color.WHITE);
        theme.setLegendBackgroundPaint(Color.WHITE);
        theme.setPlotOutlinePaint(Color.WHITE);
        theme.setShadowVisible(false);
        theme.setBarPainter(new StandardBarPainter());
        theme.setXYBarPainter(new StandardXYBarPainter());
        theme.setAxisOffset(RectangleInsets.ZERO_INSETS);
        // The theme clears the series paints and strokes of renderers that populate their own;
        // every Ballast renderer sets its own, so keep them.
        keepSeriesStyles(chart.getPlot());
        theme.apply(chart);
        gridlines(chart.getPlot());

        chart.setAntiAlias(true);
        chart.setTextAntiAlias(true);
        chart.setBorderVisible(false);
        chart.setPadding(new RectangleInsets(4, 2, 2, 6));
        Plot plot = chart.getPlot();
        plot.setOutlineVisible(false);
        plot.setInsets(new RectangleInsets(2, 2, 2, 2));
        LegendTitle legend = chart.getLegend();
        if (legend != null) {
            legend.setFrame(BlockBorder.NONE);
            legend.setPosition(RectangleEdge.BOTTOM);
            legend.setItemFont(tickFont());
            legend.setMargin(new RectangleInsets(4, 0, 0, 0));
        }
        if (title != null && !title.isBlank()) {
            chart.setTitle(title);
            chart.getTitle().setFont(font(labelPoints + 1.5f));
            chart.getTitle().setPaint(INK);
        } else {
            chart.setTitle((String) null);
        }
    }

    /** Returns {@code plot} and, for a combined plot, its subplots. */
    private static java.util.List<Plot> plots(Plot plot) {
        java.util.List<Plot> all = new java.util.ArrayList<>(java.util.List.of(plot));
        if (plot instanceof org.jfree.chart.plot.CombinedDomainXYPlot combined) {
            for (Object sub : combined.getSubplots()) {
                all.addAll(plots((Plot) sub));
            }
        }
        return all;
    }

    private static void keepSeriesStyles(Plot root) {
        for (Plot plot : plots(root)) {
            if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
                for (int i = 0; i < xy.getRendererCount(); i++) {
                    keep(xy.getRenderer(i));
                }
            }
            if (plot instanceof org.jfree.chart.plot.CategoryPlot cp) {
                for (int i = 0; i < cp.getRendererCount(); i++) {
                    keep(cp.getRenderer(i));
                }
            }
        }
    }

    /** Thin solid light-grey gridlines on every plot and subplot (JFreeChart's default is dashed). */
    private static void gridlines(Plot root) {
        for (Plot plot : plots(root)) {
            if (plot instanceof org.jfree.chart.plot.XYPlot xy) {
                xy.setDomainGridlinePaint(GRID);
                xy.setRangeGridlinePaint(GRID);
                xy.setDomainGridlineStroke(line(0.4f));
                xy.setRangeGridlineStroke(line(0.4f));
            }
            if (plot instanceof org.jfree.chart.plot.CategoryPlot cp) {
                cp.setDomainGridlinePaint(GRID);
                cp.setRangeGridlinePaint(GRID);
                cp.setDomainGridlineStroke(line(0.4f));
                cp.setRangeGridlineStroke(line(0.4f));
            }
        }
    }

    private static void keep(Object renderer) {
        if (renderer instanceof org.jfree.chart.renderer.AbstractRenderer r) {
            r.setAutoPopulateSeriesPaint(false);
            r.setAutoPopulateSeriesStroke(false);
            r.setAutoPopulateSeriesFillPaint(false);
            r.setAutoPopulateSeriesOutlinePaint(false);
            r.setAutoPopulateSeriesOutlineStroke(false);
            r.setAutoPopulateSeriesShape(false);
        }
    }

    /** Styles an axis after the theme: thin axis line, ticks outside, our fonts. */
    void axis(Axis axis) {
        axis.setLabelFont(labelFont());
        axis.setTickLabelFont(tickFont());
        axis.setLabelPaint(INK);
        axis.setTickLabelPaint(INK);
        axis.setAxisLinePaint(INK);
        axis.setAxisLineStroke(line(0.6f));
        axis.setTickMarkPaint(INK);
        axis.setTickMarkStroke(line(0.6f));
        axis.setTickMarkOutsideLength(2.5f);
        axis.setTickMarkInsideLength(0f);
    }

    /** Styles a bar renderer: flat grey bars with a thin dark outline. */
    static void bars(BarRenderer renderer) {
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        renderer.setDrawBarOutline(true);
        renderer.setDefaultOutlinePaint(INK);
        renderer.setDefaultOutlineStroke(line(0.4f));
    }
}
