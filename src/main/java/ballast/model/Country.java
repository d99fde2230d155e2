package ballast.model;

import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A state: recognises one side, is courted by both, and each tick switches with the hazard of the
 * {@link DecisionRule}. Patrons write the rival's offer and the current side's aid into it before it
 * decides.
 */
public final class Country implements Steppable {
    private static final long serialVersionUID = 1L;
    static final int NEVER = Integer.MIN_VALUE;

    private final RecognitionModel model;
    private final int index;
    private final CountrySpec spec;
    private final double[] terms = new double[Term.count()];
    private int[] neighbours = new int[0];
    private double[] linkWeights = new double[0];

    private Side side;
    private double stance;
    private double oppositionStance;
    private int governmentChangeTick;
    private double shockFragility;
    private double offerUsdMillions;
    private double aidUsdMillions;
    private int lastSwitchTick;
    private Side lastSwitchTo;
    // The switch before the last one: contagion in a tick must not see switches made in that tick.
    private int priorSwitchTick;
    private Side priorSwitchTo;
    // Cached for the current tick (see DecisionRule.baseNet): the patrons price their money against these.
    private double baseNet;
    private double engagementTerm;
    private double offerElasticity;
    private double offerEffect;
    private double aidEffect;

    Country(RecognitionModel model, int index, CountrySpec spec) {
        this.model = model;
        this.index = index;
        this.spec = spec;
    }

    /** Restores the state of the start month. */
    void reset(int initialGovernmentChangeTick) {
        side = spec.initialSide();
        stance = spec.stance();
        oppositionStance = spec.oppositionStance();
        governmentChangeTick = initialGovernmentChangeTick;
        shockFragility = 0;
        offerUsdMillions = 0;
        aidUsdMillions = 0;
        lastSwitchTick = NEVER;
        lastSwitchTo = null;
        priorSwitchTick = NEVER;
        priorSwitchTo = null;
        baseNet = 0;
        engagementTerm = 0;
        offerElasticity = 0;
        offerEffect = 0;
        aidEffect = 0;
    }

    void setNeighbours(int[] neighbourIndices, double[] weights) {
        this.neighbours = neighbourIndices;
        this.linkWeights = weights;
    }

    @Override
    public void step(SimState state) {
        int tick = model.tick();
        double hazard = currentHazard();
        // One uniform per state per tick, drawn whether or not it is needed, so that a change to one
        // state's hazard does not shift the random stream of the others.
        double u = model.random.nextDouble();
        if (u < hazard) {
            // The full breakdown is needed only for the record of a switch, so it is computed only then.
            hazard(tick, terms);
            side = side.other();
            priorSwitchTick = lastSwitchTick;
            priorSwitchTo = lastSwitchTo;
            lastSwitchTick = tick;
            lastSwitchTo = side;
            model.recordSwitch(this, tick, side, hazard, terms);
        }
    }

    /**
     * Recomputes the money-independent part of pull minus ballast for {@code tick}; the model calls
     * it when a tick's patrons start and whenever an engagement changes.
     */
    void refresh(int tick) {
        int since = governmentChangeTick == NEVER ? -1 : tick - governmentChangeTick;
        DecisionRule rule = model.rule();
        engagementTerm = rule.engagementTerm(model.engagementPoints(index, side));
        baseNet = rule.baseNet(this, contagion(tick), engagementTerm, model.backing(side), since);
        offerElasticity = rule.offerElasticity(this);
    }

    /** Brings the cached engagement term up to date after a partner engaged this state this tick. */
    void refreshEngagement() {
        double updated = model.rule().engagementTerm(model.engagementPoints(index, side));
        baseNet -= updated - engagementTerm;
        engagementTerm = updated;
    }

    /** Returns pull minus ballast with the current offer and aid (after {@link #refresh}). */
    double net() {
        return baseNet + offerElasticity * offerEffect - model.rule().parameters().aidWeight() * aidEffect;
    }

    /** Returns pull minus ballast without the money terms (after {@link #refresh}). */
    double baseNet() {
        return baseNet;
    }

