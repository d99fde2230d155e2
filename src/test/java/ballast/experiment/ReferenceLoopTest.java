package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.RecognitionModel;
import ballast.model.RuleParameters;
import ballast.model.RunEvent;
import ballast.model.RunRecord;
import ballast.model.Side;
import ballast.model.StateRecord;
import ballast.model.Strategies;
import ballast.model.Targets;
import ballast.model.Term;
import ballast.model.YearlyData;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The benchmark's reference loop computes what the model computes on a scenario without scheduled
 * events: the same ally path, shares, switches (tick, state, side, hazard and every term) and money by
 * year, bit for bit, seed by seed. Each world is also checked for what it exercises, so that the
 * comparison cannot pass on a run in which nothing happens.
 */
class ReferenceLoopTest {
    private static final int SEEDS = 1000;

    /** What the compared runs exercised, summed over the seeds. */
    private static final class Exercised {
        int switchesToPrc;
        int switchesToRoc;
        int randomGovernmentChanges;
        int calendarElections;
        double boughtEngagementUsd;
        double offersUsd;
        double aidUsd;
        final Set<Double> drawnWeights = new java.util.HashSet<>();
    }

    @Test
    void computesTheBaselineWithoutEventsAsTheModelDoesOnAThousandSeeds() throws Exception {
        Scenario baseline = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
        ModelParameters p = ReferenceLoop.withoutScheduledEvents(baseline.parameters());
        // What the baseline uses, so that the comparison covers it.
        assertNotNull(p.draws(), "parameters drawn per replication");
        assertEquals(Set.of(Strategies.VALUE_FOR_MONEY, Strategies.DEFEND_AT_RISK, Strategies.BALLAST, Strategies.FIXED),
                p.patrons().stream().map(PatronSpec::strategy).collect(Collectors.toSet()));
        assertTrue(p.patrons().stream().anyMatch(s -> s.role() == PatronRole.BACKER && s.backing() > 0), "backing");
        assertTrue(p.countries().stream().allMatch(c -> c.record().yearly() != null), "yearly data for every state");
        assertTrue(p.countries().stream().anyMatch(c -> c.record().priorPrcTies()), "the record's history term");
        assertFalse(p.events().isEmpty(), "engagements before the start seed Japan's stocks");
        assertTrue(ReferenceLoop.scheduledEvents(baseline.parameters()) > 0, "the variant leaves the events out");
        assertFalse(p.setting().taipeiGovernments().isEmpty(), "Taipei's governments");
        assertTrue(p.setting().pastSwitches().size() > 0, "past switches of the sub-regions");

        Exercised seen = compare(p, baseline.seed(), SEEDS);
        assertTrue(seen.switchesToPrc > 100, "switches to Beijing: " + seen.switchesToPrc);
        assertTrue(seen.switchesToRoc > 0, "switches back to Taipei: " + seen.switchesToRoc);
        assertTrue(seen.randomGovernmentChanges > 100, "random changes of government: " + seen.randomGovernmentChanges);
        assertTrue(seen.boughtEngagementUsd > 0, "Japan buys engagement");
        assertTrue(seen.offersUsd > 0 && seen.aidUsd > 0, "offers and aid");
        assertEquals(SEEDS, seen.drawnWeights.size(), "each replication draws its own weights");
    }

    @Test
    void computesTheJudgedBaselineWithItsElectionCalendarsAsTheModelDoes() throws Exception {
        Scenario judged = ScenarioLoader.load(Path.of("scenarios/baseline-judged.yaml"));
        ModelParameters p = ReferenceLoop.withoutScheduledEvents(judged.parameters());
        assertTrue(p.countries().stream().anyMatch(c -> c.nextElection() != null), "election calendars");

        Exercised seen = compare(p, judged.seed(), SEEDS);
        assertTrue(seen.calendarElections > 1000, "calendar elections: " + seen.calendarElections);
        assertTrue(seen.switchesToPrc > 100, "switches to Beijing: " + seen.switchesToPrc);
    }

