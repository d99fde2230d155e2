package ballast.model;

import java.util.Arrays;

/**
 * The switching rule of the design brief: each tick a state switches with probability
 * <pre>{@code hazard = 1 - exp(-dt * baseRate * exp(pull - ballast))}</pre>
 * where {@code dt} is the tick in years and {@code baseRate} the yearly rate of its direction
 * ({@code toPrcPerYear} or {@code toRocPerYear}). {@code pull - ballast} is the sum over the
 * {@link Term}s of {@code sign * weight * value}. Offers and aid enter as
 * {@code ln(1 + 100 * amount / GDP)}, i.e. the log of one plus the amount in per cent of GDP:
 * a tenfold larger offer adds a fixed amount to pull, not ten times as much.
 *
 * <p>For speed the rule splits {@code pull - ballast} into the part that changes only with the
 * year and the state's side ({@link #yearlyNet}), the part that changes each tick without money
 * ({@link #tickNet}), and the money terms, which are linear in the money effects:
 * <pre>{@code pull - ballast = yearlyNet + tickNet + offerElasticity * money(offer) - aidElasticity * money(aid)}</pre>
 * Patrons' strategies price offers and aid against this without recomputing the other terms.
 * Terms whose weight is 0 are skipped.
 */
public final class DecisionRule {

    private final RuleParameters p;
    private final double dtYears;
    private final int contagionWindowTicks;
    private final int newGovernmentWindowTicks;
    private final double[] weight = new double[Term.count()];
    // dt * baseRate of a state on Taipei's side and on Beijing's.
    private final double rocDtRate;
    private final double prcDtRate;
    // The terms with a weight, by part (see the class comment), each with its sign times its weight.
    private final Term[] yearlyTerms;
    private final double[] yearlyWeights;
    private final Term[] tickTerms;
    private final double[] tickWeights;
    private final Term[] offerTerms;
    private final double[] offerWeights;
    private final Term[] aidTerms;
    private final double[] aidWeights;
    private final boolean yearlyMoney;

    /**
     * Creates the rule for the given parameters and tick length. A batch that draws its parameters
     * creates one per replication, so this allocates only small arrays.
     */
    public DecisionRule(RuleParameters parameters, int tickMonths) {
        this.p = parameters;
        this.dtYears = tickMonths / 12.0;
        this.rocDtRate = dtYears * parameters.toPrcPerYear();
        this.prcDtRate = dtYears * parameters.toRocPerYear();
        this.contagionWindowTicks = ceilDiv(parameters.contagionWindowMonths(), tickMonths);
        this.newGovernmentWindowTicks = ceilDiv(parameters.newGovernmentWindowMonths(), tickMonths);
        for (Term t : Term.all()) {
            weight[t.ordinal()] = parameters.weight(t);
        }
        this.yearlyTerms = live(Term.Money.NONE, YEARLY);
        this.tickTerms = live(Term.Money.NONE, TICK);
        this.offerTerms = live(Term.Money.OFFER, ANY);
        this.aidTerms = live(Term.Money.AID, ANY);
        this.yearlyWeights = signedWeights(yearlyTerms);
        this.tickWeights = signedWeights(tickTerms);
        this.offerWeights = signedWeights(offerTerms);
        this.aidWeights = signedWeights(aidTerms);
        boolean allYearly = true;
        for (Term t : offerTerms) {
            allYearly &= t.yearly();
        }
        for (Term t : aidTerms) {
            allYearly &= t.yearly();
        }
        this.yearlyMoney = allYearly;
    }

    private static final int YEARLY = 0;
    private static final int TICK = 1;
    private static final int ANY = 2;

