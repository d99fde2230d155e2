package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Random;
import org.apache.commons.math3.stat.descriptive.rank.Percentile;
import org.apache.commons.math3.stat.descriptive.rank.Percentile.EstimationType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatisticsTest {

    @Test
    void quantilesOfAHandMadeHistogram() {
        // Values 3, 3, 4, 4, 4, 4, 7, 7, 7, 9 (ten runs).
        long[] counts = new long[10];
        counts[3] = 2;
        counts[4] = 4;
        counts[7] = 3;
        counts[9] = 1;
        assertEquals(3, Statistics.quantile(counts, 0.0));
        assertEquals(3, Statistics.quantile(counts, 0.2));   // 2nd of 10
        assertEquals(4, Statistics.quantile(counts, 0.21));  // 3rd
        assertEquals(4, Statistics.quantile(counts, 0.5));   // 5th
        assertEquals(7, Statistics.quantile(counts, 0.9));   // 9th
        assertEquals(9, Statistics.quantile(counts, 0.975)); // 10th
        assertEquals(5.2, Statistics.mean(counts), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5})
    void quantilesAgreeWithCommonsMathOnRandomSamples(long seed) {
        Random random = new Random(seed);
        int n = 1 + random.nextInt(3000);
        long[] counts = new long[13];
        double[] sample = new double[n];
        for (int i = 0; i < n; i++) {
            int v = (int) Math.min(12, Math.abs(Math.round(random.nextGaussian() * 2.5 + 9)));
            counts[v]++;
            sample[i] = v;
        }
        Percentile percentile = new Percentile().withEstimationType(EstimationType.R_1);
        for (double p : new double[] {0.025, 0.1, 0.25, 0.5, 0.75, 0.9, 0.975, 1.0}) {
            assertEquals(percentile.evaluate(sample, p * 100), Statistics.quantile(counts, p), "p=" + p + " n=" + n);
        }
        int[] values = {100, 2000, 3500, 5000, 6000, 7000, 8000, 8100, 8200, 8300, 9000, 9900, 10000};
        double[] mapped = new double[n];
        for (int i = 0; i < n; i++) {
            mapped[i] = values[(int) sample[i]];
        }
        for (double p : new double[] {0.025, 0.5, 0.975}) {
            assertEquals(percentile.evaluate(mapped, p * 100), Statistics.quantile(values, counts, p));
        }
    }

    @Test
    void wilsonIntervalMatchesTheFormulaWorkedByHand() {
        // 81 of 263, z = 1.959964: p = 0.307985, centre = (p + z^2/2n) / (1 + z^2/n),
        // half-width = z / (1 + z^2/n) * sqrt(p(1-p)/n + z^2/4n^2).
        double z = 1.959963984540054;
        double n = 263;
        double p = 81 / n;
        double denominator = 1 + z * z / n;
        double centre = (p + z * z / (2 * n)) / denominator;
        double half = z / denominator * Math.sqrt(p * (1 - p) / n + z * z / (4 * n * n));
        assertArrayEquals(new double[] {centre - half, centre + half}, Statistics.wilson95(81, 263), 1e-9);
        assertArrayEquals(new double[] {0.2553, 0.3662}, Statistics.wilson95(81, 263), 5e-5);
        // No successes in 10 trials: [0, z^2 / (n + z^2)] = [0, 0.2775].
        assertArrayEquals(new double[] {0.0, 0.2775}, Statistics.wilson95(0, 10), 5e-5);
        assertArrayEquals(new double[] {0.7225, 1.0}, Statistics.wilson95(10, 10), 5e-5);
    }
}
