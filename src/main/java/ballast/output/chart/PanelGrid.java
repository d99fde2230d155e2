package ballast.output.chart;

import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Point2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.PlotRenderingInfo;
import org.jfree.chart.plot.PlotState;

/**
 * Small multiples: a plot that draws several charts in a grid of equal cells, row by row, with one
 * axis label shared by the rows at the left. The panels are ordinary charts; to line up, they should
 * fix their axis space ({@code XYPlot.setFixedRangeAxisSpace}, {@code setFixedDomainAxisSpace}).
 */
final class PanelGrid extends Plot {
    private static final long serialVersionUID = 1L;
    private final List<JFreeChart> panels;
    private final int columns;
    private final String valueLabel;
    private final Font labelFont;

    /**
     * @param panels the charts, row by row
     * @param columns panels per row
     * @param valueLabel the label of every panel's vertical axis, drawn once at the left
     * @param labelFont its font
     */
    PanelGrid(List<JFreeChart> panels, int columns, String valueLabel, Font labelFont) {
        this.panels = List.copyOf(panels);
        this.columns = columns;
        this.valueLabel = valueLabel;
        this.labelFont = labelFont;
    }

    /** Returns the number of rows of panels. */
    int rows() {
        return (panels.size() + columns - 1) / columns;
    }

    @Override
    public String getPlotType() {
        return "Panels";
    }

    @Override
    public void draw(Graphics2D g2, Rectangle2D area, Point2D anchor, PlotState parentState, PlotRenderingInfo info) {
        double labelWidth = labelFont.getSize2D() * 1.6;
        g2.setFont(labelFont);
        g2.setPaint(ChartStyle.INK);
        float textWidth = (float) g2.getFontMetrics().getStringBounds(valueLabel, g2).getWidth();
        AffineTransform saved = g2.getTransform();
        g2.translate(area.getX() + labelFont.getSize2D(), area.getCenterY() + textWidth / 2);
        g2.rotate(-Math.PI / 2);
        g2.drawString(valueLabel, 0f, 0f);
        g2.setTransform(saved);

        double cellWidth = (area.getWidth() - labelWidth) / columns;
        double cellHeight = area.getHeight() / rows();
        for (int i = 0; i < panels.size(); i++) {
            int row = i / columns;
            int column = i % columns;
            Rectangle2D cell = new Rectangle2D.Double(area.getX() + labelWidth + column * cellWidth,
                    area.getY() + row * cellHeight, cellWidth, cellHeight);
            panels.get(i).draw(g2, cell);
        }
    }
}
