package ballast.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    @Test
    void theSameSeedGivesTheSameResamplesAndInterval() {
        double[] data = new double[50];
        Random random = new Random(3);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        double[] a = Bootstrap.replicates(data.length, idx -> mean(data, idx), 500, 11);
        double[] b = Bootstrap.replicates(data.length, idx -> mean(data, idx), 500, 11);
        assertArrayEquals(a, b, 0);
        assertEquals(Bootstrap.interval(data.length, idx -> mean(data, idx), 500, 0.9, 11),
                Bootstrap.interval(data.length, idx -> mean(data, idx), 500, 0.9, 11));
    }

    @Test
    void intervalOfAMeanIsCloseToTheNormalTheory() {
        // 400 standard normal draws: SE of the mean 1/20 (sample SD about 1), so the 95% interval is
        // the mean +- 0.098; the percentile bootstrap agrees to within resampling noise (10%).
        double[] data = new double[400];
        Random random = new Random(5);
        for (int i = 0; i < data.length; i++) {
            data[i] = random.nextGaussian();
        }
        Interval interval = Bootstrap.interval(data.length, idx -> mean(data, idx), 2000, 0.95, 99);
        double all = mean(data, null);
        assertEquals(all, interval.estimate(), 0);
        double sd = Math.sqrt(org.apache.commons.math3.stat.StatUtils.variance(data));
        assertEquals(2 * 1.96 * sd / 20, interval.width(), 0.1 * interval.width());
        assertTrue(interval.contains(all));
    }

    @Test
    void percentileIntervalOfKnownReplicates() {
        // 1..99: Commons Math's default percentile (position p (n + 1)) puts the 5th percentile at the
        // 5th value and the 95th at the 95th.
        double[] r = new double[99];
        for (int i = 0; i < r.length; i++) {
            r[i] = i + 1;
        }
        Interval interval = Bootstrap.percentile(50, r, 0.9);
        assertEquals(5, interval.lower(), 1e-12);
        assertEquals(95, interval.upper(), 1e-12);
    }

    @Test
    void resamplesStayInRangeAndANaNStatisticIsReported() {
        int[] idx = Bootstrap.resample(7, Bootstrap.generator(1));
        assertEquals(7, idx.length);
        for (int i : idx) {
            assertTrue(i >= 0 && i < 7);
        }
        assertThrows(IllegalStateException.class, () -> Bootstrap.interval(5, i -> Double.NaN, 10, 0.9, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(0, i -> 0, 10, 0.9, 1));
        assertThrows(IllegalArgumentException.class, () -> Bootstrap.interval(5, i -> 0, 10, 1.0, 1));
    }

    private static double mean(double[] data, int[] idx) {
        double s = 0;
        int n = idx == null ? data.length : idx.length;
        for (int k = 0; k < n; k++) {
            s += data[idx == null ? k : idx[k]];
        }
        return s / n;
    }
}
