package ballast.model;

import java.util.List;
import java.util.Map;

/**
 * The named patron strategies of the design brief.
 *
 * <ul>
 *   <li>{@code cheapest-flip} (recogniser): offers go, in {@value #CHUNKS} equal chunks, each to the
 *       state whose switching hazard that chunk raises most; aid goes, chunk by chunk, where it lowers
 *       hazard most. Both buy the largest change in hazard per dollar.</li>
 *   <li>{@code value-for-money} (recogniser): offers in proportion to each rival recogniser's GDP times
 *       its hazard before the offer, aid likewise among its own: the states most likely to move,
 *       weighted by what they are worth, at a price in proportion to their size (a state gets the same
 *       share of its GDP for the same hazard). Unlike the chunks of {@code cheapest-flip}, the split
 *       moves smoothly with the hazards, so a calibration can fit the weights around it.</li>
 *   <li>{@code most-valuable} (recogniser): offers and aid in proportion to GDP.</li>
 *   <li>{@code defend-at-risk} (recogniser): aid in proportion to each own recogniser's hazard before
 *       aid; offers in proportion to each rival recogniser's hazard before the offer.</li>
 *   <li>{@code ballast} (partner): the tick's budget buys engagement points, shared in proportion to
 *       hazard times GDP among the states of its side (the most wavering of highest value).</li>
 *   <li>{@code fixed} (partner, backer): no spending of its own; scheduled engagements and backing only.</li>
 * </ul>
 *
 * <p>Every strategy spends only on the states its patron aims at ({@link Targets}); the patron adds
 * its earmarks after the strategy has acted.
 */
public final class Strategies {
    public static final String CHEAPEST_FLIP = "cheapest-flip";
    public static final String VALUE_FOR_MONEY = "value-for-money";
    public static final String MOST_VALUABLE = "most-valuable";
    public static final String DEFEND_AT_RISK = "defend-at-risk";
    public static final String BALLAST = "ballast";
    public static final String FIXED = "fixed";

    /** Number of equal parts in which {@code cheapest-flip} spends a pool. */
    static final int CHUNKS = 10;

    private static final Map<PatronRole, List<String>> NAMES = Map.of(
            PatronRole.RECOGNISER, List.of(CHEAPEST_FLIP, VALUE_FOR_MONEY, MOST_VALUABLE, DEFEND_AT_RISK),
            PatronRole.PARTNER, List.of(BALLAST, FIXED),
            PatronRole.BACKER, List.of(FIXED));

    private Strategies() {
    }

    /** Returns the strategy names valid for {@code role}, in documentation order. */
    public static List<String> namesFor(PatronRole role) {
        return NAMES.get(role);
    }

    /** Returns whether {@code name} is a strategy for {@code role}. */
    public static boolean isKnown(PatronRole role, String name) {
        return role != null && NAMES.get(role).contains(name);
    }

    /**
     * Returns the strategy called {@code name}.
     *
     * @throws IllegalArgumentException if there is none
     */
    public static Strategy forName(String name) {
        return switch (name) {
            case CHEAPEST_FLIP -> Strategies::cheapestFlip;
            case VALUE_FOR_MONEY -> Strategies::valueForMoney;
            case MOST_VALUABLE -> Strategies::mostValuable;
            case DEFEND_AT_RISK -> Strategies::defendAtRisk;
            case BALLAST -> Strategies::ballast;
            case FIXED -> (model, patron) -> { };
            default -> throw new IllegalArgumentException("unknown strategy " + name);
        };
    }

    private static void cheapestFlip(RecognitionModel model, Patron patron) {
        Pools pools = Pools.of(patron);
        Scratch s = prepare(model, patron);
        double[][] offerEffects = greedy(model, s, s.offerTarget, pools.offers, true);
        commitChunks(model, s, s.offerTarget, pools.offers, offerEffects, true);
        double[][] aidEffects = greedy(model, s, s.aidTarget, pools.aid, false);
        commitChunks(model, s, s.aidTarget, pools.aid, aidEffects, false);
    }

    private static void mostValuable(RecognitionModel model, Patron patron) {
        Pools pools = Pools.of(patron);
        Scratch s = prepare(model, patron);
        double floor = model.rule().parameters().gdpFloorUsdMillions();
        for (int i = 0; i < s.n; i++) {
            s.weight[i] = Math.max(model.country(i).gdpUsdMillions(), floor);
        }
        proportional(s, s.offerTarget, pools.offers);
        commit(model, s.offerTarget, s.allocation, true);
        proportional(s, s.aidTarget, pools.aid);
        commit(model, s.aidTarget, s.allocation, false);
    }

    private static void defendAtRisk(RecognitionModel model, Patron patron) {
        Pools pools = Pools.of(patron);
        Scratch s = prepare(model, patron);
        for (int i = 0; i < s.n; i++) {
            s.weight[i] = hazardBefore(model, s, pools, i);
        }
        proportional(s, s.offerTarget, pools.offers);
        commit(model, s.offerTarget, s.allocation, true);
        proportional(s, s.aidTarget, pools.aid);
        commit(model, s.aidTarget, s.allocation, false);
    }

