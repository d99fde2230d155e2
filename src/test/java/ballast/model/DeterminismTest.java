package ballast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The same world and seed give the same run, whether the model is new or reused. */
class DeterminismTest {

    private static ModelParameters busyWorld() {
        List<Worlds.State> states = new ArrayList<>();
        String[] codes = {"TUV", "PLW", "MHL", "HTI", "BLZ"};
        for (int i = 0; i < codes.length; i++) {
            Worlds.State s = new Worlds.State(codes[i]);
            s.region = i < 3 ? "pacific" : "caribbean";
            s.gdp = 100.0 * (i + 1);
            s.stance = 0.2 * i - 0.3;
            s.opposition = -s.stance;
            s.changeProbability = 0.5;
            s.nextElection = Worlds.START.plusMonths(i);
            s.termMonths = 24;
            states.add(s);
        }
        return Worlds.world(states, List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.CHEAPEST_FLIP, 200, 0.2),
                Worlds.recogniser("roc", Side.ROC, Strategies.DEFEND_AT_RISK, 80, 0.9),
                Worlds.partner("japan", Strategies.BALLAST, 20),
                Worlds.backer("usa", 0.5)), Worlds.rule(0.3, 0.1), List.of(), 120);
    }

    private static void assertSameRun(RunResult a, RunResult b) {
        assertArrayEquals(a.rocAllies(), b.rocAllies());
        assertArrayEquals(a.rocGdpShare(), b.rocGdpShare());
        assertArrayEquals(a.rocPopulationShare(), b.rocPopulationShare());
        assertEquals(a.switches(), b.switches());
    }

    @Test
    void sameSeedSameRunInANewModelAndInAReusedOne() {
        RunResult fresh = new RecognitionModel(busyWorld()).run(99);
        RecognitionModel reused = new RecognitionModel(busyWorld());
        reused.run(1);
        reused.run(2);
        assertSameRun(fresh, reused.run(99));
        assertSameRun(fresh, new RecognitionModel(busyWorld()).run(99));
    }

    @Test
    void seedsThatDifferOnlyInTheirHigh32BitsGiveDifferentRuns() {
        // MASON's SimState.setSeed(long) keeps only the low 32 bits; Ballast seeds with all 64.
        RecognitionModel model = new RecognitionModel(busyWorld());
        RunResult low = model.run(5L);
        RunResult high = model.run(5L + (1L << 40));
        assertNotEquals(low.switches(), high.switches());
    }
}
