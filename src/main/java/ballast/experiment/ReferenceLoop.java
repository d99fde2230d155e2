package ballast.experiment;

import ballast.model.CountrySpec;
import ballast.model.DecisionRule;
import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.RuleParameters;
import ballast.model.RunRecord;
import ballast.model.ScheduledEvent;
import ballast.model.Setting;
import ballast.model.Side;
import ballast.model.StateRecord;
import ballast.model.StateView;
import ballast.model.Strategies;
import ballast.model.Term;
import ballast.model.YearlyData;
import ec.util.MersenneTwisterFast;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import sim.engine.SimState;

/**
 * The benchmark's yardstick: one replication of a scenario without scheduled events, computed as the
 * model computes it, but as one plain loop over arrays of primitives, without MASON's schedule and
 * without agent objects. Same random draws in the same order (the generator seeded and primed as
 * MASON primes it; each tick the calendar elections, then the random changes of government, then one
 * uniform per state), same arithmetic (the decision rule's terms are the model's {@link Term} list,
 * evaluated through {@link StateView}), same record: Taipei's allies and shares each month, every
 * switch with its hazard and terms, and the patrons' money summed by year. {@code ReferenceLoopTest}
 * checks that it matches the model on every seed it tries; {@code ballast bench} times the two.
 *
 * <p>It covers everything a scenario sets except scheduled events (elections, engagements, patron
 * changes and shocks dated from the start on; engagements dated before it seed the partners' stocks,
 * as in the model): yearly data, the record's terms, recorded and random changes of government,
 * calendar elections, Taipei's governments, contagion with recorded past switches, every strategy,
 * targets, earmarks, backing, and each replication's draw of the calibrated parameters.
 *
 * <p>Not a second model: nothing but the benchmark and its test uses it.
 */
public final class ReferenceLoop implements RunRecord {
    private static final int NEVER = Integer.MIN_VALUE;
    private static final int CHUNKS = 10;
    private static final int KINDS = MoneyKind.values().length;
    private static final Term[] TERMS = Term.values();
    // Strategies, by their place in this list.
    private static final int CHEAPEST_FLIP = 0;
    private static final int MOST_VALUABLE = 2;
    private static final int DEFEND_AT_RISK = 3;
    private static final int BALLAST = 4;
    private static final int FIXED = 5;

    // The world, fixed.
    private final ModelParameters p;
    private final int n;
    private final int ticks;
    private final int tickMonths;
    private final CountrySpec[] spec;
    private final int[] year;                 // calendar year of each tick
    private final int[] moneyYear;            // index of that year in the money sums
    private final boolean[] taipeiDpp;
    private final boolean[] truce;
    private final boolean[][] election;       // [tick][state]: a calendar election is held
    private final int[][] recordedChanges;    // [state]: ticks of recorded changes of government after the start
    private final double[] randomChangePerTick;
    private final int[] recordEndTick;
    private final int[] initialChangeTick;
    private final int[][] neighbours;         // [state]: the other states of its sub-region
    private final double linkWeight;
    private final int firstYear;
    private final double[][] gdpByYear;       // [state][year of the run]: the year before's figure
    private final double[][] populationByYear;
    private final List<java.util.Map<String, double[]>> yearlyByYear; // [state]: every panel column, NaN: none
    private final int[][] pastSwitchTick;     // [state]: recorded switches of its sub-region before the start
    private final boolean[][] pastSwitchToRoc;
    private final int patrons;
    private final PatronSpec[] patron;
    private final int[] strategy;
    private final boolean[] rocPatron;
    private final PatronRole[] role;
    private final double[] decay;
    private final boolean[][] aims;           // [patron][state]
    private final double[][] earmark;         // [patron][state]
    private final boolean[] anyEarmark;
    private final double[][] initialEngagement;

    // One replication's rule.
    private DecisionRule rule;
    private final double[] weight = new double[TERMS.length];
    private Term[] yearlyTerms;
    private Term[] tickTerms;
    private Term[] offerTerms;
    private Term[] aidTerms;
    private double[] yearlyWeights;
    private double[] tickWeights;
    private double[] offerWeights;
    private double[] aidWeights;
    private boolean yearlyMoney;
    private double rocDtRate;                 // dt * baseRate of a state with Taipei
    private double prcDtRate;
    private int contagionWindow;
    private int newGovernmentWindow;
    private double floor;
    private final MersenneTwisterFast random = new MersenneTwisterFast(0);

