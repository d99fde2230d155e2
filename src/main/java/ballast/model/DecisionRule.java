package ballast.model;

/**
 * The switching rule of the design brief: each tick a state switches with probability
 * <pre>{@code hazard = 1 - exp(-dt * baseRate * exp(pull - ballast))}</pre>
 * where {@code dt} is the tick in years and {@code baseRate} the yearly rate of its direction
 * ({@code toPrcPerYear} or {@code toRocPerYear}). Offers and aid enter as
 * {@code ln(1 + 100 * amount / GDP)}, i.e. the log of one plus the amount in per cent of GDP:
 * a tenfold larger offer adds a fixed amount to pull, not ten times as much.
 */
public final class DecisionRule {

    private final RuleParameters p;
    private final double dtYears;
    private final int contagionWindowTicks;
    private final int newGovernmentWindowTicks;

    /** Creates the rule for the given parameters and tick length. */
    public DecisionRule(RuleParameters parameters, int tickMonths) {
        this.p = parameters;
        this.dtYears = tickMonths / 12.0;
        this.contagionWindowTicks = ceilDiv(parameters.contagionWindowMonths(), tickMonths);
        this.newGovernmentWindowTicks = ceilDiv(parameters.newGovernmentWindowMonths(), tickMonths);
    }

    private static int ceilDiv(int a, int b) {
        return (a + b - 1) / b;
    }

    /**
     * Returns the per-tick switching probability in [0, 1].
     *
     * @param dtYears tick length in years, &gt; 0
     * @param baseRatePerYear hazard rate per year when pull equals ballast, &ge; 0
     * @param pull summed terms of pull (log-hazard units)
     * @param ballast summed terms of ballast (log-hazard units)
     */
    public static double hazard(double dtYears, double baseRatePerYear, double pull, double ballast) {
        return hazardOfRate(dtYears * baseRatePerYear * Math.exp(pull - ballast));
    }

    /**
     * Returns {@code 1 - exp(-rate)} to full relative precision. {@code expm1} would do it but costs
     * twice as much as {@code exp}, a JIT intrinsic; so below 1e-4, where {@code 1 - exp(-x)} loses
     * digits, a three-term Taylor series is used (its error, x^4/24, is under 5e-18 of the result).
     * Strategies split money in proportion to hazards, so relative precision matters even for tiny ones.
     */
    static double hazardOfRate(double rate) {
        if (rate < 1e-4) {
            return rate * (1.0 - rate * (0.5 - rate / 6.0));
        }
        return 1.0 - Math.exp(-rate);
    }

    /**
     * Returns the hazard of a state on {@code side} whose pull minus ballast is {@code net}.
     */
    public double hazard(Side side, double net) {
        return hazardOfRate(dtYears * baseRate(side) * Math.exp(net));
    }

    /** Returns ln(1 + amount in per cent of GDP), with GDP floored at {@code gdpFloorUsdMillions}. */
    public double moneyEffect(double amountUsdMillionsPerYear, double gdpUsdMillions) {
        if (amountUsdMillionsPerYear == 0.0) {
            return 0.0;
        }
        return Math.log(1.0 + 100.0 * amountUsdMillionsPerYear / Math.max(gdpUsdMillions, p.gdpFloorUsdMillions()));
    }

    /** Returns the yearly base rate for a state that now recognises {@code side}. */
    public double baseRate(Side side) {
        return side == Side.ROC ? p.toPrcPerYear() : p.toRocPerYear();
    }

    /** Returns the tick length in years. */
    public double dtYears() {
        return dtYears;
    }

    /** Returns the parameters. */
    public RuleParameters parameters() {
        return p;
    }

    int contagionWindowTicks() {
        return contagionWindowTicks;
    }

