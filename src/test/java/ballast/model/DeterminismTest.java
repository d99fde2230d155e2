package ballast.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.api.Test;

/** The same world and seed give the same run, money and event log, whether the model is new or reused. */
class DeterminismTest {

    private static ModelParameters busyWorld() {
        return Worlds.busyWorld(120);
    }

    private static void assertSameRun(RunResult a, RunResult b) {
        assertArrayEquals(a.rocAllies(), b.rocAllies());
        assertArrayEquals(a.rocGdpShare(), b.rocGdpShare());
        assertArrayEquals(a.rocPopulationShare(), b.rocPopulationShare());
        assertEquals(a.switches(), b.switches());
        assertEquals(a.events(), b.events());
        MoneyRecord ma = a.money();
        MoneyRecord mb = b.money();
        for (int t = 0; t < ma.ticks(); t++) {
            for (int p = 0; p < ma.patrons(); p++) {
                for (int i = 0; i < ma.states(); i++) {
                    assertEquals(ma.kind(t, p, i), mb.kind(t, p, i));
                    assertEquals(ma.usdMillionsPerYear(t, p, i), mb.usdMillionsPerYear(t, p, i), 0.0);
                    assertEquals(ma.points(t, p, i), mb.points(t, p, i), 0.0);
                }
            }
        }
        for (int c = 0; c < ma.yearUsdCells(); c++) {
            assertEquals(ma.yearUsdCell(c), mb.yearUsdCell(c), 0.0, "a reused model starts its year sums at 0");
        }
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