    // One replication's states.
    private final boolean[] roc;
    private final boolean[] priorTies;
    private final double[] stance;
    private final double[] opposition;
    private final int[] changeTick;
    private final int[] nextRecorded;
    private final int[] lastSwitch;
    private final boolean[] lastToRoc;
    private final int[] priorSwitch;
    private final boolean[] priorToRoc;
    private int latestSwitch;
    private int cachedYear;
    private final boolean[] yearlyValid;
    private final double[] gdp;
    private final double[] population;
    private final double[] yearlyNet;
    private final double[] baseNet;
    private final double[] engagementValue;
    private final double[] backing;
    private final double[] offerElasticity;
    private final double[] aidElasticity;
    private final double[] offerUsd;
    private final double[] offerEffect;
    private final double[] aidUsd;
    private final double[] aidEffect;
    private final double[][] engagement;      // [patron][state]
    private final double[][] pointsNow;       // [patron][state]: a partner's flows this tick
    private final double[][] usdNow;
    private final View view = new View();

    // Scratch of the strategies.
    private final double[] net;
    private final double[] base;
    private final double[] share;
    private final double[] allocation;
    private final boolean[] offerTarget;
    private final boolean[] aidTarget;
    private final double[] current;
    private final double[] next;
    private final int[] chunks;
    private final double[][] effects;

    // The record.
    private final int[] allies;
    private final double[] gdpShare;
    private final double[] populationShare;
    private final double[] yearUsd;           // [year][patron][state][kind], as MoneyRecord
    private final double[] yearPoints;        // [year][patron][state]
    private int switches;
    private int[] switchTick = new int[16];
    private int[] switchState = new int[16];
    private boolean[] switchToRoc = new boolean[16];
    private double[] switchHazard = new double[16];
    private double[] switchTerms = new double[16 * TERMS.length];
    private final double[] terms = new double[TERMS.length];

