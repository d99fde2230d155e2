package ballast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Elections from the calendar and from scheduled events change the government's stance; an
 * election event decides the calendar's election of its window instead of adding a second one.
 */
class ElectionTest {

    private static Worlds.State calendarState(double changeProbability) {
        Worlds.State s = new Worlds.State("PRY");
        s.stance = 0.8;
        s.opposition = -0.6;
        s.changeProbability = changeProbability;
        s.nextElection = Worlds.START.plusMonths(2);
        s.termMonths = 12;
        return s;
    }

    private static RecognitionModel run(Worlds.State s, List<ScheduledEvent> events, int ticks) {
        RecognitionModel model = new RecognitionModel(Worlds.world(List.of(s), Worlds.idlePatrons(),
                Worlds.rule(1e-9, 1e-9), events, 36));
        Worlds.step(model, 17, ticks);
        return model;
    }

    @Test
    void anElectionThatChangesTheGovernmentBringsInTheOppositionsStance() {
        assertEquals(0.8, run(calendarState(1.0), List.of(), 2).country(0).stance(), 0.0);   // ticks 0, 1
        Country c = run(calendarState(1.0), List.of(), 3).country(0);                          // election in tick 2
        assertEquals(-0.6, c.stance(), 0.0);
        assertEquals(2, c.governmentChangeTick());
        // The calendar books the next election a term later: tick 14 swaps back.
        assertEquals(-0.6, run(calendarState(1.0), List.of(), 14).country(0).stance(), 0.0);
        assertEquals(0.8, run(calendarState(1.0), List.of(), 15).country(0).stance(), 0.0);
    }

    @Test
    void anElectionThatKeepsTheGovernmentKeepsTheStance() {
        Country c = run(calendarState(0.0), List.of(), 30).country(0);
        assertEquals(0.8, c.stance(), 0.0);
        assertEquals(Country.NEVER, c.governmentChangeTick());
    }

    @Test
    void aRecordedOutcomeOverridesTheProbability() {
        Worlds.State s = calendarState(0.0);
        s.nextElection = null;
        List<ScheduledEvent> events = List.of(new ScheduledEvent.Election(Worlds.START.plusMonths(5), "PRY", true));
        assertEquals(-0.6, run(s, events, 6).country(0).stance(), 0.0);
    }

    @Test
    void aNewGovernmentPullsForTheWindowThenStops() {
        Worlds.State s = calendarState(1.0);
        RecognitionModel model = run(s, List.of(), 3);                    // changed in tick 2
        double[] terms = new double[Term.count()];
        model.country(0).hazard(2, terms);
        assertEquals(1.2, terms[Term.NEW_GOVERNMENT.ordinal()], 0.0);
        model.country(0).hazard(13, terms);                               // 11 months on: still new
        assertEquals(1.2, terms[Term.NEW_GOVERNMENT.ordinal()], 0.0);
        model.country(0).hazard(14, terms);                               // 12 months on: window closed
        assertEquals(0.0, terms[Term.NEW_GOVERNMENT.ordinal()], 0.0);
    }

    @Test
    void aChangeOfGovernmentBeforeTheStartCountsAsNew() {
        Worlds.State s = new Worlds.State("VCT");
        s.lastChange = Worlds.START.minusMonths(3);
        RecognitionModel model = run(s, List.of(), 1);
        double[] terms = new double[Term.count()];
        model.country(0).hazard(0, terms);
        assertEquals(1.2, terms[Term.NEW_GOVERNMENT.ordinal()], 0.0);
        model.country(0).hazard(9, terms);                                // 12 months after the change
        assertEquals(0.0, terms[Term.NEW_GOVERNMENT.ordinal()], 0.0);
    }

    // --- An election event decides the calendar's election of its window -------------------------

    private static final YearMonth CALENDAR = Worlds.START.plusMonths(6);

    /**
     * Haiti, whose calendar election is in month 6 (then every five years, after the horizon), and
     * Belize, in another region, whose switches show whether the random stream stayed in step.
     */
    private static ModelParameters haitiWorld(double changeProbability, List<ScheduledEvent> events) {
        Worlds.State hti = new Worlds.State("HTI");
        hti.stance = 0.2;
        hti.opposition = -0.2;
        hti.changeProbability = changeProbability;
        hti.nextElection = CALENDAR;
        hti.termMonths = 60;
        Worlds.State blz = new Worlds.State("BLZ");
        blz.region = "south";
        return Worlds.world(List.of(hti, blz), Worlds.idlePatrons(), Worlds.rule(0.8, 0.8), events, 36);
    }

