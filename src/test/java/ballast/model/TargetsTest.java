package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Levers aimed at named states: a patron's targets restrict where its strategy spends, engages and
 * backs; earmarks pay named states on top of the budget; patron events change both from a month on.
 */
class TargetsTest {

    private static Worlds.State state(String code, String region, double gdp) {
        Worlds.State s = new Worlds.State(code);
        s.region = region;
        s.gdp = gdp;
        return s;
    }

    private static final List<Worlds.State> THREE = List.of(state("GTM", "caribbean", 300),
            state("PRY", "caribbean", 100), state("TUV", "pacific", 100));

    private static PatronSpec aimed(PatronSpec p, Targets targets, Map<String, Double> earmarks) {
        return new PatronSpec(p.id(), p.role(), p.side(), p.strategy(), p.budgetUsdMillionsPerYear(), p.aidShare(),
                p.engagementHalfLifeMonths(), p.usdMillionsPerEngagementPoint(), p.engagementScale(), p.backing(),
                p.active(), targets, earmarks);
    }

    private static RecognitionModel afterTicks(List<PatronSpec> patrons, List<ScheduledEvent> events, int ticks) {
        RecognitionModel model = new RecognitionModel(Worlds.world(THREE, patrons, Worlds.rule(1e-9, 1e-9), events, 12));
        Worlds.step(model, 1, ticks);
        return model;
    }

    private static PatronSpec prc(double budget) {
        return Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, budget, 0.0);
    }

    private static PatronSpec roc(double budget) {
        return Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, budget, 1.0);
    }

    @Test
    void aRecogniserSpendsItsBudgetOnlyOnTheStatesItAimsAt() {
        RecognitionModel notGuatemala = afterTicks(List.of(
                aimed(prc(200), new Targets(false, List.of("GTM")), Map.of()), roc(0)), List.of(), 1);
        assertEquals(0.0, notGuatemala.country("GTM").offerUsdMillions(), 0.0);
        assertEquals(100.0, notGuatemala.country("PRY").offerUsdMillions(), 1e-9, "GDP-weighted among the rest");
        assertEquals(100.0, notGuatemala.country("TUV").offerUsdMillions(), 1e-9);

        RecognitionModel pacificOnly = afterTicks(List.of(
                aimed(prc(200), new Targets(true, List.of("pacific")), Map.of()), roc(0)), List.of(), 1);
        assertEquals(200.0, pacificOnly.country("TUV").offerUsdMillions(), 1e-9, "a region names its states");
        assertEquals(0.0, pacificOnly.country("GTM").offerUsdMillions(), 0.0);
    }

    @Test
    void aPartnerEngagesOnlyTheStatesItAimsAt() {
        RecognitionModel m = afterTicks(List.of(prc(0), roc(0),
                aimed(Worlds.partner("japan", Strategies.BALLAST, 120), new Targets(false, List.of("PRY")), Map.of())),
                List.of(), 1);
        Patron japan = m.patron("japan");
        assertEquals(0.0, japan.engagement(1), 0.0, "Paraguay is not engaged");
        assertEquals(0.4, japan.engagement(0) + japan.engagement(2), 1e-12, "the whole budget goes to the others");
    }

    @Test
    void aBackerBacksOnlyTheStatesItAimsAt() {
        RecognitionModel m = afterTicks(List.of(prc(0), roc(0),
                aimed(Worlds.backer("usa", 0.6), new Targets(true, List.of("pacific")), Map.of())), List.of(), 1);
        assertEquals(0.6, m.country("TUV").backing(), 0.0);
        assertEquals(0.0, m.country("GTM").backing(), 0.0, "outside the Pacific: no backing");
    }

    @Test
    void aPatronEventReaimsFromItsMonthOn() {
        // "Japan stops engaging Paraguay" from month 2.
        List<ScheduledEvent> events = List.of(new ScheduledEvent.PatronChange(Worlds.START.plusMonths(2), "japan",
                null, null, null, null, new Targets(false, List.of("PRY")), Map.of()));
        MoneyRecord money = new RecognitionModel(Worlds.world(THREE, List.of(prc(0), roc(0),
                Worlds.partner("japan", Strategies.BALLAST, 120)), Worlds.rule(1e-9, 1e-9), events, 12)).run(1)
                .money();
        int japan = 2;
        int pry = 1;
        assertTrue(money.usdMillionsPerYear(1, japan, pry) > 0, "engaged before the event");
        assertEquals(0.0, money.usdMillionsPerYear(2, japan, pry), 0.0);
        assertEquals(0.0, money.points(11, japan, pry), 0.0);
        double total = 0;
        for (int i = 0; i < 3; i++) {
            total += money.usdMillionsPerYear(5, japan, i);
        }
        assertEquals(120.0, total, 1e-9, "the budget goes to the states still aimed at");
    }

    @Test
    void anEarmarkIsPaidOnTopOfTheBudgetAsAidOrOffer() {
        // Taipei: 100 a year by GDP, plus 50 earmarked for Paraguay; Beijing: nothing but 30 for Tuvalu.
        RecognitionModel m = afterTicks(List.of(aimed(prc(0), Targets.ALL, Map.of("TUV", 30.0)),
                aimed(roc(100), Targets.ALL, Map.of("PRY", 50.0))), List.of(), 1);
        assertEquals(60.0, m.country("GTM").aidUsdMillions(), 1e-9);
        assertEquals(20.0 + 50.0, m.country("PRY").aidUsdMillions(), 1e-9);
        assertEquals(30.0, m.country("TUV").offerUsdMillions(), 1e-9, "Beijing's earmark for an ally of Taipei is an offer");
        assertEquals(0.0, m.country("GTM").offerUsdMillions(), 0.0);
    }

    @Test
    void aPartnersEarmarkBuysEngagementAndAnEventChangesIt() {
        // 120 US$ m a year for Tuvalu is 10 a month, at 25 a point 0.4 points a month; from month 2, 240.
        List<ScheduledEvent> events = List.of(new ScheduledEvent.PatronChange(Worlds.START.plusMonths(2), "japan",
                null, null, null, null, null, Map.of("TUV", 240.0)));
        RecognitionModel model = new RecognitionModel(Worlds.world(THREE, List.of(prc(0), roc(0),
                aimed(Worlds.partner("japan", Strategies.FIXED, 0), Targets.ALL, Map.of("TUV", 120.0))),
                Worlds.rule(1e-9, 1e-9), events, 12));
        MoneyRecord money = model.run(4).money();
        assertEquals(MoneyKind.ENGAGEMENT, money.kind(0, 2, 2));
        assertEquals(120.0, money.usdMillionsPerYear(0, 2, 2), 0.0);
        assertEquals(0.4, money.points(0, 2, 2), 1e-12);
        assertEquals(240.0, money.usdMillionsPerYear(2, 2, 2), 0.0);
        assertEquals(0.8, money.points(2, 2, 2), 1e-12);
        assertEquals(0.0, money.usdMillionsPerYear(2, 2, 0), 0.0, "nothing for the others: the strategy is fixed");
    }
}
