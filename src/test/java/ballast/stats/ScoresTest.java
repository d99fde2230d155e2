package ballast.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.stats.Scores.ReliabilityBin;
import java.util.List;
import org.junit.jupiter.api.Test;

class ScoresTest {
    static final double[] FORECASTS = {0.1, 0.4, 0.8, 0.0};
    static final boolean[] OUTCOMES = {false, true, true, false};

    @Test
    void brierScoreWorkedByHand() {
        // (0.01 + 0.36 + 0.04 + 0) / 4 = 0.1025.
        assertEquals(0.1025, Scores.brier(FORECASTS, OUTCOMES), 1e-15);
        assertEquals(0.0, Scores.brier(new double[] {1, 0}, new boolean[] {true, false}), 0);
        assertEquals(1.0, Scores.brier(new double[] {0, 1}, new boolean[] {true, false}), 0);
    }

    @Test
    void logLossWorkedByHandWithTheClampOnlyWhereAForecastIsCertain() {
        // -(ln 0.9 + ln 0.4 + ln 0.8 + ln(1 - 1e-6)) / 4: the forecast 0 of a non-event is clamped to 1e-6.
        double expected = -(Math.log(0.9) + Math.log(0.4) + Math.log(0.8) + Math.log(1 - 1e-6)) / 4;
        assertEquals(expected, Scores.logLoss(FORECASTS, OUTCOMES), 1e-15);
        assertEquals(0.3112, expected, 5e-5); // (0.105361 + 0.916291 + 0.223144 + 1e-6) / 4 = 1.244797 / 4
        // A certain miss costs -ln(1e-6) = 13.8155, not infinity; unclamped it is infinite.
        assertEquals(-Math.log(1e-6), Scores.logLoss(new double[] {0}, new boolean[] {true}), 1e-12);
        assertEquals(Double.POSITIVE_INFINITY, Scores.logLoss(new double[] {0}, new boolean[] {true}, 0), 0);
        // ln 2 for a coin flip.
        assertEquals(Math.log(2), Scores.logLoss(new double[] {0.5, 0.5}, new boolean[] {true, false}), 1e-15);
    }

    @Test
    void brierSkillAgainstAReferenceWorkedByHand() {
        // Reference: 0.25 everywhere: (0.0625 + 0.5625 + 0.5625 + 0.0625) / 4 = 0.3125; skill 1 - 0.1025 /
        // 0.3125 = 0.672.
        double[] reference = {0.25, 0.25, 0.25, 0.25};
        assertEquals(0.672, Scores.brierSkill(FORECASTS, reference, OUTCOMES), 1e-14);
        assertEquals(0.0, Scores.brierSkill(reference, reference, OUTCOMES), 0);
        assertTrue(Scores.brierSkill(reference, FORECASTS, OUTCOMES) < 0);
        assertEquals(-0.5, Scores.skill(0.3, 0.2), 1e-15);
        assertThrows(IllegalArgumentException.class,
                () -> Scores.brierSkill(FORECASTS, new double[] {0, 0, 1, 1}, new boolean[] {false, false, true, true}));
    }

    @Test
    void reliabilityTableWorkedByHand() {
        double[] f = {0.01, 0.03, 0.04, 0.02, 0.30, 0.5, 1.0};
        boolean[] y = {false, true, false, false, true, false, true};
        List<ReliabilityBin> table = Scores.reliability(f, y, new double[] {0, 0.02, 0.05, 0.5, 1});
        assertEquals(4, table.size());
        // [0, 0.02): 0.01 only.
        ReliabilityBin first = table.get(0);
        assertEquals(1, first.n());
        assertEquals(0.01, first.meanForecast(), 1e-15);
        assertEquals(0.0, first.observedFrequency(), 0);
        // [0.02, 0.05): 0.03 (event), 0.04, 0.02 (its lower edge is in): mean 0.03, 1 of 3.
        ReliabilityBin second = table.get(1);
        assertEquals(3, second.n());
        assertEquals(1, second.events());
        assertEquals(0.03, second.meanForecast(), 1e-15);
        assertEquals(1.0 / 3, second.observedFrequency(), 1e-15);
        // [0.05, 0.5): 0.30 alone; 0.5 goes to the last bin, which also keeps its upper edge 1.0.
        assertEquals(1, table.get(2).n());
        ReliabilityBin last = table.get(3);
        assertEquals(2, last.n());
        assertEquals(0.75, last.meanForecast(), 1e-15);
        assertEquals(0.5, last.observedFrequency(), 0);
        // Wilson 95% for 1 of 3, by the formula: centre (p + z^2/2n) / (1 + z^2/n), half-width
        // z / (1 + z^2/n) sqrt(p(1-p)/n + z^2/4n^2), z = 1.959964: [0.0615, 0.7923].
        double z = 1.959963984540054;
        double n = 3;
        double p = 1 / n;
        double d = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / d;
        double half = z / d * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        assertEquals(centre - half, second.wilsonLower(), 1e-9);
        assertEquals(centre + half, second.wilsonUpper(), 1e-9);
        assertEquals(0.0615, second.wilsonLower(), 5e-5);
        assertEquals(0.7923, second.wilsonUpper(), 5e-5);
    }

    @Test
    void emptyBinsAreListedWithNaN() {
        List<ReliabilityBin> table = Scores.reliability(new double[] {0.9}, new boolean[] {true},
                new double[] {0, 0.5, 1});
        assertEquals(0, table.get(0).n());
        assertTrue(Double.isNaN(table.get(0).meanForecast()));
        assertTrue(Double.isNaN(table.get(0).wilsonUpper()));
        assertEquals(1, table.get(1).n());
    }

    @Test
    void forecastsThatAreNotProbabilitiesAndBadBinsAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Scores.brier(new double[] {1.2}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> Scores.brier(new double[] {Double.NaN}, new boolean[] {true}));
        assertThrows(IllegalArgumentException.class, () -> Scores.brier(new double[0], new boolean[0]));
        assertThrows(IllegalArgumentException.class, () -> Scores.logLoss(new double[] {0.5}, new boolean[] {true}, 0.5));
        assertThrows(IllegalArgumentException.class,
                () -> Scores.reliability(new double[] {0.9}, new boolean[] {true}, new double[] {0, 0.5}));
        assertThrows(IllegalArgumentException.class,
                () -> Scores.reliability(new double[] {0.4}, new boolean[] {true}, new double[] {0, 0.5, 0.5, 1}));
    }
}
