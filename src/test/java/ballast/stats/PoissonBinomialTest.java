package ballast.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.apache.commons.math3.distribution.BinomialDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PoissonBinomialTest {

    @Test
    void threeUnequalTrialsWorkedByHand() {
        // p = 0.1, 0.2, 0.3. P(0) = .9 .8 .7 = .504; P(1) = .1 .8 .7 + .9 .2 .7 + .9 .8 .3 = .398;
        // P(2) = .1 .2 .7 + .1 .8 .3 + .9 .2 .3 = .092; P(3) = .1 .2 .3 = .006.
        PoissonBinomial d = PoissonBinomial.of(new double[] {0.1, 0.2, 0.3});
        assertArrayEquals(new double[] {0.504, 0.398, 0.092, 0.006}, d.probabilities(), 1e-15);
        assertEquals(0.6, d.mean(), 1e-15);
        assertEquals(0.09 + 0.16 + 0.21, d.variance(), 1e-15);
        assertEquals(0.902, d.cumulativeProbability(1), 1e-15);
        assertEquals(0, d.quantile(0.5));
        assertEquals(1, d.quantile(0.504 + 1e-9));
        assertEquals(1, d.quantile(0.9));
        assertEquals(2, d.quantile(0.95));
        assertEquals(3, d.quantile(1.0));
        // 80% band: 10% quantile 0, 90% quantile 1; P(0 <= K <= 1) = 0.902.
        PoissonBinomial.Band band = d.band(0.80);
        assertEquals(0, band.lower());
        assertEquals(1, band.upper());
        assertEquals(0.902, band.coverage(), 1e-15);
    }

    @Test
    void aQuantileAtACumulativeProbabilityExactlyIsReached() {
        // Two fair coins: P(K <= 0) = 0.25 exactly, so the 0.25 quantile is 0 (Commons Math's convention).
        PoissonBinomial d = PoissonBinomial.of(new double[] {0.5, 0.5});
        assertEquals(0, d.quantile(0.25));
        assertEquals(1, d.quantile(0.75));
        assertEquals(new BinomialDistribution(null, 2, 0.5).inverseCumulativeProbability(0.25), d.quantile(0.25));
    }

    @ParameterizedTest
    @CsvSource({"1, 0.3", "12, 0.05", "40, 0.5", "60, 0.93", "200, 0.01"})
    void equalProbabilitiesGiveTheBinomial(int n, double p) {
        double[] ps = new double[n];
        java.util.Arrays.fill(ps, p);
        PoissonBinomial d = PoissonBinomial.of(ps);
        BinomialDistribution binomial = new BinomialDistribution(null, n, p);
        for (int k = -1; k <= n + 1; k++) {
            assertEquals(binomial.probability(k), d.probability(k), 1e-12, "P(" + k + ")");
            assertEquals(binomial.cumulativeProbability(k), d.cumulativeProbability(k), 1e-12, "F(" + k + ")");
        }
        for (double q : new double[] {0.001, 0.1, 0.25, 0.5, 0.9, 0.975, 1.0}) {
            assertEquals(binomial.inverseCumulativeProbability(q), d.quantile(q), "q=" + q);
        }
        assertEquals(n * p, d.mean(), 1e-12);
        assertEquals(n * p * (1 - p), d.variance(), 1e-12);
    }

    @Test
    void certainAndImpossibleTrialsAndNoTrials() {
        PoissonBinomial d = PoissonBinomial.of(new double[] {1, 0, 1});
        assertArrayEquals(new double[] {0, 0, 1, 0}, d.probabilities(), 0);
        assertEquals(2, d.quantile(0));
        assertEquals(2, d.quantile(1));
        PoissonBinomial none = PoissonBinomial.of(new double[0]);
        assertEquals(0, none.trials());
        assertEquals(1.0, none.probability(0), 0);
        assertEquals(0, none.quantile(0.9));
        assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.of(new double[] {1.1}));
        assertThrows(IllegalArgumentException.class, () -> PoissonBinomial.of(new double[] {Double.NaN}));
        assertThrows(IllegalArgumentException.class, () -> d.band(1.0));
    }
}
