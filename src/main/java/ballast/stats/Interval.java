package ballast.stats;

/**
 * An estimate with a confidence interval.
 *
 * @param estimate the point estimate
 * @param lower the lower end
 * @param upper the upper end, at least {@code lower}
 * @param level the nominal coverage, in (0, 1), e.g. 0.95
 */
public record Interval(double estimate, double lower, double upper, double level) {
    /**
     * Validates the interval.
     *
     * @throws IllegalArgumentException if {@code level} is not in (0, 1), or an end is NaN, or
     *     {@code lower > upper}
     */
    public Interval {
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be in (0, 1), got " + level);
        }
        if (!(lower <= upper)) {
            throw new IllegalArgumentException("interval [" + lower + ", " + upper + "] is empty or undefined");
        }
    }

    /** Returns whether {@code value} lies in [lower, upper]. */
    public boolean contains(double value) {
        return value >= lower && value <= upper;
    }

    /** Returns {@code upper - lower}. */
    public double width() {
        return upper - lower;
    }
}