    /**
     * Flattens {@code parameters} into arrays.
     *
     * @throws IllegalArgumentException if the scenario has scheduled events from its start on (see
     *     {@link #withoutScheduledEvents})
     */
    public ReferenceLoop(ModelParameters parameters) {
        this.p = parameters;
        for (ScheduledEvent e : p.events()) {
            if (!(e instanceof ScheduledEvent.Engagement) || p.tickOf(e.month()) >= 0) {
                throw new IllegalArgumentException("the reference loop computes scenarios without scheduled events; "
                        + p.name() + " has one in " + e.month());
            }
        }
        n = p.countries().size();
        ticks = p.ticks();
        tickMonths = p.tickMonths();
        spec = p.countries().toArray(new CountrySpec[0]);
        year = new int[ticks];
        moneyYear = new int[ticks];
        taipeiDpp = new boolean[ticks];
        truce = new boolean[ticks];
        election = new boolean[ticks][n];
        for (int t = 0; t < ticks; t++) {
            year[t] = p.monthOf(t).getYear();
            moneyYear[t] = MoneyRecord.yearOf(p, t);
            Setting.TaipeiGovernment g = p.setting().taipeiIn(p.monthOf(t));
            taipeiDpp[t] = g != null && g.dpp();
            truce[t] = g != null && g.truce();
        }
        recordedChanges = new int[n][];
        randomChangePerTick = new double[n];
        recordEndTick = new int[n];
        initialChangeTick = new int[n];
        neighbours = new int[n][];
        pastSwitchTick = new int[n][];
        pastSwitchToRoc = new boolean[n][];
        linkWeight = p.rule().sameRegionLinkWeight();
        firstYear = p.start().getYear();
        int runYears = p.end().getYear() - firstYear + 1;
        gdpByYear = new double[n][runYears];
        populationByYear = new double[n][runYears];
        yearlyByYear = new java.util.ArrayList<>();
        for (int i = 0; i < n; i++) {
            CountrySpec c = spec[i];
            StateRecord r = c.record();
            recordedChanges[i] = r.governmentChanges().stream().filter(m -> m.isAfter(p.start()))
                    .mapToInt(p::tickOf).toArray();
            recordEndTick[i] = r.governmentRecordEnd() == null ? -1 : p.tickOf(r.governmentRecordEnd());
            boolean calendar = c.nextElection() != null;
            randomChangePerTick[i] = calendar || r.governmentChangesPerYear() == 0.0 ? 0.0
                    : -Math.expm1(-r.governmentChangesPerYear() * p.dtYears());
            initialChangeTick[i] = c.lastGovernmentChange() != null && !c.lastGovernmentChange().isAfter(p.start())
                    ? p.tickOf(c.lastGovernmentChange()) : NEVER;
            int self = i;
            neighbours[i] = linkWeight > 0 ? java.util.stream.IntStream.range(0, n)
                    .filter(j -> j != self && spec[j].region().equals(c.region())).toArray() : new int[0];
            YearlyData y = r.yearly();
            java.util.Map<String, double[]> columns = new java.util.HashMap<>();
            for (int k = 0; k < runYears; k++) {
                int before = firstYear + k - 1;
                gdpByYear[i][k] = y == null ? c.gdpUsdMillions() : y.value(YearlyData.GDP, before, c.gdpUsdMillions());
                populationByYear[i][k] = y == null ? c.population()
                        : y.value(YearlyData.POPULATION, before, c.population());
            }
            for (String column : y == null ? java.util.Set.<String>of() : y.names()) {
                double[] v = new double[runYears];
                for (int k = 0; k < runYears; k++) {
                    v[k] = y.value(column, firstYear + k - 1, Double.NaN);
                }
                columns.put(column, v);
            }
            yearlyByYear.add(columns);
            int first = firstCalendarElection(c);
            int term = c.termMonths() / tickMonths;
            for (int t = 0; t < ticks; t++) {
                election[t][i] = first >= 0 && t > recordEndTick[i]
                        && (t == first || t > first && term > 0 && (t - first) % term == 0);
            }
            List<Setting.PastSwitch> past = p.setting().pastSwitches().stream()
                    .filter(s -> s.region().equals(c.region()) && !s.code().equals(c.code())
                            && s.month().isBefore(p.start()))
                    .toList();
            pastSwitchTick[i] = past.stream().mapToInt(s -> p.tickOf(s.month())).toArray();
            pastSwitchToRoc[i] = new boolean[past.size()];
            for (int k = 0; k < past.size(); k++) {
                pastSwitchToRoc[i][k] = past.get(k).to() == Side.ROC;
            }
        }
        patrons = p.patrons().size();
        patron = p.patrons().toArray(new PatronSpec[0]);
        strategy = new int[patrons];
        rocPatron = new boolean[patrons];
        role = new PatronRole[patrons];
        decay = new double[patrons];
        aims = new boolean[patrons][n];
        earmark = new double[patrons][n];
        anyEarmark = new boolean[patrons];
        initialEngagement = new double[patrons][n];
        for (int k = 0; k < patrons; k++) {
            PatronSpec s = patron[k];
            strategy[k] = List.of(Strategies.CHEAPEST_FLIP, Strategies.VALUE_FOR_MONEY, Strategies.MOST_VALUABLE,
                    Strategies.DEFEND_AT_RISK, Strategies.BALLAST, Strategies.FIXED).indexOf(s.strategy());
            rocPatron[k] = s.side() == Side.ROC;
            role[k] = s.role();
            decay[k] = Math.pow(0.5, tickMonths / s.engagementHalfLifeMonths());
            for (int i = 0; i < n; i++) {
                aims[k][i] = s.targets().aims(spec[i]);
                Double e = s.earmarksUsdMillionsPerYear().get(spec[i].code());
                earmark[k][i] = e == null ? 0.0 : e;
                anyEarmark[k] |= earmark[k][i] > 0;
            }
        }
        // Engagements dated before the start: the stock at the start, aged to it.
        for (ScheduledEvent e : p.events()) {
            ScheduledEvent.Engagement en = (ScheduledEvent.Engagement) e;
            int k = p.patrons().stream().map(PatronSpec::id).toList().indexOf(en.patron());
            int i = p.countries().stream().map(CountrySpec::code).toList().indexOf(en.country());
            double age = ChronoUnit.MONTHS.between(en.month(), p.start());
            initialEngagement[k][i] += en.points() * patron[k].engagementScale()
                    * Math.pow(0.5, age / patron[k].engagementHalfLifeMonths());
        }
        roc = new boolean[n];
        priorTies = new boolean[n];
        stance = new double[n];
        opposition = new double[n];
        changeTick = new int[n];
        nextRecorded = new int[n];
        lastSwitch = new int[n];
        lastToRoc = new boolean[n];
        priorSwitch = new int[n];
        priorToRoc = new boolean[n];
        yearlyValid = new boolean[n];
        gdp = new double[n];
        population = new double[n];
        yearlyNet = new double[n];
        baseNet = new double[n];
        engagementValue = new double[n];
        backing = new double[n];
        offerElasticity = new double[n];
        aidElasticity = new double[n];
        offerUsd = new double[n];
        offerEffect = new double[n];
        aidUsd = new double[n];
        aidEffect = new double[n];
        engagement = new double[patrons][n];
        pointsNow = new double[patrons][n];
        usdNow = new double[patrons][n];
        net = new double[n];
        base = new double[n];
        share = new double[n];
        allocation = new double[n];
        offerTarget = new boolean[n];
        aidTarget = new boolean[n];
        current = new double[n];
        next = new double[n];
        chunks = new int[n];
        effects = new double[n][CHUNKS + 1];
        allies = new int[ticks];
        gdpShare = new double[ticks];
        populationShare = new double[ticks];
        int years = MoneyRecord.years(p);
        yearUsd = new double[years * patrons * n * KINDS];
        yearPoints = new double[years * patrons * n];
    }

