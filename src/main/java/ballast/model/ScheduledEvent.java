package ballast.model;

import java.time.YearMonth;

/** Something a scenario makes happen in a given month. */
public sealed interface ScheduledEvent {

    /** Returns the month in which the event fires. */
    YearMonth month();

    /**
     * An extra national election. {@code forcedChange} fixes its outcome (as in a back-test of a
     * recorded election); {@code null} draws it with the country's change probability.
     */
    record Election(YearMonth month, String country, Boolean forcedChange) implements ScheduledEvent {
        public Election {
            Checks.present("month", month);
            Checks.present("country", country);
        }
    }

    /**
     * A partner's engagement (summit, visit, partnership upgrade) worth {@code points} before the
     * partner's {@code engagementScale}. Engagements dated before the start seed the stock, decayed.
     */
    record Engagement(YearMonth month, String patron, String country, String kind, double points)
            implements ScheduledEvent {
        public Engagement {
            Checks.present("month", month);
            Checks.present("patron", patron);
            Checks.present("country", country);
            Checks.present("kind", kind);
            Checks.atLeast("points", points, 0);
        }
    }

    /**
     * A change to a patron from this month on; each {@code null} field is left as it is.
     */
    record PatronChange(YearMonth month, String patron, Double budgetUsdMillionsPerYear, Double engagementScale,
            Double backing, Boolean active) implements ScheduledEvent {
        public PatronChange {
            Checks.present("month", month);
            Checks.present("patron", patron);
            if (budgetUsdMillionsPerYear != null) {
                Checks.atLeast("budgetUsdMillionsPerYear", budgetUsdMillionsPerYear, 0);
            }
            if (engagementScale != null) {
                Checks.atLeast("engagementScale", engagementScale, 0);
            }
            if (backing != null) {
                Checks.between("backing", backing, 0, 1);
            }
            if (budgetUsdMillionsPerYear == null && engagementScale == null && backing == null && active == null) {
                throw new IllegalArgumentException("a patron change must change something");
            }
        }
    }

    /** A crisis (disaster, coup, unrest) that raises a state's fragility for some months. */
    record Shock(YearMonth month, String country, double fragilityIncrease, int durationMonths)
            implements ScheduledEvent {
        public Shock {
            Checks.present("month", month);
            Checks.present("country", country);
            Checks.between("fragilityIncrease", fragilityIncrease, 0, 1);
            if (durationMonths < 1) {
                throw new IllegalArgumentException("durationMonths must be at least 1, got " + durationMonths);
            }
        }
    }
}
