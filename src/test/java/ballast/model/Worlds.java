package ballast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;

/** Small hand-made worlds for model tests, built without scenario files. */
final class Worlds {
    static final YearMonth START = YearMonth.of(2030, 1);

    private Worlds() {
    }

    /** A state with neutral attributes; change them with the {@code with*} methods. */
    static final class State {
        String code;
        String region = "north";
        double gdp = 1000;
        double population = 1000;
        Side side = Side.ROC;
        double exposure;
        double affinity;
        double sensitivity = 1;
        double stance;
        double opposition;
        double fragility;
        double changeProbability;
        YearMonth nextElection;
        int termMonths;
        YearMonth lastChange;

        State(String code) {
            this.code = code;
        }

        CountrySpec spec() {
            return new CountrySpec(code, code + " name", region, gdp, population, side, exposure, affinity, sensitivity,
                    stance, opposition, fragility, changeProbability, nextElection, termMonths, lastChange);
        }
    }

    /** Rule weights with every term switched on at a distinct, easy value. */
    static RuleParameters rule(double toPrc, double toRoc) {
        return new RuleParameters(toPrc, toRoc, 0.3, 1.0, 0.4, 0.5, 1.2, 0.4, 0.5, 0.6, 1.0, 0.8, 24, 12, 50, 1.0);
    }

    static PatronSpec recogniser(String id, Side side, String strategy, double budget, double aidShare) {
        return new PatronSpec(id, PatronRole.RECOGNISER, side, strategy, budget, aidShare, 24, 25, 1, 0, true);
    }

    static PatronSpec partner(String id, String strategy, double budget) {
        return new PatronSpec(id, PatronRole.PARTNER, Side.ROC, strategy, budget, 0, 24, 25, 1, 0, true);
    }

    static PatronSpec backer(String id, double backing) {
        return new PatronSpec(id, PatronRole.BACKER, Side.ROC, Strategies.FIXED, 0, 0, 24, 25, 1, backing, true);
    }

    /** Recognisers that spend nothing, so no money term moves. */
    static List<PatronSpec> idlePatrons() {
        return List.of(recogniser("prc", Side.PRC, Strategies.MOST_VALUABLE, 0, 0),
                recogniser("roc", Side.ROC, Strategies.MOST_VALUABLE, 0, 1));
    }

    static ModelParameters world(List<State> states, List<PatronSpec> patrons, RuleParameters rule,
            List<ScheduledEvent> events, int horizonMonths) {
        List<CountrySpec> specs = new ArrayList<>();
        states.forEach(s -> specs.add(s.spec()));
        return new ModelParameters("test", START, horizonMonths, 1, specs, patrons, rule, events);
    }

    /** Starts {@code model} and runs its first {@code ticks} schedule steps. */
    static void step(RecognitionModel model, long seed, int ticks) {
        model.random.setSeed(new int[] {(int) (seed >>> 32), (int) seed});
        model.start();
        for (int t = 0; t < ticks; t++) {
            model.schedule.step(model);
        }
    }
}
