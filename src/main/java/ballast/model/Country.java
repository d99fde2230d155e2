package ballast.model;

import java.util.HashMap;
import java.util.Map;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * A state: recognises one side, is courted by both, and each tick switches with the hazard of the
 * {@link DecisionRule}. Patrons write the rival's offer and the current side's aid into it before it
 * decides.
 */
public final class Country implements Steppable, StateView {
    private static final long serialVersionUID = 1L;
    static final int NEVER = Integer.MIN_VALUE;

    private final RecognitionModel model;
    private final int index;
    private final CountrySpec spec;
    private final double[] terms = new double[Term.count()];
    private int[] neighbours = new int[0];
    private double[] linkWeights = new double[0];
    // Recorded switches of the sub-region before the start (ticks < 0), for contagion.
    private int[] pastSwitchTicks = new int[0];
    private Side[] pastSwitchTo = new Side[0];
    private double pastLinkWeight;
    // Recorded changes of government after the start, as ticks; governments change at random after recordEndTick.
    private final int[] recordedChangeTicks;
    private final int recordEndTick;
    private final double randomChangePerTick;
    // The yearly data as the model reads them in each calendar year of the run (the year before's
    // values), worked out once: GDP and population, and every column of the panel (NaN: no value).
    private final int firstYear;
    private final double[] gdpByYear;
    private final double[] populationByYear;
    private final Map<String, double[]> yearlyByYear = new HashMap<>();

    private Side side;
    private boolean priorPrcTies;
    private double stance;
    private double oppositionStance;
    private int governmentChangeTick;
    private int nextRecordedChange;
    private double shockFragility;
    private double offerUsdMillions;
    private double aidUsdMillions;
    private int lastSwitchTick;
    private Side lastSwitchTo;
    // The switch before the last one: contagion in a tick must not see switches made in that tick.
    private int priorSwitchTick;
    private Side priorSwitchTo;
    // Cached for the current tick (see DecisionRule): the patrons price their money against these.
    private int cachedYear;
    private Side cachedSide;
    private double gdpUsdMillions;
    private double population;
    private double yearlyNet;
    private double baseNet;
    private double engagementValue;
    private double backing;
    private double offerElasticity;
    private double aidElasticity;
    private double offerEffect;
    private double aidEffect;

    Country(RecognitionModel model, int index, CountrySpec spec) {
        this.model = model;
        this.index = index;
        this.spec = spec;
        ModelParameters p = model.parameters();
        StateRecord r = spec.record();
        this.recordedChangeTicks = r.governmentChanges().stream().filter(m -> m.isAfter(p.start()))
                .mapToInt(p::tickOf).toArray();
        this.recordEndTick = r.governmentRecordEnd() == null ? -1 : p.tickOf(r.governmentRecordEnd());
        boolean calendar = spec.nextElection() != null;
        this.randomChangePerTick = calendar || r.governmentChangesPerYear() == 0.0 ? 0.0
                : -Math.expm1(-r.governmentChangesPerYear() * p.dtYears());
        this.firstYear = p.start().getYear();
        int years = p.end().getYear() - firstYear + 1;
        this.gdpByYear = new double[years];
        this.populationByYear = new double[years];
        YearlyData y = r.yearly();
        for (int k = 0; k < years; k++) {
            int before = firstYear + k - 1; // a year's data are known only after it ends
            gdpByYear[k] = y == null ? spec.gdpUsdMillions() : y.value(YearlyData.GDP, before, spec.gdpUsdMillions());
            populationByYear[k] = y == null ? spec.population()
                    : y.value(YearlyData.POPULATION, before, spec.population());
        }
        if (y != null) {
            for (String column : y.names()) {
                double[] v = new double[years];
                for (int k = 0; k < years; k++) {
                    v[k] = y.value(column, firstYear + k - 1, Double.NaN);
                }
                yearlyByYear.put(column, v);
            }
        }
    }