    /**
     * Returns {@code parameters} without their scheduled events: only the engagements dated before the
     * start stay (they are the partners' stocks at the start).
     */
    public static ModelParameters withoutScheduledEvents(ModelParameters parameters) {
        List<ScheduledEvent> before = parameters.events().stream()
                .filter(e -> e instanceof ScheduledEvent.Engagement && parameters.tickOf(e.month()) < 0).toList();
        return new ModelParameters(parameters.name(), parameters.start(), parameters.horizonMonths(),
                parameters.tickMonths(), parameters.countries(), parameters.patrons(), parameters.rule(), before,
                parameters.setting(), parameters.draws());
    }

    /** Returns the number of scheduled events that {@link #withoutScheduledEvents} leaves out. */
    public static int scheduledEvents(ModelParameters parameters) {
        return parameters.events().size() - withoutScheduledEvents(parameters).events().size();
    }

    /** The tick of the first calendar election of {@code c} from the start on, or -1 (as the model's calendar). */
    private int firstCalendarElection(CountrySpec c) {
        if (c.nextElection() == null) {
            return -1;
        }
        int term = c.termMonths() / tickMonths;
        int first = p.tickOf(c.nextElection());
        while (first < 0 && term > 0) {
            first += term;
        }
        return first < 0 ? -1 : first;
    }

    /** Runs one replication with {@code seed}; returns its record (this object, until the next run). */
    public RunRecord run(long seed) {
        useRule(p.draws() == null ? p.rule() : p.draws().draw(p.rule(), seed));
        random.setSeed(new int[] {(int) (seed >>> 32), (int) seed});
        SimState.primeGenerator(random);
        reset();
        for (int t = 0; t < ticks; t++) {
            if (t > 0) {
                for (int k = 0; k < patrons; k++) {
                    double[] e = engagement[k];
                    for (int i = 0; i < n; i++) {
                        e[i] *= decay[k];
                    }
                }
            }
            for (int i = 0; i < n; i++) {
                if (election[t][i] && random.nextDouble() < spec[i].governmentChangeProbability()) {
                    changeGovernment(i, t);
                }
            }
            for (int i = 0; i < n; i++) {
                refresh(i, t);
            }
            for (int k = 0; k < patrons; k++) {
                act(k, t);
            }
            for (int i = 0; i < n; i++) {
                decide(i, t);
            }
            observe(t);
        }
        return this;
    }

    private void useRule(RuleParameters r) {
        rule = new DecisionRule(r, tickMonths);
        for (Term t : TERMS) {
            weight[t.ordinal()] = r.weight(t);
        }
        yearlyTerms = live(Term.Money.NONE, YEARLY);
        tickTerms = live(Term.Money.NONE, TICK);
        offerTerms = live(Term.Money.OFFER, ANY);
        aidTerms = live(Term.Money.AID, ANY);
        yearlyWeights = signed(yearlyTerms);
        tickWeights = signed(tickTerms);
        offerWeights = signed(offerTerms);
        aidWeights = signed(aidTerms);
        yearlyMoney = true;
        for (Term t : offerTerms) {
            yearlyMoney &= t.yearly();
        }
        for (Term t : aidTerms) {
            yearlyMoney &= t.yearly();
        }
        contagionWindow = (r.contagionWindowMonths() + tickMonths - 1) / tickMonths;
        newGovernmentWindow = (r.newGovernmentWindowMonths() + tickMonths - 1) / tickMonths;
        floor = r.gdpFloorUsdMillions();
        rocDtRate = rule.dtYears() * r.toPrcPerYear();
        prcDtRate = rule.dtYears() * r.toRocPerYear();
    }

    private static final int YEARLY = 0;
    private static final int TICK = 1;
    private static final int ANY = 2;

    /** The terms of {@code money} with a weight that change yearly, each tick or either ({@link Term#yearly()}). */
    private Term[] live(Term.Money money, int change) {
        Term[] kept = new Term[TERMS.length];
        int count = 0;
        for (Term t : TERMS) {
            if (t.money() == money && (change == ANY || t.yearly() == (change == YEARLY)) && weight[t.ordinal()] != 0.0) {
                kept[count++] = t;
            }
        }
        return Arrays.copyOf(kept, count);
    }