    private static void valueForMoney(RecognitionModel model, Patron patron) {
        Pools pools = Pools.of(patron);
        Scratch s = prepare(model, patron);
        double floor = model.rule().parameters().gdpFloorUsdMillions();
        for (int i = 0; i < s.n; i++) {
            s.weight[i] = hazardBefore(model, s, pools, i) * Math.max(model.country(i).gdpUsdMillions(), floor);
        }
        proportional(s, s.offerTarget, pools.offers);
        commit(model, s.offerTarget, s.allocation, true);
        proportional(s, s.aidTarget, pools.aid);
        commit(model, s.aidTarget, s.allocation, false);
    }

    private static void ballast(RecognitionModel model, Patron patron) {
        if (!patron.active() || patron.budgetUsdMillionsPerYear() == 0) {
            return;
        }
        Scratch s = model.scratch();
        double floor = model.rule().parameters().gdpFloorUsdMillions();
        double total = 0;
        for (int i = 0; i < s.n; i++) {
            Country c = model.country(i);
            double w = 0;
            if (c.side() == patron.spec().side() && patron.aims(i)) {
                w = c.currentHazard() * Math.max(c.gdpUsdMillions(), floor);
            }
            s.weight[i] = w;
            total += w;
        }
        if (total <= 0) {
            return;
        }
        double budget = patron.budgetUsdMillionsPerYear();
        double points = budget * model.rule().dtYears() / patron.spec().usdMillionsPerEngagementPoint();
        for (int i = 0; i < s.n; i++) {
            if (s.weight[i] > 0) {
                patron.buyEngagement(i, points * s.weight[i] / total, budget * s.weight[i] / total);
                model.country(i).refreshEngagement();
            }
        }
    }

    /** A recogniser's yearly budget split into aid for its own side and offers to the rival's. */
    private record Pools(double aid, double offers) {
        static Pools of(Patron patron) {
            double budget = patron.active() ? patron.budgetUsdMillionsPerYear() : 0.0;
            double aid = budget * patron.spec().aidShare();
            return new Pools(aid, budget - aid);
        }
    }

    /**
     * Marks targets and, for each state, pull minus ballast without this patron's money
     * ({@code net}) and {@code base} = dt * baseRate, from the states' cached terms. A state the
     * patron does not aim at ({@link Patron#aims}) is no target and gets none of its money this tick.
     */
    private static Scratch prepare(RecognitionModel model, Patron patron) {
        Scratch s = model.scratch();
        for (int i = 0; i < s.n; i++) {
            Country c = model.country(i);
            boolean own = c.side() == patron.spec().side();
            boolean aimed = patron.aims(i);
            s.aidTarget[i] = own && aimed;
            s.offerTarget[i] = !own && aimed;
            if (!aimed) {
                // Its money from this patron is 0, not last tick's (this patron sets only its targets).
                if (own) {
                    c.setAid(0.0, 0.0);
                } else {
                    c.setOffer(0.0, 0.0);
                }
            }
            s.net[i] = own
                    ? c.baseNet() + c.offerElasticity() * c.offerEffect()
                    : c.baseNet() - c.aidElasticity() * c.aidEffect();
            s.elasticity[i] = c.offerElasticity();
            s.aidElasticity[i] = c.aidElasticity();
            s.base[i] = model.rule().dtYears() * model.rule().baseRate(c.side());
        }
        return s;
    }

    /**
     * Returns state {@code i}'s hazard before this patron's offer (a target of its offers) or aid (of
     * its aid), or 0 where the weight does not matter: a state that is no target, or a target of an
     * empty pool (which gives each of its targets 0 whatever their weights).
     */
    private static double hazardBefore(RecognitionModel model, Scratch s, Pools pools, int i) {
        if (s.offerTarget[i]) {
            return pools.offers == 0.0 ? 0.0 : offerHazardOfEffect(s, i, 0.0);
        }
        return !s.aidTarget[i] || pools.aid == 0.0 ? 0.0 : aidHazardOfEffect(model, s, i, 0.0);
    }

    private static double offerHazardOfEffect(Scratch s, int i, double effect) {
        return DecisionRule.hazardOfRate(s.base[i] * Math.exp(s.net[i] + s.elasticity[i] * effect));
    }

    private static double aidHazardOfEffect(RecognitionModel model, Scratch s, int i, double effect) {
        return DecisionRule.hazardOfRate(s.base[i] * Math.exp(s.net[i] - s.aidElasticity[i] * effect));
    }

    private static double hazardOfChunks(RecognitionModel model, Scratch s, double[][] effects, int i, int chunks,
            boolean offer) {
        double effect = effects[i][chunks];
        return offer ? offerHazardOfEffect(s, i, effect) : aidHazardOfEffect(model, s, i, effect);
    }

