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
        StateRecord record = StateRecord.NONE;

        State(String code) {
            this.code = code;
        }

        CountrySpec spec() {
            return new CountrySpec(code, code + " name", region, gdp, population, side, exposure, affinity, sensitivity,
                    stance, opposition, fragility, changeProbability, nextElection, termMonths, lastChange, record);
        }
    }

    /** Rule weights with the judgement terms switched on at distinct, easy values and the record's terms off. */
    static RuleParameters rule(double toPrc, double toRoc) {
        return rule(toPrc, toRoc, 24, 1.0, Term.OFFER, 0.3, Term.EXPOSURE, 1.0, Term.CONTAGION, 0.4,
                Term.FRAGILITY, 0.5, Term.NEW_GOVERNMENT, 1.2, Term.AID, 0.4, Term.ENGAGEMENT, 0.5, Term.BACKING, 0.6,
                Term.AFFINITY, 1.0, Term.STANCE, 0.8);
    }

    /**
     * A rule with the given base rates, contagion window and same-region link weight, and the given
     * weights as (term, value) pairs; every other weight is 0.
     */
    static RuleParameters rule(double toPrc, double toRoc, int contagionWindowMonths, double linkWeight,
            Object... termsAndWeights) {
        java.util.Map<Term, Double> w = new java.util.EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            w.put(t, 0.0);
        }
        for (int i = 0; i < termsAndWeights.length; i += 2) {
            w.put((Term) termsAndWeights[i], ((Number) termsAndWeights[i + 1]).doubleValue());
        }
        return new RuleParameters(toPrc, toRoc, w, contagionWindowMonths, 12, 50, linkWeight);
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

    /** As {@link #world}, with a historical setting (Taipei's governments, past switches). */
    static ModelParameters world(List<State> states, List<PatronSpec> patrons, RuleParameters rule,
            List<ScheduledEvent> events, int horizonMonths, Setting setting) {
        List<CountrySpec> specs = new ArrayList<>();
        states.forEach(s -> specs.add(s.spec()));
        return new ModelParameters("test", START, horizonMonths, 1, specs, patrons, rule, events, setting);
    }

    /**
     * Five states in two regions with elections on their calendars, and every kind of patron
     * spending: a world in which states switch both ways, governments change and money moves.
     */
    static ModelParameters busyWorld(int horizonMonths) {
        List<State> states = new ArrayList<>();
        String[] codes = {"TUV", "PLW", "MHL", "HTI", "BLZ"};
        for (int i = 0; i < codes.length; i++) {
            State s = new State(codes[i]);
            s.region = i < 3 ? "pacific" : "caribbean";
            s.gdp = 100.0 * (i + 1);
            s.stance = 0.2 * i - 0.3;
            s.opposition = -s.stance;
            s.changeProbability = 0.5;
            s.nextElection = START.plusMonths(i);
            s.termMonths = 24;
            states.add(s);
        }
        return world(states, List.of(
                recogniser("prc", Side.PRC, Strategies.CHEAPEST_FLIP, 200, 0.2),
                recogniser("roc", Side.ROC, Strategies.DEFEND_AT_RISK, 80, 0.9),
                partner("japan", Strategies.BALLAST, 20),
                backer("usa", 0.5)), rule(0.3, 0.1), List.of(), horizonMonths);
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
