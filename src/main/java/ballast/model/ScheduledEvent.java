package ballast.model;

import java.time.YearMonth;
import java.util.Map;

/** Something a scenario makes happen in a given month. */
public sealed interface ScheduledEvent {

    /** Returns the month in which the event fires. */
    YearMonth month();

    /**
     * A national election in {@code month}. It is the state's election of that window: it replaces
     * the calendar election nearest to it if that is at most half a term away (see
     * {@link RecognitionModel}), unless {@code extra} makes it a snap election on top of the
     * calendar. {@code forcedChange} fixes its outcome (as in a back-test of a recorded election, or
     * a scenario's "a Beijing-leaning government in 2026"); {@code null} draws it with the state's
     * change probability. {@code stance}, if not null, is the stance toward Taipei of the government a
     * change brings in (else the opposition's); the outgoing government's becomes the opposition's.
     */
    record Election(YearMonth month, String country, Boolean forcedChange, boolean extra, Double stance)
            implements ScheduledEvent {
        public Election {
            Checks.present("month", month);
            Checks.present("country", country);
            if (stance != null) {
                Checks.between("stance", stance, -1, 1);
            }
        }

        /** An election that decides the calendar's election of its window, if there is one. */
        public Election(YearMonth month, String country, Boolean forcedChange) {
            this(month, country, forcedChange, false, null);
        }

        /** As the canonical constructor, the new government taking the opposition's stance. */
        public Election(YearMonth month, String country, Boolean forcedChange, boolean extra) {
            this(month, country, forcedChange, extra, null);
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
     * {@code targets} replaces the patron's targets; {@code earmarks} sets the earmark of each state it
     * names (0 ends one) and leaves the others' as they are.
     */
    record PatronChange(YearMonth month, String patron, Double budgetUsdMillionsPerYear, Double engagementScale,
            Double backing, Boolean active, Targets targets, Map<String, Double> earmarks) implements ScheduledEvent {

        /** A change of budget, engagement scale, backing or activity. */
        public PatronChange(YearMonth month, String patron, Double budgetUsdMillionsPerYear, Double engagementScale,
                Double backing, Boolean active) {
            this(month, patron, budgetUsdMillionsPerYear, engagementScale, backing, active, null, Map.of());
        }

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
            earmarks = PatronSpec.checkEarmarks(earmarks == null ? Map.of() : earmarks);
            if (budgetUsdMillionsPerYear == null && engagementScale == null && backing == null && active == null
                    && targets == null && earmarks.isEmpty()) {
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
