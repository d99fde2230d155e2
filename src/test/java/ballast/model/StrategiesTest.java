package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each named strategy chooses the targets the design brief says it must. */
class StrategiesTest {

    private static Worlds.State state(String code, double gdp, double stance) {
        Worlds.State s = new Worlds.State(code);
        s.gdp = gdp;
        s.stance = stance;
        return s;
    }

    private static RecognitionModel afterFirstTick(List<Worlds.State> states, List<PatronSpec> patrons) {
        // Base rates near zero so nobody switches and the allocation of tick 0 can be read.
        RecognitionModel model = new RecognitionModel(Worlds.world(states, patrons, Worlds.rule(1e-9, 1e-9),
                List.of(), 12));
        Worlds.step(model, 1, 1);
        return model;
    }

    @Test
    void cheapestFlipBuysWhereADollarRaisesHazardMost() {
        // Equal in all but GDP: 100 US$ m is 100% of the small state's GDP and 0.1% of the large one's.
        RecognitionModel m = afterFirstTick(List.of(state("PRY", 100_000, 0), state("TUV", 100, 0)), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.CHEAPEST_FLIP, 100, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0)));
        assertEquals(100.0, m.country("TUV").offerUsdMillions(), 1e-9);
        assertEquals(0.0, m.country("PRY").offerUsdMillions(), 0.0);
    }

    @Test
    void cheapestFlipSpreadsOnceReturnsDiminish() {
        // Two identical small states: the chunks alternate, so each gets half.
        RecognitionModel m = afterFirstTick(List.of(state("TUV", 100, 0), state("NRU", 100, 0)), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.CHEAPEST_FLIP, 100, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0)));
        assertEquals(50.0, m.country("TUV").offerUsdMillions(), 1e-9);
        assertEquals(50.0, m.country("NRU").offerUsdMillions(), 1e-9);
    }

    @Test
    void mostValuableOffersInProportionToGdp() {
        RecognitionModel m = afterFirstTick(List.of(state("GTM", 300, 0), state("PRY", 100, 0)), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 200, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0)));
        assertEquals(150.0, m.country("GTM").offerUsdMillions(), 1e-9);
        assertEquals(50.0, m.country("PRY").offerUsdMillions(), 1e-9);
    }

    @Test
    void defendAtRiskGivesAidInProportionToHazardBeforeAid() {
        // Stance +0.5 vs -0.5 with stance weight 0.8: hazard before aid is
        // 1 - exp(-(1e-9/12) e^{-0.4}) vs 1 - exp(-(1e-9/12) e^{0.4}); their ratio is e^{0.8} to within 1e-9.
        RecognitionModel m = afterFirstTick(List.of(state("BLZ", 1000, 0.5), state("HTI", 1000, -0.5)), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 0, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.DEFEND_AT_RISK, 100, 1.0)));
        double safe = m.country("BLZ").aidUsdMillions();
        double atRisk = m.country("HTI").aidUsdMillions();
        assertEquals(100.0, safe + atRisk, 1e-9);
        assertEquals(Math.exp(0.8), atRisk / safe, 1e-6);
    }

    @Test
    void ballastEngagesTheMostWaveringAllyOfHighestValue() {
        // Same hazard, GDP 1000 vs 100: engagement splits 10:1. A wavering small state (stance -1)
        // gets more than its GDP share.
        RecognitionModel m = afterFirstTick(List.of(state("GTM", 1000, 0), state("BLZ", 100, 0)), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 0, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0),
                Worlds.partner("japan", Strategies.BALLAST, 120)));
        Patron japan = m.patron("japan");
        // 120 US$ m a year is 10 a month, at 25 US$ m a point: 0.4 points this month.
        assertEquals(0.4, japan.engagement(0) + japan.engagement(1), 1e-12);
        assertEquals(10.0, japan.engagement(0) / japan.engagement(1), 1e-6);

        RecognitionModel wavering = afterFirstTick(List.of(state("GTM", 1000, 0), state("BLZ", 100, -1)), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 0, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0),
                Worlds.partner("japan", Strategies.BALLAST, 120)));
        Patron j = wavering.patron("japan");
        assertTrue(j.engagement(1) / j.engagement(0) > 0.1 * Math.exp(0.8) - 1e-6);
    }

    @Test
    void engagementHalvesEveryHalfLife() {
        List<ScheduledEvent> events = List.of(new ScheduledEvent.Engagement(Worlds.START, "japan", "PLW", "summit", 4));
        RecognitionModel model = new RecognitionModel(Worlds.world(List.of(new Worlds.State("PLW")), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 0, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0),
                Worlds.partner("japan", Strategies.FIXED, 0)), Worlds.rule(1e-9, 1e-9), events, 60));
        Worlds.step(model, 1, 25); // ticks 0..24: 24 months of ageing after the summit
        assertEquals(2.0, model.patron("japan").engagement(0), 1e-12);
    }

    @Test
    void strategiesAreCheckedAgainstTheRole() {
        assertTrue(Strategies.isKnown(PatronRole.RECOGNISER, "cheapest-flip"));
        assertTrue(Strategies.isKnown(PatronRole.PARTNER, "ballast"));
        assertTrue(!Strategies.isKnown(PatronRole.BACKER, "ballast"));
        assertThrows(IllegalArgumentException.class, () -> new PatronSpec("usa", PatronRole.BACKER, Side.ROC,
                "ballast", 0, 0, 24, 25, 1, 0.5, true));
    }
}