    /** The terms of {@code money} with a non-zero weight that change yearly, each tick or either, in list order. */
    private Term[] live(Term.Money money, int change) {
        Term[] all = Term.all();
        int count = 0;
        Term[] kept = new Term[all.length];
        for (Term t : all) {
            if (t.money() == money && (change == ANY || t.yearly() == (change == YEARLY))
                    && weight[t.ordinal()] != 0.0) {
                kept[count++] = t;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    private double[] signedWeights(Term[] terms) {
        double[] w = new double[terms.length];
        for (int k = 0; k < terms.length; k++) {
            w[k] = terms[k].sign() * weight[terms[k].ordinal()];
        }
        return w;
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

    /** Returns the hazard of a state on {@code side} whose pull minus ballast is {@code net}. */
    public double hazard(Side side, double net) {
        return hazardOfRate(dtRate(side) * Math.exp(net));
    }

    /** Returns {@code dtYears * baseRate(side)}: the tick's rate of switching at pull = ballast. */
    double dtRate(Side side) {
        return side == Side.ROC ? rocDtRate : prcDtRate;
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

    /** Returns the weight of {@code term}. */
    public double weight(Term term) {
        return weight[term.ordinal()];
    }

    int contagionWindowTicks() {
        return contagionWindowTicks;
    }

    int newGovernmentWindowTicks() {
        return newGovernmentWindowTicks;
    }

    /**
     * Fills {@code terms} (indexed by {@link Term#ordinal()}) with each term's weighted value for
     * state {@code c} in tick {@code tick}, money included, and returns its hazard of switching.
     *
     * @param terms array of length {@link Term#count()} to fill
     */
    double evaluate(Country c, int tick, double[] terms) {
        for (Term t : Term.all()) {
            double w = weight[t.ordinal()];
            double v = w == 0.0 ? 0.0 : w * coefficient(t, c, tick) * switch (t.money()) {
                case NONE -> 1.0;
                case OFFER -> c.offerEffect();
                case AID -> c.aidEffect();
            };
            terms[t.ordinal()] = v;
        }
        return hazard(c.side(), pull(terms) - ballast(terms));
    }

    /**
     * Fills {@code values} (indexed by {@link Term#ordinal()}) with each term's value before its
     * weight, money included: the covariates of the rule, as a regression on the same data sees them.
     */
    void values(Country c, int tick, double[] values) {
        for (Term t : Term.all()) {
            values[t.ordinal()] = coefficient(t, c, tick) * switch (t.money()) {
                case NONE -> 1.0;
                case OFFER -> c.offerEffect();
                case AID -> c.aidEffect();
            };
        }
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

    /** Returns the part of pull minus ballast that changes only with the year and the state's side. */
    double yearlyNet(Country c, int tick) {
        return sum(yearlyTerms, yearlyWeights, c, tick);
    }

    /** Returns the part of pull minus ballast without money that may change every tick. */
    double tickNet(Country c, int tick) {
        return sum(tickTerms, tickWeights, c, tick);
    }

    /**
     * Returns how strongly the offer drives log-hazard: pull minus ballast rises by this much per
     * unit of {@link #moneyEffect} of the rival's offer.
     */
    double offerElasticity(Country c, int tick) {
        return sum(offerTerms, offerWeights, c, tick);
    }

    /** Returns how strongly aid holds: pull minus ballast falls by this much per unit of money(aid). */
    double aidElasticity(Country c, int tick) {
        return -sum(aidTerms, aidWeights, c, tick);
    }

    /**
     * Returns whether every money term's coefficient changes only with the year, the side and the
     * state's own attributes ({@link Term#yearly()}), so that the elasticities can be cached with
     * {@link #yearlyNet}.
     */
    boolean yearlyMoney() {
        return yearlyMoney;
    }

    // sign * weight is exact (the sign is +-1), so this is the sum of sign * weight * coefficient in list order.
    private static double sum(Term[] terms, double[] signedWeights, Country c, int tick) {
        double s = 0;
        for (int k = 0; k < terms.length; k++) {
            s += signedWeights[k] * coefficient(terms[k], c, tick);
        }
        return s;
    }

    /**
     * Returns {@code t.coefficient(c, tick)}, calling it on the term's own constant: a call on a term
     * read from an array can reach any of the terms, so the JIT inlines none of them (about 10% of a
     * replication's time), while each call here reaches one. The same code computes the same value; a
     * new term must be added here (the compiler says so).
     */
    public static double coefficient(Term t, StateView c, int tick) {
        return switch (t) {
            case OFFER -> Term.OFFER.coefficient(c, tick);
            case FRAGILITY -> Term.FRAGILITY.coefficient(c, tick);
            case EXPOSURE -> Term.EXPOSURE.coefficient(c, tick);
            case CONTAGION -> Term.CONTAGION.coefficient(c, tick);
            case NEW_GOVERNMENT -> Term.NEW_GOVERNMENT.coefficient(c, tick);
            case AID -> Term.AID.coefficient(c, tick);
            case ENGAGEMENT -> Term.ENGAGEMENT.coefficient(c, tick);
            case BACKING -> Term.BACKING.coefficient(c, tick);
            case AFFINITY -> Term.AFFINITY.coefficient(c, tick);
            case STANCE -> Term.STANCE.coefficient(c, tick);
            case SIZE -> Term.SIZE.coefficient(c, tick);
            case INCOME -> Term.INCOME.coefficient(c, tick);
            case US_FREE_ASSOCIATION -> Term.US_FREE_ASSOCIATION.coefficient(c, tick);
            case HISTORY -> Term.HISTORY.coefficient(c, tick);
            case TAIPEI_DPP -> Term.TAIPEI_DPP.coefficient(c, tick);
            case TRUCE -> Term.TRUCE.coefficient(c, tick);
        };
    }

    boolean isNewGovernment(int ticksSinceGovernmentChange) {
        return ticksSinceGovernmentChange >= 0 && ticksSinceGovernmentChange < newGovernmentWindowTicks;
    }
}