    /** Each term's sign times its weight (exact: the sign is +-1). */
    private double[] signed(Term[] list) {
        double[] w = new double[list.length];
        for (int k = 0; k < list.length; k++) {
            w[k] = list[k].sign() * weight[list[k].ordinal()];
        }
        return w;
    }

    private void reset() {
        for (int i = 0; i < n; i++) {
            roc[i] = spec[i].initialSide() == Side.ROC;
            priorTies[i] = spec[i].record().priorPrcTies();
            stance[i] = spec[i].stance();
            opposition[i] = spec[i].oppositionStance();
            changeTick[i] = initialChangeTick[i];
            nextRecorded[i] = 0;
            lastSwitch[i] = NEVER;
            priorSwitch[i] = NEVER;
            yearlyValid[i] = false;
            offerUsd[i] = 0;
            offerEffect[i] = 0;
            aidUsd[i] = 0;
            aidEffect[i] = 0;
        }
        for (int k = 0; k < patrons; k++) {
            System.arraycopy(initialEngagement[k], 0, engagement[k], 0, n);
            Arrays.fill(pointsNow[k], 0.0);
            Arrays.fill(usdNow[k], 0.0);
        }
        latestSwitch = NEVER;
        cachedYear = Integer.MIN_VALUE;
        switches = 0;
        Arrays.fill(yearUsd, 0.0);
        Arrays.fill(yearPoints, 0.0);
    }

    private void changeGovernment(int i, int t) {
        double previous = stance[i];
        stance[i] = opposition[i];
        opposition[i] = previous;
        changeTick[i] = t;
    }

    /** Brings state {@code i} to tick {@code t}: changes of government, the year's data, the cached terms. */
    private void refresh(int i, int t) {
        while (nextRecorded[i] < recordedChanges[i].length && recordedChanges[i][nextRecorded[i]] <= t) {
            changeTick[i] = recordedChanges[i][nextRecorded[i]++];
        }
        if (randomChangePerTick[i] > 0 && t > recordEndTick[i] && random.nextDouble() < randomChangePerTick[i]) {
            changeGovernment(i, t);
        }
        if (i == 0 && year[t] != cachedYear) {
            cachedYear = year[t];
            for (int j = 0; j < n; j++) {
                gdp[j] = gdpByYear[j][cachedYear - firstYear];
                population[j] = populationByYear[j][cachedYear - firstYear];
                yearlyValid[j] = false;
            }
        }
        view.i = i;
        if (!yearlyValid[i]) {
            yearlyNet[i] = sum(yearlyTerms, yearlyWeights, t);
            if (yearlyMoney) {
                offerElasticity[i] = sum(offerTerms, offerWeights, t);
                aidElasticity[i] = -sum(aidTerms, aidWeights, t);
            }
            yearlyValid[i] = true;
        }
        double b = 0;
        double points = 0;
        for (int k = 0; k < patrons; k++) {
            if (rocPatron[k] == roc[i] && patron[k].active()) {
                if (role[k] == PatronRole.BACKER && aims[k][i]) {
                    b += patron[k].backing();
                } else if (role[k] == PatronRole.PARTNER) {
                    points += engagement[k][i];
                }
            }
        }
        backing[i] = b;
        engagementValue[i] = points == 0.0 ? 0.0 : Math.log(1.0 + points);
        baseNet[i] = yearlyNet[i] + sum(tickTerms, tickWeights, t);
        if (!yearlyMoney) {
            offerElasticity[i] = sum(offerTerms, offerWeights, t);
            aidElasticity[i] = -sum(aidTerms, aidWeights, t);
        }
    }

    /** Returns the sum over {@code list} of sign * weight * coefficient for the state of {@link #view}. */
    private double sum(Term[] list, double[] signedWeights, int t) {
        double s = 0;
        for (int k = 0; k < list.length; k++) {
            s += signedWeights[k] * DecisionRule.coefficient(list[k], view, t);
        }
        return s;
    }

    private double hazard(boolean onRoc, double x) {
        return DecisionRule.hazard(1.0, onRoc ? rocDtRate : prcDtRate, x, 0.0);
    }

    private double netNow(int i) {
        return baseNet[i] + offerElasticity[i] * offerEffect[i] - aidElasticity[i] * aidEffect[i];
    }