    /** Restores the state of the start month. */
    void reset(int initialGovernmentChangeTick) {
        side = spec.initialSide();
        priorPrcTies = spec.record().priorPrcTies();
        stance = spec.stance();
        oppositionStance = spec.oppositionStance();
        governmentChangeTick = initialGovernmentChangeTick;
        nextRecordedChange = 0;
        shockFragility = 0;
        offerUsdMillions = 0;
        aidUsdMillions = 0;
        lastSwitchTick = NEVER;
        lastSwitchTo = null;
        priorSwitchTick = NEVER;
        priorSwitchTo = null;
        cachedYear = Integer.MIN_VALUE;
        cachedSide = null;
        yearlyNet = 0;
        baseNet = 0;
        engagementValue = 0;
        backing = 0;
        offerElasticity = 0;
        aidElasticity = 0;
        offerEffect = 0;
        aidEffect = 0;
    }

    void setNeighbours(int[] neighbourIndices, double[] weights) {
        this.neighbours = neighbourIndices;
        this.linkWeights = weights;
    }

    /** Sets the recorded switches of the state's sub-region before the start, each counted with {@code weight}. */
    void setPastSwitches(int[] ticks, Side[] to, double weight) {
        this.pastSwitchTicks = ticks;
        this.pastSwitchTo = to;
        this.pastLinkWeight = weight;
    }

    @Override
    public void step(SimState state) {
        int tick = model.tick();
        double hazard = currentHazard();
        RecognitionModel.Replay replay = model.replay();
        boolean switches;
        if (replay != null) {
            if (replay.wantsValues()) {
                model.rule().values(this, tick, terms);
                replay.values(index, tick, side, terms);
            }
            switches = replay.observe(index, tick, side, hazard);
        } else {
            // One uniform per state per tick, drawn whether or not it is needed, so that a change to one
            // state's hazard does not shift the random stream of the others.
            switches = model.random.nextDouble() < hazard;
        }
        if (switches) {
            // The full breakdown is needed only for the record of a switch, so it is computed only then.
            model.rule().evaluate(this, tick, terms);
            switchSide(tick);
            model.recordSwitch(this, tick, side, hazard, terms);
        }
        if (replay != null) {
            Side recorded = replay.sideAfter(index, tick);
            if (recorded != side) {
                side = recorded; // a change the record does not count as a switch (independence, first recognition)
            }
        }
    }

    private void switchSide(int tick) {
        side = side.other();
        if (side == Side.PRC) {
            priorPrcTies = true;
        }
        priorSwitchTick = lastSwitchTick;
        priorSwitchTo = lastSwitchTo;
        lastSwitchTick = tick;
        lastSwitchTo = side;
    }

    /**
     * Brings the state to {@code tick}: the recorded or random changes of government of the tick,
     * the year's data, and the money-independent part of pull minus ballast. The model calls it when
     * a tick's patrons start.
     */
    void refresh(int tick) {
        while (nextRecordedChange < recordedChangeTicks.length && recordedChangeTicks[nextRecordedChange] <= tick) {
            governmentChangeTick = recordedChangeTicks[nextRecordedChange++];
            model.governmentChanged(index, governmentChangeTick, true);
        }
        // A replay draws nothing: governments change only as recorded.
        if (randomChangePerTick > 0 && tick > recordEndTick && model.replay() == null
                && model.random.nextDouble() < randomChangePerTick) {
            changeGovernment(tick);
            model.governmentChanged(index, tick, false);
        }
        int year = model.year(tick);
        if (year != cachedYear) {
            gdpUsdMillions = gdpByYear[year - firstYear];
            population = populationByYear[year - firstYear];
            cachedYear = year;
            cachedSide = null;
        }
        DecisionRule rule = model.rule();
        boolean yearlyMoney = rule.yearlyMoney();
        if (cachedSide != side) {
            yearlyNet = rule.yearlyNet(this, tick);
            if (yearlyMoney) {
                offerElasticity = rule.offerElasticity(this, tick);
                aidElasticity = rule.aidElasticity(this, tick);
            }
            cachedSide = side;
        }
        backing = model.backing(index, side);
        engagementValue = engagementValue(model.engagementPoints(index, side));
        baseNet = yearlyNet + rule.tickNet(this, tick);
        if (!yearlyMoney) {
            offerElasticity = rule.offerElasticity(this, tick);
            aidElasticity = rule.aidElasticity(this, tick);
        }
    }

    private static double engagementValue(double points) {
        return points == 0.0 ? 0.0 : Math.log(1.0 + points);
    }

    /** Brings the cached engagement term up to date after a partner engaged this state this tick. */
    void refreshEngagement() {
        double updated = engagementValue(model.engagementPoints(index, side));
        baseNet -= model.rule().weight(Term.ENGAGEMENT) * (updated - engagementValue);
        engagementValue = updated;
    }