    @Test
    void computesEveryStrategyTargetsAndEarmarksAsTheModelDoes() {
        // Beijing spends in chunks (cheapest-flip), Taipei by GDP (most-valuable) only on the Pacific,
        // Japan's ballast misses one state and pays an earmark, and both recognisers earmark.
        ModelParameters p = world(
                recogniser("prc", Side.PRC, Strategies.CHEAPEST_FLIP, 300, 0.2, Targets.ALL, Map.of("HTI", 5.0)),
                recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 120, 0.8,
                        new Targets(true, List.of("pacific")), Map.of("BLZ", 3.0)),
                new PatronSpec("japan", PatronRole.PARTNER, Side.ROC, Strategies.BALLAST, 40, 0, 24, 25, 1.5, 0, true,
                        new Targets(false, List.of("PLW")), Map.of("PLW", 4.0)),
                new PatronSpec("usa", PatronRole.BACKER, Side.ROC, Strategies.FIXED, 0, 0, 24, 25, 1, 0.6, true,
                        new Targets(true, List.of("caribbean")), Map.of()));
        Exercised seen = compare(p, 7, 300);
        assertTrue(seen.switchesToPrc > 100 && seen.switchesToRoc > 100,
                "switches both ways: " + seen.switchesToPrc + ", " + seen.switchesToRoc);
        assertTrue(seen.calendarElections > 0 && seen.randomGovernmentChanges > 0, "elections and random changes");

