package ballast.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A month's events apply in the order the scenario gives them, whatever the seed, and draw nothing
 * from the random stream except the elections' uniforms.
 */
class EventOrderTest {
    private static final YearMonth MONTH = Worlds.START.plusMonths(3);

    private static ModelParameters palau(List<ScheduledEvent> events) {
        return Worlds.world(List.of(new Worlds.State("PLW")), List.of(
                Worlds.recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 100, 0.0),
                Worlds.recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1.0),
                Worlds.partner("japan", Strategies.FIXED, 0)), Worlds.rule(1e-9, 1e-9), events, 12);
    }

    private static ScheduledEvent scale(double engagementScale) {
        return new ScheduledEvent.PatronChange(MONTH, "japan", null, engagementScale, null, null);
    }

    private static ScheduledEvent budget(double usdMillionsPerYear) {
        return new ScheduledEvent.PatronChange(MONTH, "prc", usdMillionsPerYear, null, null, null);
    }

    private static final ScheduledEvent SUMMIT = new ScheduledEvent.Engagement(MONTH, "japan", "PLW", "summit", 1.0);

    private static double pointsOfTheSummit(RunResult r) {
        return r.events().stream().filter(e -> e.event().equals("engagement")).findFirst().orElseThrow().value();
    }

    @Test
    void aScaleChangeThenAnEngagementScalesItAndTheReverseDoesNotForEverySeed() {
        for (long seed = 0; seed < 64; seed++) {
            assertEquals(2.0, pointsOfTheSummit(new RecognitionModel(palau(List.of(scale(2), SUMMIT))).run(seed)),
                    0.0, "seed " + seed);
            assertEquals(1.0, pointsOfTheSummit(new RecognitionModel(palau(List.of(SUMMIT, scale(2)))).run(seed)),
                    0.0, "seed " + seed);
        }
    }

    @Test
    void twoBudgetChangesInOneMonthLeaveTheLaterOneForEverySeed() {
        for (long seed = 0; seed < 64; seed++) {
            RunResult up = new RecognitionModel(palau(List.of(budget(100), budget(300)))).run(seed);
            RunResult down = new RecognitionModel(palau(List.of(budget(300), budget(100)))).run(seed);
            // Beijing offers all of its budget to Palau, its only target.
            assertEquals(300.0, up.money().usdMillionsPerYear(3, 0, 0), 0.0, "seed " + seed);
            assertEquals(100.0, down.money().usdMillionsPerYear(3, 0, 0), 0.0, "seed " + seed);
        }
    }

    @Test
    void eventsDrawNothingButTheirElectionsUniforms() {
        // Tuvalu switches often; Palau, in another region, has an engagement, a patron change, a
        // shock that ends two months later and a snap election in one month, together with its
        // calendar election. None of it changes Tuvalu's hazard, so Tuvalu's switches must be those
        // of a world without Palau's events: MASON shuffling the month's entries would have drawn.
        Worlds.State tuv = new Worlds.State("TUV");
        tuv.region = "south";
        Worlds.State plw = new Worlds.State("PLW");
        plw.nextElection = MONTH;
        plw.termMonths = 60;
        plw.changeProbability = 0.5;
        List<ScheduledEvent> busy = new ArrayList<>(List.of(SUMMIT, scale(2),
                new ScheduledEvent.Shock(MONTH, "PLW", 0.3, 2),
                new ScheduledEvent.Election(MONTH, "PLW", true, true)));
        List<PatronSpec> patrons = new ArrayList<>(Worlds.idlePatrons());   // no money to share between them
        patrons.add(Worlds.partner("japan", Strategies.FIXED, 0));
        for (long seed = 0; seed < 32; seed++) {
            RunResult quiet = new RecognitionModel(Worlds.world(List.of(tuv, plw), patrons, Worlds.rule(0.9, 0.9),
                    List.of(), 12)).run(seed);
            RunResult eventful = new RecognitionModel(Worlds.world(List.of(tuv, plw), patrons, Worlds.rule(0.9, 0.9),
                    busy, 12)).run(seed);
            assertEquals(quiet.switches().stream().filter(e -> e.country().equals("TUV")).toList(),
                    eventful.switches().stream().filter(e -> e.country().equals("TUV")).toList(), "seed " + seed);
        }
    }
}