    /** State {@code i} decides: one uniform, and a switch if it falls below its hazard. */
    private void decide(int i, int t) {
        double h = hazard(roc[i], netNow(i));
        if (random.nextDouble() < h) {
            view.i = i;
            for (Term term : TERMS) {
                double w = weight[term.ordinal()];
                terms[term.ordinal()] = w == 0.0 ? 0.0 : w * DecisionRule.coefficient(term, view, t) * switch (term.money()) {
                    case NONE -> 1.0;
                    case OFFER -> offerEffect[i];
                    case AID -> aidEffect[i];
                };
            }
            roc[i] = !roc[i];
            priorTies[i] |= !roc[i];
            priorSwitch[i] = lastSwitch[i];
            priorToRoc[i] = lastToRoc[i];
            lastSwitch[i] = t;
            lastToRoc[i] = roc[i];
            latestSwitch = t;
            keepSwitch(t, i, h);
            yearlyValid[i] = false;
        }
    }

    private void keepSwitch(int t, int i, double h) {
        if (switches == switchTick.length) {
            int m = 2 * switches;
            switchTick = Arrays.copyOf(switchTick, m);
            switchState = Arrays.copyOf(switchState, m);
            switchToRoc = Arrays.copyOf(switchToRoc, m);
            switchHazard = Arrays.copyOf(switchHazard, m);
            switchTerms = Arrays.copyOf(switchTerms, m * TERMS.length);
        }
        switchTick[switches] = t;
        switchState[switches] = i;
        switchToRoc[switches] = roc[i];
        switchHazard[switches] = h;
        System.arraycopy(terms, 0, switchTerms, switches * TERMS.length, TERMS.length);
        switches++;
    }

    private void observe(int t) {
        int count = 0;
        double g = 0;
        double pop = 0;
        double totalGdp = 0;
        double totalPopulation = 0;
        for (int i = 0; i < n; i++) {
            totalGdp += gdp[i];
            totalPopulation += population[i];
            if (roc[i]) {
                count++;
                g += gdp[i];
                pop += population[i];
            }
        }
        allies[t] = count;
        gdpShare[t] = totalGdp > 0 ? g / totalGdp : 0.0;
        populationShare[t] = totalPopulation > 0 ? pop / totalPopulation : 0.0;
    }

    // The patrons.

    private void act(int k, int t) {
        PatronSpec s = patron[k];
        if (strategy[k] == BALLAST) {
            ballast(k);
        } else if (strategy[k] != FIXED) {
            recogniser(k);
        }
        if (anyEarmark[k] && s.active()) {
            for (int i = 0; i < n; i++) {
                double e = earmark[k][i];
                if (e == 0.0) {
                    continue;
                }
                boolean own = roc[i] == rocPatron[k];
                if (role[k] == PatronRole.RECOGNISER) {
                    if (own) {
                        setAid(i, aidUsd[i] + e);
                    } else {
                        setOffer(i, offerUsd[i] + e);
                    }
                } else if (role[k] == PatronRole.PARTNER && own) {
                    buy(k, i, e * rule.dtYears() / s.usdMillionsPerEngagementPoint(), e);
                }
            }
        }
        int cell = (moneyYear[t] * patrons + k) * n;
        if (role[k] == PatronRole.RECOGNISER) {
            for (int i = 0; i < n; i++) {
                boolean aid = roc[i] == rocPatron[k];
                MoneyKind kind = aid ? MoneyKind.AID : MoneyKind.OFFER;
                yearUsd[(cell + i) * KINDS + kind.ordinal()] += aid ? aidUsd[i] : offerUsd[i];
            }
        } else if (role[k] == PatronRole.PARTNER) {
            for (int i = 0; i < n; i++) {
                yearUsd[(cell + i) * KINDS + MoneyKind.ENGAGEMENT.ordinal()] += usdNow[k][i];
                yearPoints[cell + i] += pointsNow[k][i];
            }
            Arrays.fill(pointsNow[k], 0.0);
            Arrays.fill(usdNow[k], 0.0);
        }
    }

    /** A partner buys {@code points} (before its scale) with state {@code i} for a yearly rate of US$ m. */
    private void buy(int k, int i, double points, double usdMillionsPerYear) {
        double added = points * patron[k].engagementScale();
        engagement[k][i] += added;
        pointsNow[k][i] += added;
        usdNow[k][i] += usdMillionsPerYear;
        double points2 = 0;
        for (int q = 0; q < patrons; q++) {
            if (role[q] == PatronRole.PARTNER && rocPatron[q] == roc[i] && patron[q].active()) {
                points2 += engagement[q][i];
            }
        }
        double updated = points2 == 0.0 ? 0.0 : Math.log(1.0 + points2);
        baseNet[i] -= weight[Term.ENGAGEMENT.ordinal()] * (updated - engagementValue[i]);
        engagementValue[i] = updated;
    }

