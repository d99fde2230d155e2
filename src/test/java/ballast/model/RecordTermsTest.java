package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The terms that come from the historical record, against values computed by hand: a state's size,
 * income and free association of the year before, its own history, who governs in Taipei, recorded
 * changes of government, and the switches of its sub-region before the start. Tolerance 1e-12.
 */
class RecordTermsTest {
    private static final double EPS = 1e-12;
    private static final YearMonth START = Worlds.START; // 2030-01

    /** Population 2.5 m and GDP US$ 15 bn in 2029, 3 m and US$ 9 bn in 2030; in free association; was with Beijing. */
    private static Worlds.State recorded(String code) {
        Worlds.State s = new Worlds.State(code);
        YearlyData y = new YearlyData(2029, Map.of(
                YearlyData.POPULATION, new double[] {2.5e6, 3e6},
                YearlyData.GDP, new double[] {15_000, 9_000},
                YearlyData.US_FREE_ASSOCIATION, new double[] {1, 1}));
        s.record = new StateRecord(y, true, List.of(START.plusMonths(5)), START.plusMonths(11), 0.0);
        return s;
    }

    private static RuleParameters rule() {
        return Worlds.rule(0.05, 0.005, 24, 1.0, Term.SIZE, 0.3, Term.INCOME, 0.2, Term.US_FREE_ASSOCIATION, -0.7,
                Term.HISTORY, 0.9, Term.TAIPEI_DPP, 0.4, Term.TRUCE, -2.0, Term.NEW_GOVERNMENT, 0.6,
                Term.CONTAGION, 0.5);
    }

    private static Setting setting() {
        return new Setting(List.of(
                new Setting.TaipeiGovernment(START.minusYears(3), "A", "DPP", false),
                new Setting.TaipeiGovernment(START.plusMonths(4), "B", "KMT", true)),
                List.of(new Setting.PastSwitch(START.minusMonths(3), "XXA", "north", Side.PRC),
                        new Setting.PastSwitch(START.minusMonths(30), "XXB", "north", Side.PRC),
                        new Setting.PastSwitch(START.minusMonths(2), "XXC", "south", Side.PRC)));
    }

    private static RecognitionModel model(int ticks) {
        RecognitionModel m = new RecognitionModel(Worlds.world(List.of(recorded("PLW")), Worlds.idlePatrons(), rule(),
                List.of(), 36, setting()));
        Worlds.step(m, 3, ticks);
        return m;
    }

    @Test
    void eachRecordTermHasItsHandComputedValueInTheFirstMonth() {
        double[] t = new double[Term.count()];
        model(1).country(0).hazard(0, t);
        assertEquals(0.3 * Math.log(2.5), t[Term.SIZE.ordinal()], EPS);          // 2029's population: 2.5 m
        assertEquals(0.2 * Math.log(2.0), t[Term.INCOME.ordinal()], EPS);        // US$ 6,000 a head = 2 x 3,000
        assertEquals(-0.7, t[Term.US_FREE_ASSOCIATION.ordinal()], EPS);
        assertEquals(0.9, t[Term.HISTORY.ordinal()], EPS);
        assertEquals(0.4, t[Term.TAIPEI_DPP.ordinal()], EPS);                    // a DPP president in Taipei
        assertEquals(0.0, t[Term.TRUCE.ordinal()], EPS);
        assertEquals(0.5, t[Term.CONTAGION.ordinal()], EPS);                     // XXA, 3 months before; XXB too old
        assertEquals(0.0, t[Term.NEW_GOVERNMENT.ordinal()], EPS);
    }

    @Test
    void taipeisNextGovernmentRecordedChangesAndTheNewYearTakeEffectWhenTheyCome() {
        double[] t = new double[Term.count()];
        RecognitionModel m = model(6);
        m.country(0).hazard(5, t);
        assertEquals(0.0, t[Term.TAIPEI_DPP.ordinal()], EPS);                    // KMT from month 4...
        assertEquals(-2.0, t[Term.TRUCE.ordinal()], EPS);                        // ...met by a truce
        assertEquals(0.6, t[Term.NEW_GOVERNMENT.ordinal()], EPS);                // recorded change in month 5
        assertEquals(0.5, t[Term.CONTAGION.ordinal()], EPS);                     // XXA's switch, 8 months old
        assertEquals(1.0, m.country(0).contagion(21), EPS);                      // 24 months old: the window's last
        assertEquals(0.0, m.country(0).contagion(22), EPS);                      // 25 months old: out
        m = model(13);                                                            // 2031-01: 2030's figures
        m.country(0).hazard(12, t);
        assertEquals(0.3 * Math.log(3.0), t[Term.SIZE.ordinal()], EPS);
        assertEquals(0.2 * Math.log(1.0), t[Term.INCOME.ordinal()], EPS);        // US$ 3,000 a head
        assertEquals(9_000.0, m.country(0).gdpUsdMillions(), 0.0);
    }

    @Test
    void recordTermsActOnlyOnTheHazardOfLeavingTaipei() {
        Worlds.State s = recorded("PLW");
        s.side = Side.PRC;
        RecognitionModel m = new RecognitionModel(Worlds.world(List.of(s), Worlds.idlePatrons(), rule(), List.of(), 12,
                setting()));
        Worlds.step(m, 3, 1);
        double[] t = new double[Term.count()];
        m.country(0).hazard(0, t);
        for (Term term : List.of(Term.SIZE, Term.INCOME, Term.US_FREE_ASSOCIATION, Term.HISTORY, Term.TAIPEI_DPP,
                Term.TRUCE)) {
            assertEquals(0.0, t[term.ordinal()], 0.0, term.key());
        }
    }

    @Test
    void aStateThatMovesToBeijingHasHistoryFromThenOn() {
        Worlds.State s = new Worlds.State("NRU");
        RecognitionModel m = new RecognitionModel(Worlds.world(List.of(s), Worlds.idlePatrons(),
                Worlds.rule(10_000, 0, 24, 1.0), List.of(), 3));
        Worlds.step(m, 1, 1);
        assertEquals(Side.PRC, m.country(0).side());
        assertTrue(m.country(0).priorPrcTies());
        assertFalse(new RecognitionModel(Worlds.world(List.of(new Worlds.State("TUV")), Worlds.idlePatrons(),
                Worlds.rule(0, 0, 24, 1.0), List.of(), 3)).run(1).switches().size() > 0);
    }

    @Test
    void afterTheRecordEndsGovernmentsChangeAtTheStatesRate() {
        Worlds.State s = new Worlds.State("TUV");
        s.stance = 0.5;
        s.opposition = -0.5;
        // Record known through month 2; then 120 changes a year: a change almost every month.
        s.record = new StateRecord(null, false, List.of(), START.plusMonths(2), 120.0);
        RecognitionModel m = new RecognitionModel(Worlds.world(List.of(s), Worlds.idlePatrons(),
                Worlds.rule(1e-9, 1e-9, 24, 1.0), List.of(), 24));
        Worlds.step(m, 5, 3);
        assertEquals(Country.NEVER, m.country(0).governmentChangeTick(), "no random change while the record runs");
        Worlds.step(m, 5, 24);
        assertTrue(m.country(0).governmentChangeTick() > 2, "random changes after the record ends");
    }
}
