package ballast.output.chart;

import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisSpace;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;
import org.jfree.chart.plot.XYPlot;

/**
 * Small multiples: a plot that draws several XY charts in a grid, row by row, each under its title,
 * with one label for the vertical axes at the left. Only the panels of the first column show the
 * vertical tick labels and only the lowest panel of each column the horizontal ones; the grid gives
 * those panels the extra room, so every plot area has the same size and the panels line up. Titles wrap
 * to their cell's width, and every row keeps room for as many lines as the longest title needs.
 */
final class PanelGrid extends Plot {
    private static final long serialVersionUID = 1L;
    /** Room for the tick marks of a panel's axes without labels, in points. */
    private static final double TICKS = 3;
    /** Space above a panel's plot area and right of it, in points. */
    private static final double PAD_TOP = 2;
    private static final double PAD_RIGHT = 6;

    private final List<JFreeChart> panels;
    private final List<String> titles;
    private final int columns;
    private final String valueLabel;
    private final Font labelFont;
    private final Font titleFont;
    private final double leftSpace;
    private final double bottomSpace;

    /**
     * Lays out {@code panels} (charts of one {@link XYPlot} each, styled) {@code columns} to a row.
     *
     * @param titles their titles
     * @param valueLabel the label of every panel's vertical axis, drawn once at the left
     * @param labelFont its font
     * @param titleFont the titles' font
     * @param leftSpace room for the vertical tick labels, in points
     * @param bottomSpace room for the horizontal tick labels, in points
     */
    PanelGrid(List<JFreeChart> panels, List<String> titles, int columns, String valueLabel, Font labelFont,
            Font titleFont, double leftSpace, double bottomSpace) {
        if (titles.size() != panels.size() || panels.isEmpty()) {
            throw new IllegalArgumentException("one title per panel, and at least one panel");
        }
        this.panels = List.copyOf(panels);
        this.titles = List.copyOf(titles);
        this.columns = columns;
        this.valueLabel = valueLabel;
        this.labelFont = labelFont;
        this.titleFont = titleFont;
        this.leftSpace = leftSpace;
        this.bottomSpace = bottomSpace;
        for (int i = 0; i < panels.size(); i++) {
            XYPlot plot = (XYPlot) panels.get(i).getPlot();
            boolean first = i % columns == 0;
            boolean lowest = i + columns >= panels.size();
            AxisSpace left = new AxisSpace();
            left.setLeft(first ? leftSpace : TICKS);
            AxisSpace bottom = new AxisSpace();
            bottom.setBottom(lowest ? bottomSpace : TICKS);
            plot.setFixedRangeAxisSpace(left);
            plot.setFixedDomainAxisSpace(bottom);
            plot.getRangeAxis().setTickLabelsVisible(first);
            plot.getDomainAxis().setTickLabelsVisible(lowest);
            if (plot.getDomainAxis() instanceof Plots.EdgeAwareDateAxis time) {
                time.setLeftRoom(first ? leftSpace : TICKS);
            }
            panels.get(i).setPadding(new org.jfree.chart.ui.RectangleInsets(PAD_TOP, 0, 0, PAD_RIGHT));
        }
    }

    int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    private double labelWidth() {
        return labelFont.getSize2D() * 1.6;
    }

    /** Returns the width of every plot area in a grid {@code width} points wide. */
    private double panelWidth(double width) {
        return (width - labelWidth() - leftSpace - (columns - 1) * TICKS) / columns - PAD_RIGHT;
    }

    /** Returns the room left of the plot area of a panel in {@code column}. */
    private double leftOf(int column) {
        return column == 0 ? leftSpace : TICKS;
    }

    /** Returns the titles wrapped to their cells. */
    private List<List<String>> wrapped(double width, Graphics2D g2) {
        g2.setFont(titleFont);
        FontMetrics metrics = g2.getFontMetrics();
        List<List<String>> all = new ArrayList<>();
        for (int i = 0; i < titles.size(); i++) {
            double room = leftOf(i % columns) + panelWidth(width) + PAD_RIGHT;
            List<String> lines = new ArrayList<>();
            String line = "";
            for (String word : titles.get(i).split(" ")) {
                String longer = line.isEmpty() ? word : line + " " + word;
                if (!line.isEmpty() && metrics.getStringBounds(longer, g2).getWidth() > room) {
                    lines.add(line);
                    line = word;
                } else {
                    line = longer;
                }
            }
            lines.add(line);
            all.add(lines);
        }
        return all;
    }

    private double lineHeight() {
        return titleFont.getSize2D() * 1.15;
    }

    private double titleHeight(List<List<String>> wrapped) {
        int lines = wrapped.stream().mapToInt(List::size).max().orElse(1);
        return lines * lineHeight() + titleFont.getSize2D() * 0.35;
    }

    /**
     * Returns the height in points of a grid {@code width} points wide whose plot areas are
     * {@code aspect} times as high as they are wide.
     */
    double height(double width, double aspect) {
        Graphics2D g2 = new BufferedImage(1, 1, BufferedImage.TYPE_INT_RGB).createGraphics();
        try {
            double title = titleHeight(wrapped(width, g2));
            return rows() * (title + PAD_TOP + panelWidth(width) * aspect + TICKS) + bottomSpace - TICKS;
        } finally {
            g2.dispose();
        }
    }

    @Override
    public String getPlotType() {
        return "Panels";
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        g2.setFont(labelFont);
        g2.setPaint(ChartStyle.INK);
        float textWidth = (float) g2.getFontMetrics().getStringBounds(valueLabel, g2).getWidth();
        AffineTransform saved = g2.getTransform();
        g2.translate(area.getX() + labelFont.getSize2D(), area.getCenterY() + textWidth / 2);
        g2.rotate(-Math.PI / 2);
        g2.drawString(valueLabel, 0f, 0f);
        g2.setTransform(saved);

        List<List<String>> wrapped = wrapped(area.getWidth(), g2);
        double title = titleHeight(wrapped);
        double pw = panelWidth(area.getWidth());
        double ph = (area.getHeight() - bottomSpace + TICKS) / rows() - title - PAD_TOP - TICKS;
        g2.setFont(titleFont);
        FontMetrics metrics = g2.getFontMetrics();
        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            double x = area.getX() + labelWidth();
            for (int c = 0; c < column; c++) {
                x += leftOf(c) + pw + PAD_RIGHT;
            }
            double y = area.getY() + row * (title + PAD_TOP + ph + TICKS);
            g2.setFont(titleFont);
            g2.setPaint(ChartStyle.INK);
            double baseline = y + metrics.getAscent();
            for (String line : wrapped.get(i)) {
                g2.drawString(line, (float) x, (float) baseline);
                baseline += lineHeight();
            }
            double bottom = i + columns >= panels.size() ? bottomSpace : TICKS;
            panels.get(i).draw(g2, new Rectangle2D.Double(x, y + title, leftOf(column) + pw + PAD_RIGHT,
                    PAD_TOP + ph + bottom));
        }
    }
}