    double offerElasticity() {
        return offerElasticity;
    }

    double offerEffect() {
        return offerEffect;
    }

    double aidEffect() {
        return aidEffect;
    }

    /** Returns this tick's hazard from the cached terms. */
    double currentHazard() {
        return model.rule().hazard(side, net());
    }

    /** Fills {@code out} with the terms of pull and ballast at {@code tick} and returns the hazard. */
    double hazard(int tick, double[] out) {
        int since = governmentChangeTick == NEVER ? -1 : tick - governmentChangeTick;
        return model.rule().evaluate(this, contagion(tick), model.engagementPoints(index, side),
                model.backing(side), since, out);
    }

    /**
     * Returns the summed link weight of the neighbours whose latest switch before {@code tick} went to
     * this state's rival and lies within the contagion window. Switches made in {@code tick} itself do
     * not count, so the order in which states decide within a tick does not matter.
     */
    double contagion(int tick) {
        int window = model.rule().contagionWindowTicks();
        int latest = model.lastSwitchTick();
        if (latest == NEVER || tick - latest > window) {
            return 0.0; // nobody switched within the window: skip the walk over the neighbours
        }
        Side rival = side.other();
        double sum = 0;
        for (int k = 0; k < neighbours.length; k++) {
            Country n = model.country(neighbours[k]);
            boolean switchedNow = n.lastSwitchTick == tick;
            int when = switchedNow ? n.priorSwitchTick : n.lastSwitchTick;
            Side to = switchedNow ? n.priorSwitchTo : n.lastSwitchTo;
            if (to == rival && when != NEVER && tick - when <= window) {
                sum += linkWeights[k];
            }
        }
        return sum;
    }

    /** Holds an election; the government changes with the state's probability unless forced. */
    void holdElection(int tick, Boolean forcedChange) {
        // Always draw, so forcing one election's outcome does not shift later draws.
        boolean drawn = model.random.nextDouble() < spec.governmentChangeProbability();
        boolean change = forcedChange != null ? forcedChange : drawn;
        if (change) {
            double previous = stance;
            stance = oppositionStance;
            oppositionStance = previous;
            governmentChangeTick = tick;
        }
    }

    void addShock(double fragilityIncrease) {
        shockFragility += fragilityIncrease;
    }

    void endShock(double fragilityIncrease) {
        shockFragility = Math.max(0.0, shockFragility - fragilityIncrease);
    }

    void setOfferUsdMillions(double offer) {
        setOffer(offer, model.rule().moneyEffect(offer, spec.gdpUsdMillions()));
    }

    void setAidUsdMillions(double aid) {
        setAid(aid, model.rule().moneyEffect(aid, spec.gdpUsdMillions()));
    }

    /** Sets the offer with its money effect already computed ({@code moneyEffect(offer, gdp)}). */
    void setOffer(double offer, double effect) {
        this.offerUsdMillions = offer;
        this.offerEffect = effect;
    }

    /** Sets the aid with its money effect already computed. */
    void setAid(double aid, double effect) {
        this.aidUsdMillions = aid;
        this.aidEffect = effect;
    }

    /** Returns the position of this state in the scenario's country list. */
    public int index() {
        return index;
    }

    /** Returns the fixed attributes. */
    public CountrySpec spec() {
        return spec;
    }

    /** Returns the side recognised now. */
    public Side side() {
        return side;
    }

    /** Returns the current government's stance toward Taipei in [-1, 1]. */
    public double stance() {
        return stance;
    }

    /** Returns the extra fragility of active shocks. */
    public double shockFragility() {
        return shockFragility;
    }

    /** Returns the rival's current offer, US$ millions per year. */
    public double offerUsdMillions() {
        return offerUsdMillions;
    }

    /** Returns the current side's aid, US$ millions per year. */
    public double aidUsdMillions() {
        return aidUsdMillions;
    }

    /** Returns the tick of the last change of government, or {@link Integer#MIN_VALUE} if none is known. */
    public int governmentChangeTick() {
        return governmentChangeTick;
    }
}