        ModelParameters defending = world(
                recogniser("prc", Side.PRC, Strategies.DEFEND_AT_RISK, 300, 0.3, Targets.ALL, Map.of()),
                recogniser("roc", Side.ROC, Strategies.CHEAPEST_FLIP, 120, 0.7, Targets.ALL, Map.of("TUV", 2.0)),
                new PatronSpec("japan", PatronRole.PARTNER, Side.ROC, Strategies.FIXED, 0, 0, 24, 25, 1, 0, true,
                        Targets.ALL, Map.of("HTI", 6.0)));
        Exercised defended = compare(defending, 8, 300);
        assertTrue(defended.switchesToPrc > 0 && defended.switchesToRoc > 0, "switches both ways");
    }

    @Test
    void refusesAScenarioWithScheduledEvents() throws Exception {
        Scenario baseline = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new ReferenceLoop(baseline.parameters()));
        assertTrue(e.getMessage().contains("without scheduled events"), e.getMessage());
    }

    /** Runs model and reference on {@code seeds} seeds and asserts identical records; returns what they exercised. */
    private static Exercised compare(ModelParameters p, long master, int seeds) {
        RecognitionModel model = new RecognitionModel(p);
        ReferenceLoop reference = new ReferenceLoop(p);
        Exercised seen = new Exercised();
        int years = MoneyRecord.years(p);
        for (int r = 0; r < seeds; r++) {
            long seed = Seeds.replication(master, r);
            RunRecord m = model.simulate(seed);
            String where = "replication " + r;
            RunRecord f = reference.run(seed);
            assertArrayEquals(allies(m), allies(f), where);
            assertArrayEquals(shares(m, true), shares(f, true), where);
            assertArrayEquals(shares(m, false), shares(f, false), where);
            assertEquals(m.switchCount(), f.switchCount(), where);
            for (int k = 0; k < m.switchCount(); k++) {
                assertArrayEquals(switchRecord(m, k), switchRecord(f, k), where + ", switch " + k);
                if (m.switchTo(k) == Side.PRC) {
                    seen.switchesToPrc++;
                } else {
                    seen.switchesToRoc++;
                }
            }
            MoneyRecord money = m.money();
            for (int y = 0; y < years; y++) {
                for (int q = 0; q < money.patrons(); q++) {
                    for (int i = 0; i < money.states(); i++) {
                        for (MoneyKind kind : MoneyKind.values()) {
                            assertEquals(money.usdSumInYear(y, q, i, kind), reference.usdSumInYear(y, q, i, kind), 0.0,
                                    where);
                        }
                        assertEquals(money.pointsInYear(y, q, i), reference.pointsInYear(y, q, i), 0.0, where);
                        seen.offersUsd += money.usdSumInYear(y, q, i, MoneyKind.OFFER);
                        seen.aidUsd += money.usdSumInYear(y, q, i, MoneyKind.AID);
                        seen.boughtEngagementUsd += money.usdSumInYear(y, q, i, MoneyKind.ENGAGEMENT);
                    }
                }
            }
            for (RunEvent e : model.keep().events()) {
                if (e.event().equals("government_change") && e.detail().equals("random")) {
                    seen.randomGovernmentChanges++;
                } else if (e.event().equals("election")) {
                    seen.calendarElections++;
                }
            }
            seen.drawnWeights.add(model.rule().weight(Term.CONTAGION));
        }
        return seen;
    }

    private static int[] allies(RunRecord r) {
        int[] a = new int[r.ticks()];
        for (int t = 0; t < a.length; t++) {
            a[t] = r.rocAlliesAt(t);
        }
        return a;
    }

    private static double[] shares(RunRecord r, boolean gdp) {
        double[] s = new double[r.ticks()];
        for (int t = 0; t < s.length; t++) {
            s[t] = gdp ? r.rocGdpShareAt(t) : r.rocPopulationShareAt(t);
        }
        return s;
    }

    /** Switch {@code k} as numbers: tick, state, side (0 Beijing, 1 Taipei), hazard, then every term. */
    private static double[] switchRecord(RunRecord r, int k) {
        double[] s = new double[4 + Term.count()];
        s[0] = r.switchTick(k);
        s[1] = r.switchState(k);
        s[2] = r.switchTo(k) == Side.ROC ? 1 : 0;
        s[3] = r.switchHazard(k);
        for (Term t : Term.values()) {
            s[4 + t.ordinal()] = r.switchTerm(k, t);
        }
        return s;
    }

    private static PatronSpec recogniser(String id, Side side, String strategy, double budget, double aidShare,
            Targets targets, Map<String, Double> earmarks) {
        return new PatronSpec(id, PatronRole.RECOGNISER, side, strategy, budget, aidShare, 24, 25, 1, 0, true, targets,
                earmarks);
    }

    /**
     * Six states in two regions, three on each side, with yearly data, election calendars or random
     * changes of government, and the judgement and record terms all weighted.
     */
    private static ModelParameters world(PatronSpec... patrons) {
        YearMonth start = YearMonth.of(2030, 1);
        String[] codes = {"TUV", "PLW", "MHL", "HTI", "BLZ", "GTM"};
        List<CountrySpec> states = new ArrayList<>();
        for (int i = 0; i < codes.length; i++) {
            YearlyData yearly = new YearlyData(2028, Map.of(YearlyData.GDP, new double[] {100 + 50 * i, 120 + 60 * i,
                    Double.NaN, 200 + 10 * i}, YearlyData.POPULATION, new double[] {1e5 * (i + 1), 1.1e5 * (i + 1),
                    1.2e5 * (i + 1), 1.3e5 * (i + 1)}));
            boolean calendar = i % 2 == 0;
            StateRecord record = new StateRecord(yearly, i == 1, List.of(start.plusMonths(3 + i)),
                    start.plusMonths(12), calendar ? 0.0 : 0.4);
            states.add(new CountrySpec(codes[i], codes[i], i < 3 ? "pacific" : "caribbean", 100 * (i + 1), 1e5 * (i + 1),
                    i % 3 == 0 ? Side.PRC : Side.ROC, 0.1 * i, 0.2 * i - 0.5, 1.0, 0.2 * i - 0.4, 0.4 - 0.2 * i,
                    0.15 * i, 0.5, calendar ? start.plusMonths(2 + i) : null, calendar ? 24 : 0,
                    start.minusMonths(6 + i), record));
        }
        RuleParameters rule = RuleParameters.defaults().withBaseRates(0.3, 0.2).withWeight(Term.SIZE, 0.1)
                .withWeight(Term.INCOME, 0.3).withWeight(Term.HISTORY, 0.5);
        return new ModelParameters("reference-test", start, 120, 1, states, List.of(patrons), rule, List.of());
    }
}