    private static List<RunEvent> elections(RunResult r) {
        return r.events().stream().filter(e -> e.event().equals("election")).toList();
    }

    private static List<SwitchEvent> switchesOf(RunResult r, String code) {
        return r.switches().stream().filter(e -> e.country().equals(code)).toList();
    }

    private static ScheduledEvent.Election forced(YearMonth month, boolean change) {
        return new ScheduledEvent.Election(month, "HTI", change);
    }

    @Test
    void anEventInTheCalendarMonthIsTheCalendarElectionWithThatOutcome() {
        // The same run, draw for draw, as the calendar election drawing a change (probability 1).
        for (long seed = 0; seed < 50; seed++) {
            RunResult calendar = new RecognitionModel(haitiWorld(1.0, List.of())).run(seed);
            RunResult event = new RecognitionModel(haitiWorld(0.0, List.of(forced(CALENDAR, true)))).run(seed);
            assertEquals(calendar.switches(), event.switches());
            assertArrayEquals(calendar.rocAllies(), event.rocAllies());
            List<RunEvent> held = elections(event);
            assertEquals(1, held.size(), "one election, not the calendar's and the event's");
            assertEquals(CALENDAR, held.get(0).month());
            assertEquals("change", held.get(0).detail());
            assertEquals(-0.2, held.get(0).value(), 0.0, "the opposition's stance");
            assertEquals("scenario event, forced; replaces the calendar election of " + CALENDAR, held.get(0).note());
        }
    }

    @Test
    void anEventAFewMonthsOffReplacesTheCalendarElection() {
        YearMonth december = CALENDAR.plusMonths(4);
        for (long seed = 0; seed < 50; seed++) {
            RunResult calendar = new RecognitionModel(haitiWorld(1.0, List.of())).run(seed);
            RunResult moved = new RecognitionModel(haitiWorld(1.0, List.of(forced(december, true)))).run(seed);
            List<RunEvent> held = elections(moved);
            assertEquals(1, held.size(), "the calendar election of month 6 is not held as well");
            assertEquals(december, held.get(0).month());
            assertEquals(-0.2, held.get(0).value(), 0.0, "the stance is the opposition's, once");
            assertEquals("scenario event, forced; replaces the calendar election of " + CALENDAR, held.get(0).note());
            // The replaced election's uniform is still drawn in its month, so the other state's
            // draws are those of the run without the event.
            assertEquals(switchesOf(calendar, "BLZ"), switchesOf(moved, "BLZ"));

            RunResult kept = new RecognitionModel(haitiWorld(1.0, List.of(forced(december, false)))).run(seed);
            assertEquals(1, elections(kept).size());
            assertEquals("no_change", elections(kept).get(0).detail());
            assertEquals(0.2, elections(kept).get(0).value(), 0.0, "a recorded 'no change' keeps the government");
        }
    }

    @Test
    void aForcedChangeGivesTheOppositionsStanceWhereverInItsWindowItFalls() {
        // Forced in the calendar month, or two or four months either side: one change, to -0.2.
        for (int offset = -4; offset <= 4; offset += 2) {
            for (long seed = 0; seed < 20; seed++) {
                Worlds.State hti = new Worlds.State("HTI");
                hti.stance = 0.2;
                hti.opposition = -0.2;
                hti.changeProbability = 0.5;
                hti.nextElection = CALENDAR;
                hti.termMonths = 60;
                RecognitionModel model = new RecognitionModel(Worlds.world(List.of(hti), Worlds.idlePatrons(),
                        Worlds.rule(1e-9, 1e-9), List.of(forced(CALENDAR.plusMonths(offset), true)), 36));
                Worlds.step(model, seed, 36);
                assertEquals(-0.2, model.country(0).stance(), 0.0, "offset " + offset + ", seed " + seed);
                assertEquals(6 + offset, model.country(0).governmentChangeTick());
            }
        }
    }

