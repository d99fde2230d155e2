package ballast.output.chart;

import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Bars with an interval drawn across each bar's end (e.g. a 95% Wilson interval), which
 * JFreeChart's statistical renderer cannot draw because it assumes symmetric errors.
 */
final class IntervalBarRenderer extends BarRenderer {
    private static final long serialVersionUID = 1L;
    private final double[][] low;
    private final double[][] high;

    /** {@code low[series][row]} and {@code high[series][row]} in dataset order; NaN draws no interval. */
    IntervalBarRenderer(double[][] low, double[][] high) {
        this.low = low;
        this.high = high;
        ChartStyle.bars(this);
        setItemMargin(0.0);
        setMaximumBarWidth(0.7);
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
            CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        double lo = low[row][column];
        double hi = high[row][column];
        if (Double.isNaN(lo) || Double.isNaN(hi)) {
            return;
        }
        PlotOrientation orientation = plot.getOrientation();
        double w0 = calculateBarW0(plot, orientation, dataArea, domainAxis, state, row, column);
        double middle = w0 + state.getBarWidth() / 2.0;
        double cap = Math.min(state.getBarWidth() * 0.25, 2.5);
        RectangleEdge edge = plot.getRangeAxisEdge();
        double l = rangeAxis.valueToJava2D(lo, dataArea, edge);
        double h = rangeAxis.valueToJava2D(hi, dataArea, edge);
        g2.setPaint(ChartStyle.INK);
        g2.setStroke(ChartStyle.line(0.8f));
        if (orientation == PlotOrientation.HORIZONTAL) {
            g2.draw(new Line2D.Double(l, middle, h, middle));
            g2.draw(new Line2D.Double(l, middle - cap, l, middle + cap));
            g2.draw(new Line2D.Double(h, middle - cap, h, middle + cap));
        } else {
            g2.draw(new Line2D.Double(middle, l, middle, h));
            g2.draw(new Line2D.Double(middle - cap, l, middle + cap, l));
            g2.draw(new Line2D.Double(middle - cap, h, middle + cap, h));
        }
    }
}
