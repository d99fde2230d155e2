package ballast.model;

import java.util.Locale;

/**
 * The terms of the decision rule, each stated once: its weight's name in a scenario's {@code rule:}
 * section, its default and bounds, which side of the rule it is on, and how its value is computed
 * for a state in a tick. The rule, the strategies' pricing, {@code switches.csv}, {@code
 * switch_terms.csv}, the rule reader, the JSON Schema and the README's parameter table all iterate
 * this list, so a new covariate is one entry here.
 *
 * <p>A term's contribution to {@code pull - ballast} is {@code weight * value} for a pull term and
 * {@code -weight * value} for a ballast term. Values are signed: exposure to the PRC pulls a
 * Taipei ally toward Beijing but holds a state that recognises Beijing, so {@code pull_exposure}
 * is negative there; affinity and stance toward Taipei hold an ally and pull a Beijing recogniser
 * back, so {@code ballast_affinity} is negative there. The state's covariates from the record (size,
 * income, US free association, its own history, who governs in Taipei) act on the hazard of
 * leaving Taipei only; they are 0 for a state with Beijing.
 *
 * <p>A new covariate from the record is one entry here: its key, default, side and a coefficient
 * that reads the state; a yearly covariate from a new column of the state-year panel reads it by name
 * ({@code c.yearly("column", fallback)}, the year before's value), since the panel reader keeps every
 * value column. The schema and the README's parameter table (where each default's source or rationale
 * is written, once) are checked against this list by tests.
 *
 * <p>Money terms: the value of {@link #OFFER} and {@link #FRAGILITY} is a coefficient times
 * {@code money(rival's offer)}, that of {@link #AID} a coefficient times {@code money(aid)}, so that
 * patrons can price a dollar without recomputing the other terms (see {@link DecisionRule}).
 */