    private void ballast(int k) {
        PatronSpec s = patron[k];
        if (!s.active() || s.budgetUsdMillionsPerYear() == 0) {
            return;
        }
        double total = 0;
        for (int i = 0; i < n; i++) {
            double w = 0;
            if (roc[i] == rocPatron[k] && aims[k][i]) {
                w = hazard(roc[i], netNow(i)) * Math.max(gdp[i], floor);
            }
            share[i] = w;
            total += w;
        }
        if (total <= 0) {
            return;
        }
        double budget = s.budgetUsdMillionsPerYear();
        double points = budget * rule.dtYears() / s.usdMillionsPerEngagementPoint();
        for (int i = 0; i < n; i++) {
            if (share[i] > 0) {
                buy(k, i, points * share[i] / total, budget * share[i] / total);
            }
        }
    }

    private void recogniser(int k) {
        PatronSpec s = patron[k];
        double budget = s.active() ? s.budgetUsdMillionsPerYear() : 0.0;
        double aidPool = budget * s.aidShare();
        double offerPool = budget - aidPool;
        for (int i = 0; i < n; i++) {
            boolean own = roc[i] == rocPatron[k];
            aidTarget[i] = own && aims[k][i];
            offerTarget[i] = !own && aims[k][i];
            if (!aims[k][i]) {
                if (own) {
                    aidUsd[i] = 0;
                    aidEffect[i] = 0;
                } else {
                    offerUsd[i] = 0;
                    offerEffect[i] = 0;
                }
            }
            net[i] = own ? baseNet[i] + offerElasticity[i] * offerEffect[i]
                    : baseNet[i] - aidElasticity[i] * aidEffect[i];
            base[i] = roc[i] ? rocDtRate : prcDtRate;
        }
        if (strategy[k] == CHEAPEST_FLIP) {
            greedy(offerTarget, offerPool, true);
            greedy(aidTarget, aidPool, false);
            return;
        }
        for (int i = 0; i < n; i++) {
            // An empty pool gives its targets 0 whatever their weights: their hazards are not needed.
            double pool = offerTarget[i] ? offerPool : aidTarget[i] ? aidPool : 0.0;
            double hazard = pool == 0.0 ? 0.0 : hazardOf(i, 0.0, offerTarget[i]);
            share[i] = strategy[k] == MOST_VALUABLE ? Math.max(gdp[i], floor)
                    : strategy[k] == DEFEND_AT_RISK ? hazard
                    : hazard * Math.max(gdp[i], floor); // value-for-money
        }
        proportional(offerTarget, offerPool, true);
        proportional(aidTarget, aidPool, false);
    }

    /** The hazard of state {@code i} with money effect {@code effect} of an offer, or of aid. */
    private double hazardOf(int i, double effect, boolean offer) {
        double x = offer ? net[i] + offerElasticity[i] * effect : net[i] - aidElasticity[i] * effect;
        return DecisionRule.hazard(1.0, base[i], x, 0.0); // = 1 - exp(-base * exp(x)), as the model's
    }

    private void proportional(boolean[] target, double pool, boolean offer) {
        double total = 0;
        for (int i = 0; i < n; i++) {
            if (target[i]) {
                total += share[i];
            }
        }
        for (int i = 0; i < n; i++) {
            if (target[i]) {
                double amount = total > 0 ? pool * share[i] / total : 0.0;
                if (offer) {
                    setOffer(i, amount);
                } else {
                    setAid(i, amount);
                }
            }
        }
    }

