package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The switching rule against values computed by hand (Python 3, {@code math.exp}/{@code math.log},
 * double precision; each expected value's formula is in the comment beside it). Tolerance 1e-12.
 */
class DecisionRuleTest {
    private static final double EPS = 1e-12;

    @Test
    void hazardIsOneMinusExpOfDtTimesRateTimesExpOfPullMinusBallast() {
        // 1 - exp(-(1/12) * 0.036 * exp(1.0 - 0.5))
        assertEquals(0.0049339516865597455, DecisionRule.hazard(1.0 / 12, 0.036, 1.0, 0.5), EPS);
        // pull = ballast: the base rate alone, 1 - exp(-0.036 / 12)
        assertEquals(0.0029955044966269995, DecisionRule.hazard(1.0 / 12, 0.036, 0.7, 0.7), EPS);
        assertEquals(0.0, DecisionRule.hazard(1.0 / 12, 0.0, 5, 0), 0.0);
    }

    @Test
    void termsOfAnAllyMatchHandComputedValues() {
        Worlds.State x = new Worlds.State("PLW");
        x.gdp = 200;
        x.exposure = 0.4;
        x.affinity = 0.7;
        x.stance = 0.5;
        x.fragility = 0.6;
        List<PatronSpec> patrons = List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 100, 0.0), // offers X 100
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 20, 1.0),  // gives X 20
                Worlds.partner("japan", Strategies.FIXED, 0),
                Worlds.backer("usa", 0.5));
        List<ScheduledEvent> events = List.of(
                new ScheduledEvent.Engagement(Worlds.START, "japan", "PLW", "summit", 2.0));
        RecognitionModel model = new RecognitionModel(
                Worlds.world(List.of(x), patrons, Worlds.rule(0.05, 0.005), events, 12));
        Worlds.step(model, 1, 1);
        Country c = model.country(0);
        assertEquals(100.0, c.offerUsdMillions(), 0.0);
        assertEquals(20.0, c.aidUsdMillions(), 0.0);

        double[] t = new double[Term.count()];
        double hazard = c.hazard(0, t);
        assertEquals(1.1795476898172976, t[Term.OFFER.ordinal()], EPS);        // 0.3 * ln(1 + 100*100/200)
        assertEquals(0.4, t[Term.EXPOSURE.ordinal()], EPS);                     // 1.0 * 0.4
        assertEquals(0.0, t[Term.CONTAGION.ordinal()], EPS);                    // nobody switched
        assertEquals(1.1795476898172976, t[Term.FRAGILITY.ordinal()], EPS);     // 0.5 * 0.6 * ln(51)
        assertEquals(0.0, t[Term.NEW_GOVERNMENT.ordinal()], EPS);               // no change of government
        assertEquals(0.9591581091193483, t[Term.AID.ordinal()], EPS);           // 0.4 * ln(1 + 100*20/200)
        assertEquals(0.5493061443340549, t[Term.ENGAGEMENT.ordinal()], EPS);    // 0.5 * ln(1 + 2)
        assertEquals(0.3, t[Term.BACKING.ordinal()], EPS);                      // 0.6 * 0.5
        assertEquals(0.7, t[Term.AFFINITY.ordinal()], EPS);                     // 1.0 * 0.7
        assertEquals(0.4, t[Term.STANCE.ordinal()], EPS);                       // 0.8 * 0.5
        assertEquals(0.0, t[Term.SIZE.ordinal()], EPS);                         // weight 0
        assertEquals(2.759095379634595, DecisionRule.pull(t), EPS);
        assertEquals(2.908464253453403, DecisionRule.ballast(t), EPS);
        // 1 - exp(-(1/12) * 0.05 * exp(2.759095379634595 - 2.908464253453403))
        assertEquals(0.0035821162058300438, hazard, EPS);
        assertEquals(hazard, c.currentHazard(), EPS);
    }

    @Test
    void gdpBelowTheFloorIsPricedAtTheFloor() {
        RecognitionModel model = new RecognitionModel(Worlds.world(List.of(new Worlds.State("VAT")),
                Worlds.idlePatrons(), Worlds.rule(0.05, 0.005), List.of(), 12));
        // The Holy See has no GDP: 10 US$ m against the 50 US$ m floor is 20% of GDP, ln(1 + 20).
        assertEquals(Math.log(21), model.rule().moneyEffect(10, 0.0), EPS);
        assertEquals(0.0, model.rule().moneyEffect(0, 0.0), 0.0);
    }

    @Test
    void everyRecordedSwitchHasTheHazardItsTermsGive() {
        // Many switches both ways; each record's hazard comes from the cached fast path, its terms from
        // the full rule: they must agree.
        List<Worlds.State> states = new java.util.ArrayList<>();
        String[] codes = {"TUV", "PLW", "MHL", "NRU", "KIR", "FJI"};
        for (int i = 0; i < codes.length; i++) {
            Worlds.State s = new Worlds.State(codes[i]);
            s.gdp = 50.0 * (i + 1);
            s.exposure = 0.1 * i;
            s.stance = 0.3 - 0.1 * i;
            s.opposition = -s.stance;
            s.fragility = 0.15 * i;
            s.changeProbability = 0.5;
            s.nextElection = Worlds.START.plusMonths(i + 1);
            s.termMonths = 12;
            states.add(s);
        }
        List<PatronSpec> patrons = List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.CHEAPEST_FLIP, 300, 0.3),
                Worlds.recogniser("roc", Side.ROC, Strategies.DEFEND_AT_RISK, 100, 0.8),
                Worlds.partner("japan", Strategies.BALLAST, 30),
                Worlds.backer("usa", 0.4));
        ModelParameters world = Worlds.world(states, patrons, Worlds.rule(0.6, 0.4), List.of(), 120);
        RecognitionModel model = new RecognitionModel(world);
        List<SwitchEvent> switches = new java.util.ArrayList<>();
        for (long seed = 1; seed <= 5; seed++) {
            switches.addAll(model.run(seed).switches());
        }
        assertFalse(switches.size() < 100, "expected many switches, got " + switches.size());
        for (SwitchEvent e : switches) {
            double rate = e.from() == Side.ROC ? 0.6 : 0.4;
            assertEquals(DecisionRule.hazard(1.0 / 12, rate, e.pull(), e.ballast()), e.hazard(), EPS, e.toString());
        }
    }
}