public enum Term {
    OFFER("offer", true, Money.OFFER, true, 0.35, "per unit of money(offer)") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.spec().offerSensitivity();
        }
    },
    FRAGILITY("fragility", true, Money.OFFER, true, 0.5, "per unit of fragility x money(offer)") {
        @Override
        public double coefficient(StateView c, int tick) {
            return (c.spec().fragility() + c.shockFragility()) * c.spec().offerSensitivity();
        }
    },
    EXPOSURE("exposure", true, Money.NONE, true, 1.0, "per unit of exposure to the PRC") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() ? c.spec().prcExposure() : -c.spec().prcExposure();
        }
    },
    CONTAGION("contagion", true, Money.NONE, 0.4, "per recent switch in the sub-region") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.contagion(tick);
        }
    },
    NEW_GOVERNMENT("newGovernment", true, Money.NONE, 1.2, "in the window after a change of government") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.isNewGovernment(tick) ? 1.0 : 0.0;
        }
    },
    AID("aid", false, Money.AID, true, 0.35, "per unit of money(aid)") {
        @Override
        public double coefficient(StateView c, int tick) {
            return 1.0;
        }
    },
    ENGAGEMENT("engagement", false, Money.NONE, 0.4, "per unit of ln(1 + engagement points)") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.engagementValue();
        }
    },
    BACKING("backing", false, Money.NONE, 0.5, "per unit of backing") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.backing();
        }
    },
    AFFINITY("affinity", false, Money.NONE, true, 1.0, "per unit of affinity") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() ? c.spec().affinity() : -c.spec().affinity();
        }
    },
    STANCE("stance", false, Money.NONE, 1.0, "per unit of stance") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() ? c.stance() : -c.stance();
        }
    },
    SIZE("size", true, Money.NONE, true, 0.0, "per unit of ln(population / 1 million)") {
        @Override
        public double coefficient(StateView c, int tick) {
            double population = c.population();
            return c.onTaipeiSide() ? Math.log(Math.max(population, MIN_POPULATION) / 1e6) : 0.0;
        }
    },
    INCOME("income", true, Money.NONE, true, 0.0, "per unit of ln(GDP per head / US$ 3,000)") {
        @Override
        public double coefficient(StateView c, int tick) {
            double population = c.population();
            double gdp = c.gdpUsdMillions();
            return c.onTaipeiSide() && population > 0 && gdp > 0 ? Math.log(gdp * 1e6 / population / 3000.0) : 0.0;
        }
    },
    US_FREE_ASSOCIATION("usFreeAssociation", true, Money.NONE, true, 0.0, "if in free association with the US") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() && c.yearly(YearlyData.US_FREE_ASSOCIATION, 0.0) > 0.5 ? 1.0 : 0.0;
        }
    },
    HISTORY("history", true, Money.NONE, true, 0.0, "if it has recognised Beijing before") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() && c.priorPrcTies() ? 1.0 : 0.0;
        }
    },
    TAIPEI_DPP("taipeiDpp", true, Money.NONE, 0.0, "while Taipei's president is of the DPP") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() && c.taipeiDpp(tick) ? 1.0 : 0.0;
        }
    },
    TRUCE("truce", true, Money.NONE, -3.6375861597263857, "while Beijing's posture is a truce") {
        @Override
        public double coefficient(StateView c, int tick) {
            return c.onTaipeiSide() && c.truce(tick) ? 1.0 : 0.0;
        }
    };

    /** What a term's value is multiplied by: nothing, the money effect of the rival's offer, or of aid. */
    public enum Money { NONE, OFFER, AID }

    /** Population below which size is not resolved (the Holy See has about 800 residents and no WDI series). */
    static final double MIN_POPULATION = 1000;

    /** Bound on any weight: no weight beyond +-20 log-hazard units makes sense. */
    public static final double MAX_WEIGHT = 20;

    private static final Term[] ALL = values();
    private final String key;
    private final boolean pull;
    private final Money money;
    private final boolean yearly;
    private final double defaultWeight;
    private final String unit;

    Term(String key, boolean pull, Money money, double defaultWeight, String unit) {
        this(key, pull, money, false, defaultWeight, unit);
    }

    Term(String key, boolean pull, Money money, boolean yearly, double defaultWeight, String unit) {
        this.key = key;
        this.yearly = yearly;
        this.pull = pull;
        this.money = money;
        this.defaultWeight = defaultWeight;
        this.unit = unit;
    }

    /**
     * Returns the term's value for {@code c} in {@code tick} before its weight, leaving out the money
     * effect for money terms (their value is this times {@code money(offer)} or {@code money(aid)}).
     */
    public abstract double coefficient(StateView c, int tick);

    /** Returns the weight's name in a scenario's {@code rule:} section, e.g. {@code newGovernment}. */
    public String key() {
        return key;
    }

    /** Returns the weight's name in a scenario's {@code rule:} section (so manifests read like scenarios). */
    @Override
    public String toString() {
        return key;
    }

    /** Returns true for a term of pull, false for a term of ballast. */
    public boolean isPull() {
        return pull;
    }

    /** Returns what the term's value is multiplied by. */
    public Money money() {
        return money;
    }

    /**
     * Returns whether the term's value (its coefficient, for a money term) changes only with the year,
     * the state's side and its fixed attributes or active shocks, so that it can be computed once a
     * year, when the state switches and when a shock starts or ends.
     */
    public boolean yearly() {
        return yearly;
    }

    /** Returns the default weight, in log-hazard units per unit of the term's value. */
    public double defaultWeight() {
        return defaultWeight;
    }

    /** Returns what one unit of the term's value is, e.g. "per unit of money(offer)". */
    public String unit() {
        return unit;
    }

    /** Returns the column name, e.g. {@code pull_new_government} or {@code ballast_aid}. */
    public String column() {
        return (pull ? "pull_" : "ballast_") + name().toLowerCase(Locale.ROOT);
    }

    /** Returns +1 for a pull term and -1 for a ballast term: the sign of its contribution to pull - ballast. */
    public double sign() {
        return pull ? 1.0 : -1.0;
    }

    /** Returns all terms in column order (a shared array: do not modify). */
    static Term[] all() {
        return ALL;
    }

    /** Returns the number of terms. */
    public static int count() {
        return ALL.length;
    }

    /** Returns the term whose weight is called {@code key}, or null. */
    public static Term ofKey(String key) {
        for (Term t : ALL) {
            if (t.key.equals(key)) {
                return t;
            }
        }
        return null;
    }
}
