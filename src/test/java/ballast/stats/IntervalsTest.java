package ballast.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    /**
     * The worked examples of Newcombe (1998), "Improved confidence intervals for the difference between
     * binomial proportions based on paired data", Statistics in Medicine 17:2635-2650: the 95% limits of
     * method 10 for each of his illustrative tables (e, f, g, h) = (both, first only, second only,
     * neither), to the four decimals printed (tolerance 0.00015 for the rounding).
     */
    @Test
    void thePairedIntervalReproducesNewcombesWorkedExamples() {
        long[][] tables = {{36, 12, 2, 0}, {20, 12, 2, 16}, {18, 12, 2, 18}, {36, 14, 0, 0}, {35, 14, 0, 1},
            {18, 14, 0, 18}, {2, 97, 1, 0}, {1, 97, 1, 1}, {0, 29, 1, 0}, {2, 98, 0, 0}, {1, 98, 0, 1}, {0, 30, 0, 0},
            {54, 0, 0, 0}};
        double[][] limits = {{0.0569, 0.3404}, {0.0562, 0.3292}, {0.0562, 0.3290}, {0.1528, 0.4167},
            {0.1461, 0.4175}, {0.1441, 0.3963}, {0.8721, 0.9854}, {0.8736, 0.9850}, {0.6666, 0.9882},
            {0.9178, 0.9945}, {0.9171, 0.9916}, {0.8395, 1.0}, {-0.0664, 0.0664}};
        for (int k = 0; k < tables.length; k++) {
            long[] c = tables[k];
            Interval ci = Intervals.newcombePaired(c[0], c[1], c[2], c[3], 0.95);
            double n = c[0] + c[1] + c[2] + c[3];
            assertEquals((c[1] - c[2]) / n, ci.estimate(), 1e-12);
            assertArrayEquals(limits[k], new double[] {ci.lower(), ci.upper()}, 1.5e-4, Arrays.toString(c));
        }
        assertThrows(IllegalArgumentException.class, () -> Intervals.newcombePaired(0, 0, 0, 0, 0.95));
    }

    @Test
    void pairingNarrowsTheIntervalWhenTheOutcomesAgree() {
        // 1,000 pairs, 61% and 59% with the outcome, 580 of them in both: much narrower than the
        // interval of two independent samples of 1,000 (Newcombe 1998's method for unpaired data).
        Interval paired = Intervals.newcombePaired(580, 30, 10, 380, 0.95);
        Interval a = Scores.wilson(610, 1000, 0.95);
        Interval b = Scores.wilson(590, 1000, 0.95);
        double unpaired = Math.sqrt(Math.pow(0.61 - a.lower(), 2) + Math.pow(b.upper() - 0.59, 2));
        assertEquals(0.02, paired.estimate(), 1e-12);
        assertTrue(paired.estimate() - paired.lower() < unpaired / 2, paired.toString());
    }

    @Test
    void theTIntervalOfOneToFiveMatchesR() {
        // R: t.test(1:5)$conf.int = 1.036757 4.963243; sd(1:5) = 1.581139.
        Interval ci = Intervals.tMean(5, 15, 55, 0.95);
        assertArrayEquals(new double[] {3, 1.036757, 4.963243}, new double[] {ci.estimate(), ci.lower(), ci.upper()},
                1e-6);
        assertEquals(1.581139, Intervals.sd(5, 15, 55), 1e-6);
        assertTrue(Double.isNaN(Intervals.sd(1, 4, 16)));
        assertThrows(IllegalArgumentException.class, () -> Intervals.tMean(1, 4, 16, 0.95));
    }
}