    /** Spends {@code pool} in equal chunks, each where it changes hazard most (ties: first state). */
    private void greedy(boolean[] target, double pool, boolean offer) {
        double chunk = pool / CHUNKS;
        Arrays.fill(chunks, 0);
        if (pool > 0) {
            for (int i = 0; i < n; i++) {
                for (int c = 0; c <= CHUNKS; c++) {
                    effects[i][c] = rule.moneyEffect(c * chunk, gdp[i]);
                }
                if (target[i]) {
                    current[i] = hazardOf(i, effects[i][0], offer);
                    next[i] = hazardOf(i, effects[i][1], offer);
                }
            }
            double sign = offer ? 1.0 : -1.0;
            for (int c = 0; c < CHUNKS; c++) {
                int best = -1;
                double bestGain = 0;
                for (int i = 0; i < n; i++) {
                    if (target[i] && (best < 0 || sign * (next[i] - current[i]) > bestGain)) {
                        best = i;
                        bestGain = sign * (next[i] - current[i]);
                    }
                }
                if (best < 0) {
                    break;
                }
                int given = ++chunks[best];
                current[best] = next[best];
                if (given < CHUNKS) {
                    next[best] = hazardOf(best, effects[best][given + 1], offer);
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (target[i]) {
                int c = pool > 0 ? chunks[i] : 0;
                double effect = c == 0 ? 0.0 : effects[i][c];
                if (offer) {
                    offerUsd[i] = c * chunk;
                    offerEffect[i] = effect;
                } else {
                    aidUsd[i] = c * chunk;
                    aidEffect[i] = effect;
                }
            }
        }
    }

    private void setOffer(int i, double amount) {
        offerUsd[i] = amount;
        offerEffect[i] = rule.moneyEffect(amount, gdp[i]);
    }

    private void setAid(int i, double amount) {
        aidUsd[i] = amount;
        aidEffect[i] = rule.moneyEffect(amount, gdp[i]);
    }

    /** State {@link #i} as the terms read it, from the loop's arrays. */
    private final class View implements StateView {
        private int i;

        @Override
        public CountrySpec spec() {
            return spec[i];
        }

        @Override
        public boolean onTaipeiSide() {
            return roc[i];
        }

        @Override
        public double stance() {
            return stance[i];
        }

        @Override
        public double shockFragility() {
            return 0.0; // shocks are scheduled events
        }

        @Override
        public double contagion(int t) {
            boolean rivalIsRoc = !roc[i];
            double sum = 0;
            int[] past = pastSwitchTick[i];
            for (int k = past.length - 1; k >= 0 && t - past[k] <= contagionWindow; k--) {
                if (pastSwitchToRoc[i][k] == rivalIsRoc) {
                    sum += linkWeight;
                }
            }
            if (latestSwitch == NEVER || t - latestSwitch > contagionWindow) {
                return sum;
            }
            for (int j : neighbours[i]) {
                boolean now = lastSwitch[j] == t;
                int when = now ? priorSwitch[j] : lastSwitch[j];
                boolean toRoc = now ? priorToRoc[j] : lastToRoc[j];
                if (when != NEVER && toRoc == rivalIsRoc && t - when <= contagionWindow) {
                    sum += linkWeight;
                }
            }
            return sum;
        }

        @Override
        public boolean isNewGovernment(int t) {
            return changeTick[i] != NEVER && t - changeTick[i] >= 0 && t - changeTick[i] < newGovernmentWindow;
        }

        @Override
        public double engagementValue() {
            return engagementValue[i];
        }

        @Override
        public double backing() {
            return backing[i];
        }

        @Override
        public double population() {
            return population[i];
        }

        @Override
        public double gdpUsdMillions() {
            return gdp[i];
        }

        @Override
        public double yearly(String column, double fallback) {
            double[] v = yearlyByYear.get(i).get(column);
            return v == null || Double.isNaN(v[cachedYear - firstYear]) ? fallback : v[cachedYear - firstYear];
        }

        @Override
        public boolean priorPrcTies() {
            return priorTies[i];
        }

        @Override
        public boolean taipeiDpp(int t) {
            return taipeiDpp[t];
        }

        @Override
        public boolean truce(int t) {
            return truce[t];
        }
    }

    // The record (RunRecord), valid until the next run.

    @Override
    public int ticks() {
        return ticks;
    }

    @Override
    public int rocAlliesAt(int tick) {
        return allies[tick];
    }

    @Override
    public double rocGdpShareAt(int tick) {
        return gdpShare[tick];
    }

    @Override
    public double rocPopulationShareAt(int tick) {
        return populationShare[tick];
    }

    @Override
    public int switchCount() {
        return switches;
    }

    @Override
    public int switchTick(int k) {
        return switchTick[check(k)];
    }

    @Override
    public int switchState(int k) {
        return switchState[check(k)];
    }

    @Override
    public Side switchTo(int k) {
        return switchToRoc[check(k)] ? Side.ROC : Side.PRC;
    }

    @Override
    public double switchHazard(int k) {
        return switchHazard[check(k)];
    }

    @Override
    public double switchTerm(int k, Term term) {
        return switchTerms[check(k) * TERMS.length + term.ordinal()];
    }

    private int check(int k) {
        if (k < 0 || k >= switches) {
            throw new IndexOutOfBoundsException("switch " + k + " of " + switches);
        }
        return k;
    }

    /** Returns the sum over the ticks of year {@code year} of what {@code patron} spent on {@code state} as {@code kind}, as {@link MoneyRecord#usdSumInYear}. */
    public double usdSumInYear(int year, int patron, int state, MoneyKind kind) {
        return yearUsd[((year * patrons + patron) * n + state) * KINDS + kind.ordinal()];
    }

    /** Returns the engagement points {@code patron} added with {@code state} in year {@code year}, as {@link MoneyRecord#pointsInYear}. */
    public double pointsInYear(int year, int patron, int state) {
        return yearPoints[(year * patrons + patron) * n + state];
    }
}
