package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The rule works both ways, so states that left Taipei can come back. */
class BackSwitchTest {

    @Test
    void stateWithCertainHazardsLeavesAndComesBackNextMonth() {
        // Base rates of 10,000 a year: hazard = 1 - exp(-833) = 1 in every tick, both ways.
        RecognitionModel model = new RecognitionModel(Worlds.world(List.of(new Worlds.State("LCA")),
                Worlds.idlePatrons(), Worlds.rule(10_000, 10_000), List.of(), 4));
        RunResult r = model.run(3);
        assertEquals(4, r.switches().size());
        SwitchEvent first = r.switches().get(0);
        SwitchEvent second = r.switches().get(1);
        assertEquals(Side.ROC, first.from());
        assertEquals(Side.PRC, first.to());
        assertEquals(0, first.tick());
        assertEquals(Side.PRC, second.from());
        assertEquals(Side.ROC, second.to());
        assertEquals(1, second.tick());
        assertEquals(Worlds.START.plusMonths(1), second.month());
        assertEquals(List.of(0, 1, 0, 1), java.util.Arrays.stream(r.rocAllies()).boxed().toList());
    }

    @Test
    void taipeiLeaningGovernmentTakesABeijingRecogniserBack() {
        // A state on Beijing's side whose opposition leans to Taipei: stance -1 holds it to Beijing
        // (weight 8), until the recorded election in month 3 brings the opposition (+1) in.
        Worlds.State s = new Worlds.State("LCA");
        s.side = Side.PRC;
        s.stance = -1;
        s.opposition = 1;
        RuleParameters rule = Worlds.rule(0.001, 12, 24, 1.0, Term.STANCE, 8);
        List<ScheduledEvent> events = List.of(new ScheduledEvent.Election(Worlds.START.plusMonths(3), "LCA", true));
        RunResult r = new RecognitionModel(Worlds.world(List.of(s), Worlds.idlePatrons(), rule, events, 6)).run(11);
        // Before: hazard = 1 - exp(-(1/12) * 12 * e^-8) = 3.4e-4 a month; after: 1 - exp(-e^8) = 1.
        assertEquals(1, r.switches().size(), r.switches().toString());
        SwitchEvent back = r.switches().get(0);
        assertEquals(Side.ROC, back.to());
        assertEquals(3, back.tick());
        // On Beijing's side a stance toward Taipei pulls back: the ballast term is negative.
        assertEquals(-8.0, back.term(Term.STANCE), 1e-12);
        assertEquals(8.0, back.pull() - back.ballast(), 1e-12);
        assertTrue(back.hazard() > 0.999999);
    }
}
