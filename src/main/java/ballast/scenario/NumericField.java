package ballast.scenario;

/**
 * A numeric field of a scenario, as the loader read it: its dotted path (e.g.
 * {@code patrons.prc.budgetUsdMillionsPerYear} or {@code countries.HTI.fragility}), the bounds the
 * loader accepts, whether it must be a whole number, and the value the scenario gives it (its
 * default if the file leaves it out).
 */
public record NumericField(String path, double min, double max, boolean whole, double value) {

    /** Returns whether {@code v} is a value the loader accepts for this field. */
    public boolean accepts(double v) {
        return v >= min && v <= max && (!whole || v == Math.rint(v));
    }

    /** Returns the bounds as text, e.g. "between 0 and 1" or "at least 0". */
    public String bounds() {
        if (max >= 1e300 || max == Long.MAX_VALUE) {
            return "at least " + format(min);
        }
        return "between " + format(min) + " and " + format(max) + (whole ? " (a whole number)" : "");
    }

    /** Formats a number without a trailing ".0". */
    public static String format(double v) {
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
