package ballast.output.chart;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The printed width of a chart, in inches: 3.5 in is a journal column, 7 in the full text width.
 *
 * @param inches width in inches, between {@link #MIN_INCHES} and {@link #MAX_INCHES}
 */
public record ChartWidth(double inches) {
    public static final double MIN_INCHES = 2.0;
    public static final double MAX_INCHES = 20.0;
    /** Full text width of a journal page. */
    public static final ChartWidth FULL = new ChartWidth(7.0);
    private static final Pattern SYNTAX = Pattern.compile("(\\d+(?:\\.\\d+)?)\\s*(in|cm|mm|pt)");

    public ChartWidth {
        if (!(inches >= MIN_INCHES && inches <= MAX_INCHES)) {
            throw new IllegalArgumentException(String.format(Locale.ROOT,
                    "chart width must be between %.0fin and %.0fin, got %sin", MIN_INCHES, MAX_INCHES, inches));
        }
    }

    /**
     * Parses a width such as {@code 3.5in}, {@code 89mm}, {@code 17.8cm} or {@code 252pt}.
     *
     * @throws IllegalArgumentException if the text is not a width in range
     */
    public static ChartWidth parse(String text) {
        Matcher m = SYNTAX.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("chart width '" + text + "' is not a number with a unit "
                    + "(in, cm, mm or pt), e.g. 3.5in or 89mm");
        }
        double value = Double.parseDouble(m.group(1));
        double inches = switch (m.group(2)) {
            case "cm" -> value / 2.54;
            case "mm" -> value / 25.4;
            case "pt" -> value / 72.0;
            default -> value;
        };
        return new ChartWidth(inches);
    }

    /** Returns the width in PostScript points (1/72 in), the unit charts are drawn in. */
    public double points() {
        return inches * 72.0;
    }

    /** Returns a short label for folder names, e.g. {@code 3.5in}. */
    public String label() {
        String n = String.format(Locale.ROOT, "%.2f", inches).replaceAll("0+$", "").replaceAll("\\.$", "");
        return n + "in";
    }
}
