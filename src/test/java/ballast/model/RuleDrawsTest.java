package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A replication's draw of the calibrated parameters: centred on the rule as run, the same for its seed. */
class RuleDrawsTest {
    private static final RuleDraws DRAWS = new RuleDraws(List.of("toPrcPerYear", "history"),
            new double[] {0.3, 0, 0.1, 0.5}); // sd 0.3 on ln(rate); history: 0.1 z1 + 0.5 z2

    @Test
    void drawsCentreOnTheRuleTheScenarioRunsSoASweepMovesThem() {
        RuleParameters a = Worlds.rule(0.04, 0.01, 24, 1.0, Term.HISTORY, 0.8);
        RuleParameters b = a.withWeight(Term.HISTORY, 2.0); // a sweep's point
        double meanA = 0;
        double meanB = 0;
        double logRate = 0;
        int n = 20_000;
        for (long seed = 0; seed < n; seed++) {
            meanA += DRAWS.draw(a, seed).weight(Term.HISTORY) / n;
            meanB += DRAWS.draw(b, seed).weight(Term.HISTORY) / n;
            logRate += Math.log(DRAWS.draw(a, seed).toPrcPerYear()) / n;
        }
        // Standard error of a mean of 20,000 draws with sd 0.51: 0.0036; 5 of them.
        assertEquals(0.8, meanA, 0.02);
        assertEquals(2.0, meanB, 0.02);
        assertEquals(Math.log(0.04), logRate, 0.02);
        // The same seed draws the same deviation whatever the centre: the paired points of a sweep stay paired.
        assertEquals(DRAWS.draw(a, 7).weight(Term.HISTORY) + 1.2, DRAWS.draw(b, 7).weight(Term.HISTORY), 1e-12);
        assertEquals(DRAWS.draw(a, 7), DRAWS.draw(a, 7));
        assertNotEquals(DRAWS.draw(a, 7), DRAWS.draw(a, 8));
        // Terms the calibration did not fit are left as they are.
        assertEquals(a.weight(Term.SIZE), DRAWS.draw(a, 7).weight(Term.SIZE), 0.0);
    }
}