    /** Returns pull minus ballast with the current offer and aid (after {@link #refresh}). */
    double net() {
        return baseNet + offerElasticity * offerEffect - aidElasticity * aidEffect;
    }

    /** Returns pull minus ballast without the money terms (after {@link #refresh}). */
    double baseNet() {
        return baseNet;
    }

    double offerElasticity() {
        return offerElasticity;
    }

    double aidElasticity() {
        return aidElasticity;
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
        return model.rule().evaluate(this, tick, out);
    }

    /**
     * Returns the summed link weight of the states of its sub-region whose latest switch before
     * {@code tick} went to this state's rival and lies within the contagion window: recorded switches
     * before the start and switches of the run. Switches made in {@code tick} itself do not count, so
     * the order in which states decide within a tick does not matter.
     */
    public double contagion(int tick) {
        int window = model.rule().contagionWindowTicks();
        Side rival = side.other();
        double sum = 0;
        for (int k = pastSwitchTicks.length - 1; k >= 0 && tick - pastSwitchTicks[k] <= window; k--) {
            if (pastSwitchTo[k] == rival) {
                sum += pastLinkWeight;
            }
        }
        int latest = model.lastSwitchTick();
        if (latest == NEVER || tick - latest > window) {
            return sum; // nobody in the run switched within the window: skip the walk over the neighbours
        }
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

    /** Holds an election whose outcome the model has decided (see {@link EventCalendar}). */
    void holdElection(int tick, boolean change) {
        if (change) {
            changeGovernment(tick);
        }
    }

    /** Sets the stance of the government a change would bring in (an election event that names it). */
    void setOppositionStance(double stance) {
        this.oppositionStance = stance;
    }

    private void changeGovernment(int tick) {
        double previous = stance;
        stance = oppositionStance;
        oppositionStance = previous;
        governmentChangeTick = tick;
    }

    /** Returns whether its governments change at random at {@code tick} (after the record it takes as known). */
    boolean electsAt(int tick) {
        return tick > recordEndTick;
    }

    void addShock(double fragilityIncrease) {
        shockFragility += fragilityIncrease;
        cachedSide = null; // the yearly terms read the shocks (Term#yearly)
    }

    void endShock(double fragilityIncrease) {
        shockFragility = Math.max(0.0, shockFragility - fragilityIncrease);
        cachedSide = null;
    }

    void setOfferUsdMillions(double offer) {
        setOffer(offer, model.rule().moneyEffect(offer, gdpUsdMillions));
    }

    void setAidUsdMillions(double aid) {
        setAid(aid, model.rule().moneyEffect(aid, gdpUsdMillions));
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

    // What the terms read (see Term).

    public boolean onTaipeiSide() {
        return side == Side.ROC;
    }

    public boolean isNewGovernment(int tick) {
        return governmentChangeTick != NEVER && model.rule().isNewGovernment(tick - governmentChangeTick);
    }

    public double engagementValue() {
        return engagementValue;
    }

    public double backing() {
        return backing;
    }

    public boolean priorPrcTies() {
        return priorPrcTies;
    }

    public boolean taipeiDpp(int tick) {
        return model.taipeiDpp(tick);
    }

    public boolean truce(int tick) {
        return model.truce(tick);
    }

    /** Returns {@code column}'s value in the year before the current one, or {@code fallback}. */
    public double yearly(String column, double fallback) {
        double[] v = yearlyByYear.get(column);
        int k = cachedYear - firstYear;
        if (v == null || k < 0 || k >= v.length) {
            YearlyData y = spec.record().yearly();
            return y == null ? fallback : y.value(column, cachedYear - 1, fallback);
        }
        return Double.isNaN(v[k]) ? fallback : v[k];
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

    /** Returns this year's GDP as the model knows it (the year before's figure), US$ millions. */
    public double gdpUsdMillions() {
        return gdpUsdMillions;
    }

    /** Returns this year's population as the model knows it (the year before's figure). */
    public double population() {
        return population;
    }

    /** Returns the tick of the last change of government, or {@link Integer#MIN_VALUE} if none is known. */
    public int governmentChangeTick() {
        return governmentChangeTick;
    }
}