    @Test
    void aDrawnEventInTheCalendarMonthChangesNothing() {
        for (long seed = 0; seed < 20; seed++) {
            RunResult calendar = new RecognitionModel(haitiWorld(0.5, List.of())).run(seed);
            RunResult event = new RecognitionModel(haitiWorld(0.5,
                    List.of(new ScheduledEvent.Election(CALENDAR, "HTI", null)))).run(seed);
            assertEquals(calendar.switches(), event.switches());
            assertEquals(elections(calendar).get(0).detail(), elections(event).get(0).detail());
        }
    }

    @Test
    void anEventWithNoCalendarElectionWithinHalfATermIsAnExtraElection() {
        // A state with no calendar: every election event is extra.
        Worlds.State none = calendarState(0.0);
        none.nextElection = null;
        RunResult r = new RecognitionModel(Worlds.world(List.of(none), Worlds.idlePatrons(), Worlds.rule(1e-9, 1e-9),
                List.of(new ScheduledEvent.Election(Worlds.START.plusMonths(5), "PRY", true)), 12)).run(1);
        assertEquals(List.of("scenario event, forced; extra election (no calendar election within half a term)"),
                elections(r).stream().map(RunEvent::note).toList());

        // Calendar in month 20 with a one-year term: month 2 is 18 months away, more than six.
        Worlds.State late = calendarState(0.0);
        late.nextElection = Worlds.START.plusMonths(20);
        RunResult both = new RecognitionModel(Worlds.world(List.of(late), Worlds.idlePatrons(), Worlds.rule(1e-9, 1e-9),
                List.of(new ScheduledEvent.Election(Worlds.START.plusMonths(2), "PRY", true)), 24)).run(1);
        assertEquals(List.of(Worlds.START.plusMonths(2), Worlds.START.plusMonths(20)),
                elections(both).stream().map(RunEvent::month).toList(), "the extra election and the calendar's");
    }

    @Test
    void anExtraEventIsASnapElectionOnTopOfTheCalendar() {
        List<ScheduledEvent> events = List.of(new ScheduledEvent.Election(CALENDAR, "HTI", true, true));
        RunResult r = new RecognitionModel(haitiWorld(0.0, events)).run(3);
        List<RunEvent> held = elections(r);
        assertEquals(2, held.size());
        assertEquals("calendar election, drawn", held.get(0).note());
        assertEquals("no_change", held.get(0).detail());
        assertEquals("scenario event, forced; extra election (extra: true)", held.get(1).note());
        assertEquals(-0.2, held.get(1).value(), 0.0);
    }

    @Test
    void theWindowIsHalfATermEitherSideTiesGoingToTheEarlierElection() {
        Worlds.State s = calendarState(0.0);   // calendar elections in months 2, 14, 26, ...; term 12
        ModelParameters p = Worlds.world(List.of(s), Worlds.idlePatrons(), Worlds.rule(1e-9, 1e-9), List.of(), 36);
        CountrySpec spec = p.countries().get(0);
        assertEquals(2, EventCalendar.nearestCalendarElection(p, spec, 0));
        assertEquals(2, EventCalendar.nearestCalendarElection(p, spec, 8), "six months after: a tie, the earlier");
        assertEquals(14, EventCalendar.nearestCalendarElection(p, spec, 9));
        assertEquals(38, EventCalendar.nearestCalendarElection(p, spec, 35), "one after the horizon counts too");
        s.nextElection = Worlds.START.plusMonths(10);
        ModelParameters later = Worlds.world(List.of(s), Worlds.idlePatrons(), Worlds.rule(1e-9, 1e-9), List.of(), 36);
        assertEquals(-1, EventCalendar.nearestCalendarElection(later, later.countries().get(0), 3),
                "seven months before the first: no calendar election within half a term");
        assertEquals(10, EventCalendar.nearestCalendarElection(later, later.countries().get(0), 4));
    }

    @Test
    void anEventsStanceIsTheIncomingGovernmentsWhateverCameBefore() {
        // The calendar (probability 1) changes the government in month 2 (0.8 -> -0.6); an extra
        // election in month 5 brings in a government of stance -0.9; the calendar's next election,
        // in month 14, brings back the one it replaced.
        Worlds.State s = calendarState(1.0);
        List<ScheduledEvent> events = List.of(
                new ScheduledEvent.Election(Worlds.START.plusMonths(5), "PRY", true, true, -0.9));
        assertEquals(-0.9, run(s, events, 6).country(0).stance(), 0.0);
        assertEquals(-0.6, run(s, events, 15).country(0).stance(), 0.0, "the outgoing government is the opposition");
    }
}
