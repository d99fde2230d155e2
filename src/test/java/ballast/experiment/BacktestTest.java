package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ballast.model.RunRecord;
import ballast.model.Side;
import ballast.model.Term;
import org.junit.jupiter.api.Test;

/** The back-test's counting and its naive baseline, against hand-counted values. */
class BacktestTest {

    /** A run of {@code states} states over {@code ticks} months, all with Taipei at the start, with given switches. */
    private record FakeRun(int states, int ticks, int[] tick, int[] state, Side[] to) implements RunRecord {
        @Override
        public int rocAlliesAt(int t) {
            boolean[] roc = new boolean[states];
            java.util.Arrays.fill(roc, true);
            for (int k = 0; k < tick.length && tick[k] <= t; k++) {
                roc[state[k]] = to[k] == Side.ROC;
            }
            int n = 0;
            for (boolean r : roc) {
                n += r ? 1 : 0;
            }
            return n;
        }

        @Override
        public double rocGdpShareAt(int t) {
            return 0;
        }

        @Override
        public double rocPopulationShareAt(int t) {
            return 0;
        }

        @Override
        public int switchCount() {
            return tick.length;
        }

        @Override
        public int switchTick(int k) {
            return tick[k];
        }

        @Override
        public int switchState(int k) {
            return state[k];
        }

        @Override
        public Side switchTo(int k) {
            return to[k];
        }

        @Override
        public double switchHazard(int k) {
            return 0;
        }

        @Override
        public double switchTerm(int k, Term term) {
            return 0;
        }
    }

    @Test
    void countsRunsAtRiskOnFirstJanuaryAndSwitchesToBeijingWithinTheYear() {
        int[] yearOfTick = new int[24];
        for (int t = 12; t < 24; t++) {
            yearOfTick[t] = 1;
        }
        BacktestCounts c = new BacktestCounts(2, yearOfTick);
        boolean[] roc = {true, true};
        // Run A: state 0 to Beijing in month 6 of year 0, back to Taipei in month 3 of year 1.
        c.add(new FakeRun(2, 24, new int[] {5, 14}, new int[] {0, 0}, new Side[] {Side.PRC, Side.ROC}), roc);
        // Run B: state 1 to Beijing in month 9 of year 1.
        BacktestCounts b = new BacktestCounts(2, yearOfTick);
        b.add(new FakeRun(2, 24, new int[] {20}, new int[] {1}, new Side[] {Side.PRC}), roc);
        c.merge(b);

        assertEquals(2, c.replications());
        assertEquals(2, c.atRisk(0, 0));
        assertEquals(1, c.events(0, 0));
        assertEquals(1, c.atRisk(0, 1), "run A's state 0 was with Beijing on 1 January of year 1");
        assertEquals(0, c.events(0, 1));
        assertEquals(2, c.atRisk(1, 1));
        assertEquals(1, c.events(1, 1));
        assertEquals(1, c.everToPrc(0));
        assertEquals(2, c.rocAtEnd(0), "run A's state 0 came back");
        assertEquals(1, c.rocAtEnd(1));
        assertEquals(1, c.alliesHistogram(10)[1], "run A at month 11: one ally");
        assertEquals(1, c.alliesHistogram(10)[2]);
    }
}
