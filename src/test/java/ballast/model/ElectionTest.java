package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Elections from the calendar and from scheduled events change the government's stance. */
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
}
