package ballast.experiment;

import ballast.scenario.NumericField;

/**
 * A scenario field an experiment varies, and its range.
 *
 * @param field the field (path, bounds, whether whole, the scenario's own value)
 * @param low lowest value
 * @param high highest value
 * @param levels values in a full-factorial grid (0 where the design does not use levels)
 */
public record Factor(NumericField field, double low, double high, int levels) {

    public Factor {
        if (!(low <= high)) {
            throw new IllegalArgumentException(field.path() + ": the range must go from low to high, got "
                    + NumericField.format(low) + ":" + NumericField.format(high));
        }
        for (double v : new double[] {low, high}) {
            if (!field.accepts(v)) {
                throw new IllegalArgumentException(field.path() + " must be " + field.bounds() + ", so the range "
                        + NumericField.format(low) + ":" + NumericField.format(high) + " is not possible");
            }
        }
        if (levels < 0 || levels == 1 && low != high) {
            throw new IllegalArgumentException(field.path() + ": a grid needs at least 2 levels between "
                    + NumericField.format(low) + " and " + NumericField.format(high) + ", got " + levels);
        }
    }

    public String path() {
        return field.path();
    }

    /** Returns the value at {@code u} in [0, 1] of the range, rounded for a whole-number field. */
    public double at(double u) {
        double v = low + u * (high - low);
        return field.whole() ? Math.rint(v) : v;
    }

    /** Returns the value of grid level {@code k} of {@link #levels()}. */
    public double level(int k) {
        return levels <= 1 ? low : at(k / (double) (levels - 1));
    }

    /** Returns the range as written on a command line, e.g. {@code 0:200:5}. */
    public String range() {
        return NumericField.format(low) + ":" + NumericField.format(high) + (levels > 0 ? ":" + levels : "");
    }
}
