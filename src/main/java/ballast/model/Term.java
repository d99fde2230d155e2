package ballast.model;

/**
 * The terms of pull and ballast, in the column order of {@code switches.csv}. Which terms are live
 * depends on the direction: exposure to the PRC pulls a Taipei ally toward Beijing but holds a
 * Beijing recogniser; affinity and stance toward Taipei hold a Taipei ally but pull a Beijing
 * recogniser back.
 */
public enum Term {
    PULL_OFFER(true),
    PULL_EXPOSURE(true),
    PULL_CONTAGION(true),
    PULL_FRAGILITY(true),
    PULL_NEW_GOVERNMENT(true),
    PULL_AFFINITY(true),
    PULL_STANCE(true),
    BALLAST_AID(false),
    BALLAST_EXPOSURE(false),
    BALLAST_ENGAGEMENT(false),
    BALLAST_BACKING(false),
    BALLAST_AFFINITY(false),
    BALLAST_STANCE(false);

    private static final Term[] ALL = values();
    private final boolean pull;

    Term(boolean pull) {
        this.pull = pull;
    }

    /** Returns true for a term of pull, false for a term of ballast. */
    public boolean isPull() {
        return pull;
    }

    /** Returns the column name, e.g. {@code pull_new_government}. */
    public String column() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }

    /** Returns all terms in column order (a shared array: do not modify). */
    static Term[] all() {
        return ALL;
    }

    /** Returns the number of terms. */
    public static int count() {
        return ALL.length;
    }
}