    /**
     * Spends {@code pool} in equal chunks, each where it changes hazard most (raises it for an
     * offer, lowers it for aid); ties go to the first state in scenario order. Leaves the chunks
     * given to each state in {@code s.chunks} and the money effects in the returned table.
     */
    private static double[][] greedy(RecognitionModel model, Scratch s, boolean[] target, double pool,
            boolean offer) {
        java.util.Arrays.fill(s.chunks, 0);
        if (pool <= 0) {
            return null;
        }
        double chunk = pool / CHUNKS;
        double[][] effects = s.effects(model, offer, chunk);
        double sign = offer ? 1.0 : -1.0;
        for (int i = 0; i < s.n; i++) {
            if (target[i]) {
                s.current[i] = hazardOfChunks(model, s, effects, i, 0, offer);
                s.next[i] = hazardOfChunks(model, s, effects, i, 1, offer);
            }
        }
        for (int k = 0; k < CHUNKS; k++) {
            int best = -1;
            double bestGain = 0;
            for (int i = 0; i < s.n; i++) {
                if (target[i]) {
                    double gain = sign * (s.next[i] - s.current[i]);
                    if (best < 0 || gain > bestGain) {
                        best = i;
                        bestGain = gain;
                    }
                }
            }
            if (best < 0) {
                break;
            }
            int given = ++s.chunks[best];
            s.current[best] = s.next[best];
            if (given < CHUNKS) {
                s.next[best] = hazardOfChunks(model, s, effects, best, given + 1, offer);
            }
        }
        return effects;
    }

    /** Gives each target the chunks {@link #greedy} chose, with their cached money effects. */
    private static void commitChunks(RecognitionModel model, Scratch s, boolean[] target, double pool,
            double[][] effects, boolean offer) {
        double chunk = pool / CHUNKS;
        for (int i = 0; i < s.n; i++) {
            if (target[i]) {
                int k = effects == null ? 0 : s.chunks[i];
                double amount = k * chunk;
                double effect = k == 0 ? 0.0 : effects[i][k];
                if (offer) {
                    model.country(i).setOffer(amount, effect);
                } else {
                    model.country(i).setAid(amount, effect);
                }
            }
        }
    }

    /** Shares {@code pool} among targets in proportion to {@code s.weight}; nothing if all weights are 0. */
    private static void proportional(Scratch s, boolean[] target, double pool) {
        double total = 0;
        for (int i = 0; i < s.n; i++) {
            if (target[i]) {
                total += s.weight[i];
            }
        }
        for (int i = 0; i < s.n; i++) {
            s.allocation[i] = target[i] && total > 0 ? pool * s.weight[i] / total : 0.0;
        }
    }

    private static void commit(RecognitionModel model, boolean[] target, double[] allocation, boolean offer) {
        for (int i = 0; i < allocation.length; i++) {
            if (target[i]) {
                if (offer) {
                    model.country(i).setOfferUsdMillions(allocation[i]);
                } else {
                    model.country(i).setAidUsdMillions(allocation[i]);
                }
            }
        }
    }

    /** Work arrays reused every tick, so strategies allocate nothing in the hot path. */
    static final class Scratch {
        final int n;
        final double[] weight;
        final double[] current;
        final double[] next;
        final double[] allocation;
        final double[] net;
        final double[] base;
        final double[] elasticity;
        final double[] aidElasticity;
        final boolean[] aidTarget;
        final boolean[] offerTarget;
        final int[] chunks;
        // Money effects of 0..CHUNKS chunks per state, for the last chunk size of each pool kind:
        // budgets change rarely, so the logarithms are computed once per budget, not every tick.
        private final double[][] offerEffects;
        private final double[][] aidEffects;
        private double offerChunk = Double.NaN;
        private double aidChunk = Double.NaN;
        private int offerYear = Integer.MIN_VALUE;
        private int aidYear = Integer.MIN_VALUE;

        Scratch(int n) {
            this.n = n;
            weight = new double[n];
            current = new double[n];
            next = new double[n];
            allocation = new double[n];
            net = new double[n];
            base = new double[n];
            elasticity = new double[n];
            aidElasticity = new double[n];
            aidTarget = new boolean[n];
            offerTarget = new boolean[n];
            chunks = new int[n];
            offerEffects = new double[n][CHUNKS + 1];
            aidEffects = new double[n][CHUNKS + 1];
        }

        double[][] effects(RecognitionModel model, boolean offer, double chunk) {
            double[][] table = offer ? offerEffects : aidEffects;
            // GDP changes with the year: the table is kept per chunk size and year.
            int year = model.year(model.tick());
            if (chunk != (offer ? offerChunk : aidChunk) || year != (offer ? offerYear : aidYear)) {
                for (int i = 0; i < n; i++) {
                    double gdp = model.country(i).gdpUsdMillions();
                    for (int k = 0; k <= CHUNKS; k++) {
                        table[i][k] = model.rule().moneyEffect(k * chunk, gdp);
                    }
                }
                if (offer) {
                    offerChunk = chunk;
                    offerYear = year;
                } else {
                    aidChunk = chunk;
                    aidYear = year;
                }
            }
            return table;
        }
    }
}
