package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Sobol indices and Morris effects against functions whose answers are known. */
class SensitivityMathTest {
    private static final double A = 7;
    private static final double B = 0.1;

    /** Ishigami and Homma (1990): sin x1 + a sin^2 x2 + b x3^4 sin x1 on [-pi, pi]^3. */
    private static double ishigami(double[] u) {
        double x1 = -Math.PI + 2 * Math.PI * u[0];
        double x2 = -Math.PI + 2 * Math.PI * u[1];
        double x3 = -Math.PI + 2 * Math.PI * u[2];
        return Math.sin(x1) + A * Math.sin(x2) * Math.sin(x2) + B * Math.pow(x3, 4) * Math.sin(x1);
    }

    @Test
    void sobolIndicesOfIshigamiMatchTheAnalyticValuesWithinTheirIntervals() {
        // Analytic values for a = 7, b = 0.1 (Sobol' and Levitan 1999; Saltelli et al. 2010).
        double pi4 = Math.pow(Math.PI, 4);
        double v1 = 0.5 * Math.pow(1 + B * pi4 / 5, 2);
        double v2 = A * A / 8;
        double v13 = B * B * Math.pow(Math.PI, 8) * (1.0 / 18 - 1.0 / 50);
        double v = v1 + v2 + v13;
        double[] s1 = {v1 / v, v2 / v, 0};
        double[] st = {(v1 + v13) / v, v2 / v, v13 / v};
        assertArrayEquals(new double[] {0.314, 0.442, 0}, s1, 0.0005);
        assertArrayEquals(new double[] {0.558, 0.442, 0.244}, st, 0.0005);

        int k = 3;
        double[][] design = Sobol.design(4096, k);
        double[] f = new double[design.length];
        for (int p = 0; p < design.length; p++) {
            f[p] = ishigami(design[p]);
        }
        Sobol.Indices ix = Sobol.analyse(f, k, 500, 42);
        for (int i = 0; i < k; i++) {
            assertTrue(ix.firstLow()[i] <= s1[i] && s1[i] <= ix.firstHigh()[i],
                    "S1 of x" + (i + 1) + ": " + s1[i] + " not in [" + ix.firstLow()[i] + ", " + ix.firstHigh()[i] + "]");
            assertTrue(ix.totalLow()[i] <= st[i] && st[i] <= ix.totalHigh()[i],
                    "ST of x" + (i + 1) + ": " + st[i] + " not in [" + ix.totalLow()[i] + ", " + ix.totalHigh()[i] + "]");
            assertEquals(s1[i], ix.first()[i], 0.03);
            assertEquals(st[i], ix.total()[i], 0.03);
            assertTrue(ix.firstHigh()[i] - ix.firstLow()[i] < 0.15, "the interval is informative");
        }
        assertEquals(v, ix.variance(), 0.05 * v);
    }

    @Test
    void theSaltelliDesignHasABAndOneColumnSwappedMatrixPerFactor() {
        int k = 4;
        double[][] d = Sobol.design(8, k);
        assertEquals(Sobol.evaluations(8, k), d.length);
        for (int j = 0; j < 8; j++) {
            double[] a = d[j * (k + 2)];
            double[] b = d[j * (k + 2) + 1];
            for (int i = 0; i < k; i++) {
                double[] ab = d[j * (k + 2) + 2 + i];
                for (int c = 0; c < k; c++) {
                    assertEquals(c == i ? b[c] : a[c], ab[c]);
                }
            }
        }
        // The origin (the sequence's first point) is skipped.
        assertTrue(d[0][0] > 0);
    }

    @Test
    void morrisEffectsOfALinearFunctionAreItsSlopesWithNoSpread() {
        int k = 3;
        double[] slope = {5, -2, 0};
        double[][] d = Morris.design(20, k, 4, 7);
        double[] f = new double[d.length];
        for (int p = 0; p < d.length; p++) {
            f[p] = 1 + slope[0] * d[p][0] + slope[1] * d[p][1] + slope[2] * d[p][2];
        }
        Morris.Effects e = Morris.analyse(d, f, k, 200, 1);
        for (int i = 0; i < k; i++) {
            assertEquals(slope[i], e.mu()[i], 1e-9);
            assertEquals(Math.abs(slope[i]), e.muStar()[i], 1e-9);
            assertEquals(0, e.sigma()[i], 1e-9);
        }
    }

    @Test
    void morrisSeesAnInteractionAsSpread() {
        // f = x1 * x2: each effect is the other factor's value, so mu* > 0 and sigma > 0 for both; x3 is inert.
        int k = 3;
        double[][] d = Morris.design(40, k, 4, 11);
        double[] f = new double[d.length];
        for (int p = 0; p < d.length; p++) {
            f[p] = d[p][0] * d[p][1];
        }
        Morris.Effects e = Morris.analyse(d, f, k, 200, 1);
        assertTrue(e.muStar()[0] > 0.2 && e.sigma()[0] > 0.1);
        assertTrue(e.muStar()[1] > 0.2 && e.sigma()[1] > 0.1);
        assertEquals(0, e.muStar()[2], 1e-12);
        assertTrue(e.muStarLow()[0] <= e.muStar()[0] && e.muStar()[0] <= e.muStarHigh()[0]);
    }

    @Test
    void morrisTrajectoriesMoveOneFactorAtATimeByDeltaOnTheGrid() {
        int k = 5;
        int levels = 4;
        double delta = Morris.delta(levels);
        double[][] d = Morris.design(10, k, levels, 3);
        for (int t = 0; t < 10; t++) {
            Set<Integer> moved = new HashSet<>();
            for (int s = 0; s < k; s++) {
                double[] a = d[t * (k + 1) + s];
                double[] b = d[t * (k + 1) + s + 1];
                int changes = 0;
                for (int i = 0; i < k; i++) {
                    if (a[i] != b[i]) {
                        changes++;
                        moved.add(i);
                        assertEquals(delta, Math.abs(a[i] - b[i]), 1e-12);
                    }
                    assertTrue(b[i] >= -1e-12 && b[i] <= 1 + 1e-12);
                }
                assertEquals(1, changes);
            }
            assertEquals(k, moved.size(), "every factor moves once per trajectory");
        }
    }
}
