package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What a run records of the money: each patron's offers, aid and engagement per state and month. */
class MoneyRecordTest {

    private static ModelParameters busyWorld() {
        return Worlds.busyWorld(30);
    }

    /** Returns, per tick and state, whether the state recognised Taipei when the patrons acted. */
    private static boolean[][] rocWhenPatronsActed(RunResult r) {
        int n = r.parameters().countries().size();
        boolean[][] roc = new boolean[r.ticks()][n];
        boolean[] now = new boolean[n];
        java.util.Arrays.fill(now, true);
        int k = 0;
        for (int t = 0; t < r.ticks(); t++) {
            roc[t] = now.clone();
            for (; k < r.switches().size() && r.switches().get(k).tick() == t; k++) {
                int i = r.switchState(k);
                now[i] = r.switchTo(k) == Side.ROC;
            }
        }
        return roc;
    }

    @Test
    void eachMonthHoldsTheOffersAidAndEngagementThePatronsGave() {
        for (long seed = 0; seed < 20; seed++) {
            RunResult r = new RecognitionModel(busyWorld()).run(seed);
            MoneyRecord m = r.money();
            boolean[][] roc = rocWhenPatronsActed(r);
            for (int t = 0; t < r.ticks(); t++) {
                double[] offers = new double[3];
                double[] aid = new double[3];
                boolean anyRoc = false;
                boolean anyPrc = false;
                for (int i = 0; i < 5; i++) {
                    anyRoc |= roc[t][i];
                    anyPrc |= !roc[t][i];
                    assertEquals(roc[t][i] ? MoneyKind.OFFER : MoneyKind.AID, m.kind(t, 0, i));
                    assertEquals(roc[t][i] ? MoneyKind.AID : MoneyKind.OFFER, m.kind(t, 1, i));
                    assertEquals(MoneyKind.ENGAGEMENT, m.kind(t, 2, i));
                    assertEquals(null, m.kind(t, 3, i), "a backer spends nothing");
                    for (int p = 0; p < 2; p++) {
                        (m.kind(t, p, i) == MoneyKind.OFFER ? offers : aid)[p] += m.usdMillionsPerYear(t, p, i);
                    }
                    offers[2] += m.usdMillionsPerYear(t, 2, i);
                    assertEquals(roc[t][i] ? m.usdMillionsPerYear(t, 2, i) / 12 / 25 : 0.0, m.points(t, 2, i), 1e-12,
                            "Japan buys points at 25 a point, only with Taipei's allies");
                }
                assertEquals(anyRoc ? 160.0 : 0.0, offers[0], 1e-9, "Beijing offers 80% of its 200");
                assertEquals(anyPrc ? 40.0 : 0.0, aid[0], 1e-9);
                assertEquals(anyPrc ? 8.0 : 0.0, offers[1], 1e-9, "Taipei offers 10% of its 80");
                assertEquals(anyRoc ? 72.0 : 0.0, aid[1], 1e-9);
                assertEquals(anyRoc ? 20.0 : 0.0, offers[2], 1e-9, "Japan spends its 20");
            }
        }
    }

    @Test
    void theYearSumsAreTheSumsOfTheirMonths() {
        RunResult r = new RecognitionModel(busyWorld()).run(4);
        MoneyRecord m = r.money();
        assertEquals(3, m.years(), "January 2030 to June 2032");
        for (int y = 0; y < m.years(); y++) {
            for (int p = 0; p < 4; p++) {
                for (int i = 0; i < 5; i++) {
                    for (MoneyKind kind : MoneyKind.values()) {
                        double sum = 0;
                        double points = 0;
                        for (int t = 12 * y; t < Math.min(12 * (y + 1), r.ticks()); t++) {
                            sum += m.kind(t, p, i) == kind ? m.usdMillionsPerYear(t, p, i) : 0.0;
                            points += m.points(t, p, i);
                        }
                        assertEquals(sum, m.usdSumInYear(y, p, i, kind), 1e-9);
                        assertEquals(points, m.pointsInYear(y, p, i), 1e-12);
                    }
                }
            }
        }
        assertTrue(m.usdSumInYear(0, 0, 0, MoneyKind.OFFER) > 0, "Beijing offered Tuvalu something in 2030");
    }

    @Test
    void aBatchsReplicationKeepsTheSameYearSumsWithoutTheMonths() {
        RecognitionModel model = new RecognitionModel(busyWorld());
        MoneyRecord monthly = model.run(8).money();
        MoneyRecord yearly = model.simulate(8).money();
        assertTrue(monthly.hasMonths());
        assertTrue(!yearly.hasMonths());
        for (int c = 0; c < monthly.yearUsdCells(); c++) {
            assertEquals(monthly.yearUsdCell(c), yearly.yearUsdCell(c), 0.0);
        }
        assertThrows(IllegalStateException.class, () -> yearly.usdMillionsPerYear(0, 0, 0));
        assertTrue(model.run(8).money().hasMonths(), "run records the months again");
    }
}
