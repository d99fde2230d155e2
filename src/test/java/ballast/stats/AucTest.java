package ballast.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class AucTest {
    // Worked by hand. Pairs won by each positive (ties 1/2): 0.9 beats all four negatives (4); 0.6 ties
    // 0.6 and beats 0.3, 0.2, 0.1 (3.5); 0.4 beats 0.3, 0.2, 0.1 (3). AUC = 10.5 / 12 = 0.875.
    // DeLong: placements of the positives 4/4, 3.5/4, 3/4 (sample variance 1/64); of the negatives, the
    // share of positives above each, 1.5/3, 1, 1, 1 (sample variance 1/16); SE^2 = (1/64)/3 + (1/16)/4
    // = 1/48.
    static final double[] POSITIVES = {0.9, 0.6, 0.4};
    static final double[] NEGATIVES = {0.6, 0.3, 0.2, 0.1};

    @Test
    void aucOfAHandWorkedCaseWithATie() {
        assertEquals(0.875, Auc.of(POSITIVES, NEGATIVES), 1e-15);
        assertEquals(Math.sqrt(1.0 / 48), Auc.delongStandardError(POSITIVES, NEGATIVES), 1e-15);
    }

    @Test
    void scoresWithOutcomesGiveTheSameAucAsTheTwoGroups() {
        double[] scores = {0.1, 0.9, 0.6, 0.3, 0.6, 0.4, 0.2};
        boolean[] outcomes = {false, true, false, false, true, true, false};
        assertEquals(0.875, Auc.of(scores, outcomes), 1e-15);
    }

    @Test
    void identicalScoresGiveOneHalfAndPerfectRankingGivesOne() {
        assertEquals(0.5, Auc.of(new double[] {0.3, 0.3}, new double[] {0.3, 0.3, 0.3}), 0);
        assertEquals(0.0, Auc.delongStandardError(new double[] {0.3, 0.3}, new double[] {0.3, 0.3, 0.3}), 0);
        assertEquals(1.0, Auc.of(new double[] {0.8, 0.9}, new double[] {0.1, 0.5, 0.7}), 0);
        assertEquals(0.0, Auc.of(new double[] {0.1, 0.5}, new double[] {0.6, 0.7}), 0);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3})
    void ranksAgreeWithComparingEveryPairAndDelongWithItsDefinition(long seed) {
        // Independent route: the O(n1 n0) definitions (Mann-Whitney kernel psi = 1, 1/2, 0; DeLong's
        // placements V10, V01 as means of psi) on scores with many ties.
        Random random = new Random(seed);
        int n1 = 5 + random.nextInt(30);
        int n0 = 5 + random.nextInt(200);
        double[] pos = new double[n1];
        double[] neg = new double[n0];
        for (int i = 0; i < n1; i++) {
            pos[i] = random.nextInt(8) + 1.5;
        }
        for (int j = 0; j < n0; j++) {
            neg[j] = random.nextInt(8);
        }
        double[] v10 = new double[n1];
        double[] v01 = new double[n0];
        double total = 0;
        for (int i = 0; i < n1; i++) {
            for (int j = 0; j < n0; j++) {
                double psi = pos[i] > neg[j] ? 1 : pos[i] == neg[j] ? 0.5 : 0;
                v10[i] += psi / n0;
                v01[j] += psi / n1;
                total += psi;
            }
        }
        double auc = total / (n1 * (double) n0);
        double se = Math.sqrt(variance(v10, auc) / n1 + variance(v01, auc) / n0);
        assertEquals(auc, Auc.of(pos, neg), 1e-12);
        assertEquals(se, Auc.delongStandardError(pos, neg), 1e-12);
    }

    private static double variance(double[] v, double mean) {
        double ss = 0;
        for (double d : v) {
            ss += (d - mean) * (d - mean);
        }
        return ss / (v.length - 1);
    }

    @Test
    void bootstrapIntervalIsDeterministicForASeedAndContainsTheEstimate() {
        Random random = new Random(7);
        double[] pos = new double[30];
        double[] neg = new double[200];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = random.nextGaussian() + 1;
        }
        for (int j = 0; j < neg.length; j++) {
            neg[j] = random.nextGaussian();
        }
        Interval a = Auc.bootstrap(pos, neg, 2000, 0.95, 42);
        Interval b = Auc.bootstrap(pos, neg, 2000, 0.95, 42);
        Interval c = Auc.bootstrap(pos, neg, 2000, 0.95, 43);
        assertEquals(a, b);
        assertNotEquals(a, c);
        assertEquals(Auc.of(pos, neg), a.estimate(), 0);
        assertTrue(a.contains(a.estimate()), a.toString());
        assertEquals(0.95, a.level());
        // The percentile interval's width is close to the normal interval's from DeLong's SE (both
        // estimate the same sampling spread; 2000 resamples and skew leave some percent of difference).
        double normalWidth = 2 * 1.959964 * Auc.delongStandardError(pos, neg);
        assertEquals(normalWidth, a.width(), 0.15 * normalWidth);
        // A narrower level gives a narrower interval from the same resamples.
        assertTrue(Auc.bootstrap(pos, neg, 2000, 0.80, 42).width() < a.width());
    }

    @Test
    void bootstrapReplicatesAreTheAucsOfTheDrawnScoresAndIgnoreInputOrder() {
        // Independent route: draw the same indices into the sorted scores (positives first, then
        // negatives, per resample), rank each resample with Auc.of, take the percentile interval.
        Random random = new Random(11);
        double[] pos = new double[12];
        double[] neg = new double[40];
        for (int i = 0; i < pos.length; i++) {
            pos[i] = random.nextInt(6) + 1;
        }
        for (int j = 0; j < neg.length; j++) {
            neg[j] = random.nextInt(6); // many ties between and within the groups
        }
        double[] sortedPos = pos.clone();
        double[] sortedNeg = neg.clone();
        java.util.Arrays.sort(sortedPos);
        java.util.Arrays.sort(sortedNeg);
        org.apache.commons.math3.random.RandomGenerator generator = Bootstrap.generator(5);
        double[] replicates = new double[300];
        for (int b = 0; b < replicates.length; b++) {
            int[] pi = Bootstrap.resample(pos.length, generator);
            int[] qi = Bootstrap.resample(neg.length, generator);
            double[] p = new double[pi.length];
            double[] q = new double[qi.length];
            for (int i = 0; i < p.length; i++) {
                p[i] = sortedPos[pi[i]];
            }
            for (int j = 0; j < q.length; j++) {
                q[j] = sortedNeg[qi[j]];
            }
            replicates[b] = Auc.of(p, q);
        }
        Interval expected = Bootstrap.percentile(Auc.of(pos, neg), replicates, 0.9);
        Interval actual = Auc.bootstrap(pos, neg, 300, 0.9, 5);
        assertEquals(expected.lower(), actual.lower(), 1e-12);
        assertEquals(expected.upper(), actual.upper(), 1e-12);
        double[] reversed = new double[neg.length];
        for (int j = 0; j < neg.length; j++) {
            reversed[j] = neg[neg.length - 1 - j];
        }
        assertEquals(actual, Auc.bootstrap(pos, reversed, 300, 0.9, 5));
    }

    @Test
    void perfectSeparationHasADegenerateBootstrapInterval() {
        Interval i = Auc.bootstrap(new double[] {0.8, 0.9}, new double[] {0.1, 0.5, 0.7}, 200, 0.95, 1);
        assertEquals(1.0, i.lower(), 0);
        assertEquals(1.0, i.upper(), 0);
    }

    @Test
    void missingGroupsAndNaNAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[0], new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new boolean[] {true, true}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {Double.NaN}, new double[] {1}));
        assertThrows(IllegalArgumentException.class, () -> Auc.delongStandardError(new double[] {1}, new double[] {0, 1}));
        assertThrows(IllegalArgumentException.class, () -> Auc.of(new double[] {1, 2}, new boolean[] {true}));
    }
}
