package ballast.output.chart;

import org.jfree.chart.JFreeChart;

/**
 * A chart ready to write: its file name (without extension), the chart, and its printed size.
 *
 * @param name file name without extension, e.g. {@code allies_fan}
 * @param chart the styled chart
 * @param width printed width
 * @param heightInches printed height in inches
 */
public record Figure(String name, JFreeChart chart, ChartWidth width, double heightInches) {
    public Figure {
        if (!name.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("figure name must be lower-case letters, digits and _: " + name);
        }
        if (!(heightInches > 0)) {
            throw new IllegalArgumentException("figure height must be positive, got " + heightInches);
        }
    }

    /** Returns the height in points. */
    public double heightPoints() {
        return heightInches * 72.0;
    }
}