    /**
     * Fills {@code terms} (indexed by {@link Term#ordinal()}) for a state in tick {@code tick} and
     * returns its hazard of switching this tick.
     *
     * <p>The state's side, the rival's offer and its current patron's aid are read from {@code c}.
     *
     * @param contagion summed link weight of neighbours that recently switched to the rival
     * @param engagementPoints engagement points of the partners of the state's current side
     * @param backing summed backing level of the backers of the state's current side
     * @param ticksSinceGovernmentChange ticks since the government last changed (negative: none known)
     * @param terms array of length {@link Term#count()} to fill
     */
    double evaluate(Country c, double contagion, double engagementPoints, double backing,
            int ticksSinceGovernmentChange, double[] terms) {
        CountrySpec s = c.spec();
        Side side = c.side();
        double offerEffect = moneyEffect(c.offerUsdMillions(), s.gdpUsdMillions());
        double fragility = s.fragility() + c.shockFragility();
        boolean roc = side == Side.ROC;
        boolean newGovernment = isNewGovernment(ticksSinceGovernmentChange);
        double affinity = p.affinityWeight() * s.affinity();
        double stance = p.stanceWeight() * c.stance();
        double exposure = p.exposureWeight() * s.prcExposure();

        terms[Term.PULL_OFFER.ordinal()] = p.offerWeight() * s.offerSensitivity() * offerEffect;
        terms[Term.PULL_EXPOSURE.ordinal()] = roc ? exposure : 0.0;
        terms[Term.PULL_CONTAGION.ordinal()] = p.contagionWeight() * contagion;
        terms[Term.PULL_FRAGILITY.ordinal()] = p.fragilityWeight() * fragility * s.offerSensitivity() * offerEffect;
        terms[Term.PULL_NEW_GOVERNMENT.ordinal()] = newGovernment ? p.newGovernmentWeight() : 0.0;
        terms[Term.PULL_AFFINITY.ordinal()] = roc ? 0.0 : affinity;
        terms[Term.PULL_STANCE.ordinal()] = roc ? 0.0 : stance;
        terms[Term.BALLAST_AID.ordinal()] = p.aidWeight() * moneyEffect(c.aidUsdMillions(), s.gdpUsdMillions());
        terms[Term.BALLAST_EXPOSURE.ordinal()] = roc ? 0.0 : exposure;
        terms[Term.BALLAST_ENGAGEMENT.ordinal()] = engagementTerm(engagementPoints);
        terms[Term.BALLAST_BACKING.ordinal()] = p.backingWeight() * backing;
        terms[Term.BALLAST_AFFINITY.ordinal()] = roc ? affinity : 0.0;
        terms[Term.BALLAST_STANCE.ordinal()] = roc ? stance : 0.0;
        return hazard(dtYears, baseRate(side), pull(terms), ballast(terms));
    }

    /** Returns the sum of the pull terms. */
    public static double pull(double[] terms) {
        double sum = 0;
        for (Term t : Term.all()) {
            if (t.isPull()) {
                sum += terms[t.ordinal()];
            }
        }
        return sum;
    }

    /** Returns the sum of the ballast terms. */
    public static double ballast(double[] terms) {
        double sum = 0;
        for (Term t : Term.all()) {
            if (!t.isPull()) {
                sum += terms[t.ordinal()];
            }
        }
        return sum;
    }

    /**
     * Returns how strongly the offer drives log-hazard: pull rises by this much per unit of
     * {@link #moneyEffect} of the offer (offer and fragility terms together).
     */
    double offerElasticity(Country c) {
        CountrySpec s = c.spec();
        return (p.offerWeight() + p.fragilityWeight() * (s.fragility() + c.shockFragility())) * s.offerSensitivity();
    }

    /**
     * Returns pull minus ballast without the three money terms (offer, fragility times offer, aid),
     * so that for the same inputs as {@link #evaluate}:
     * <pre>{@code pull - ballast = baseNet + offerElasticity * moneyEffect(offer) - aidWeight * moneyEffect(aid)}</pre>
     * Patrons' strategies price offers and aid against this without recomputing the other terms.
     * {@code engagementTerm} is {@link #engagementTerm}{@code (engagementPoints)}, computed once by the caller.
     */
    double baseNet(Country c, double contagion, double engagementTerm, double backing,
            int ticksSinceGovernmentChange) {
        CountrySpec s = c.spec();
        double towardTaipei = p.affinityWeight() * s.affinity() + p.stanceWeight() * c.stance();
        double exposure = p.exposureWeight() * s.prcExposure();
        double net = p.contagionWeight() * contagion
                + (isNewGovernment(ticksSinceGovernmentChange) ? p.newGovernmentWeight() : 0.0)
                - engagementTerm
                - p.backingWeight() * backing;
        return c.side() == Side.ROC ? net + exposure - towardTaipei : net - exposure + towardTaipei;
    }

    /** Returns the engagement term of ballast, {@code engagementWeight * ln(1 + points)}. */
    double engagementTerm(double engagementPoints) {
        return engagementPoints == 0.0 ? 0.0 : p.engagementWeight() * Math.log(1.0 + engagementPoints);
    }

    boolean isNewGovernment(int ticksSinceGovernmentChange) {
        return ticksSinceGovernmentChange >= 0 && ticksSinceGovernmentChange < newGovernmentWindowTicks;
    }
}
