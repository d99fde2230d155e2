package ballast.model;

import ec.util.MersenneTwisterFast;
import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import sim.engine.Schedule;
import sim.engine.Sequence;
import sim.engine.SimState;
import sim.engine.Steppable;
import sim.field.network.Edge;
import sim.field.network.Network;
import sim.util.Bag;

/**
 * The world of one scenario: states, patrons and their contagion network, driven by MASON's
 * {@link Schedule}. One schedule step is one tick. Within a tick the orderings are: engagement
 * ages ({@link #ORDER_AGEING}), scheduled events fire ({@link #ORDER_EVENTS}), patrons act in
 * scenario order ({@link #ORDER_PATRONS}), states decide in scenario order
 * ({@link #ORDER_COUNTRIES}), and the recorder observes ({@link #ORDER_RECORDER}).
 *
 * <p>A model is built once and can run many replications: {@link #run(long)} reseeds, resets the
 * agents and reschedules them, so nothing is rebuilt per replication. It is not thread-safe: use one
 * model per thread.
 */
public final class RecognitionModel extends SimState {
    private static final long serialVersionUID = 1L;

    public static final int ORDER_AGEING = 0;
    public static final int ORDER_EVENTS = 1;
    public static final int ORDER_PATRONS = 2;
    public static final int ORDER_COUNTRIES = 3;
    public static final int ORDER_RECORDER = 4;

    private final ModelParameters parameters;
    private DecisionRule rule;
    private final Country[] countries;
    private final Patron[] patrons;
    private final Map<String, Integer> countryIndex = new HashMap<>();
    private final Map<String, Patron> patronById = new HashMap<>();
    private final Network network = new Network(false);
    private final Sequence patronTurn;
    private final Sequence countryTurn;
    private final Steppable ageing;
    private final Recorder recorder;
    private final Strategies.Scratch scratch;
    private final Patron[] partners;
    private final double[] backingBySide = new double[Side.values().length];
    private int lastSwitchTick;
    private final int[] initialGovernmentChangeTick;
    private final boolean[] taipeiDpp;
    private final boolean[] truce;
    private long replicationSeed;
    private Replay replay;

    /** Builds the world of {@code parameters}; nothing runs until {@link #run(long)}. */
    public RecognitionModel(ModelParameters parameters) {
        super(new MersenneTwisterFast(0));
        this.parameters = parameters;
        this.rule = new DecisionRule(parameters.rule(), parameters.tickMonths());
        List<CountrySpec> specs = parameters.countries();
        this.countries = new Country[specs.size()];
        this.initialGovernmentChangeTick = new int[specs.size()];
        for (int i = 0; i < countries.length; i++) {
            CountrySpec spec = specs.get(i);
            countries[i] = new Country(this, i, spec);
            countryIndex.put(spec.code(), i);
            network.addNode(countries[i]);
            YearMonth last = spec.lastGovernmentChange();
            initialGovernmentChangeTick[i] = last != null && !last.isAfter(parameters.start())
                    ? parameters.tickOf(last) : Country.NEVER;
        }
        linkRegions();
        this.taipeiDpp = new boolean[parameters.ticks()];
        this.truce = new boolean[parameters.ticks()];
        for (int t = 0; t < taipeiDpp.length; t++) {
            Setting.TaipeiGovernment g = parameters.setting().taipeiIn(parameters.monthOf(t));
            taipeiDpp[t] = g != null && g.dpp();
            truce[t] = g != null && g.truce();
        }
        this.patrons = new Patron[parameters.patrons().size()];
        for (int p = 0; p < patrons.length; p++) {
            PatronSpec spec = parameters.patrons().get(p);
            patrons[p] = new Patron(this, spec, countries.length, parameters.tickMonths());
            patronById.put(spec.id(), patrons[p]);
        }
        // The states' cached terms are brought up to this tick first, then the patrons act in order.
        Steppable[] turn = new Steppable[patrons.length + 1];
        turn[0] = state -> {
            int tick = tick();
            for (Side side : Side.values()) {
                backingBySide[side.ordinal()] = sumBacking(side);
            }
            for (Country c : countries) {
                c.refresh(tick);
            }
        };
        System.arraycopy(patrons, 0, turn, 1, patrons.length);
        this.patronTurn = new Sequence(turn);
        this.countryTurn = new Sequence(countries);
        this.ageing = state -> {
            for (Patron p : patrons) {
                p.decayEngagement();
            }
        };
        this.partners = java.util.Arrays.stream(patrons).filter(p -> p.spec().role() == PatronRole.PARTNER)
                .toArray(Patron[]::new);
        this.recorder = new Recorder(this, parameters.ticks());
        this.scratch = new Strategies.Scratch(countries.length);
    }

    /** Links every two states of one region with the scenario's same-region weight. */
    private void linkRegions() {
        double weight = parameters.rule().sameRegionLinkWeight();
        if (weight > 0) {
            for (int i = 0; i < countries.length; i++) {
                for (int j = i + 1; j < countries.length; j++) {
                    if (countries[i].spec().region().equals(countries[j].spec().region())) {
                        network.addEdge(countries[i], countries[j], weight);
                    }
                }
            }
        }
        // Read each state's links once; the hot path then walks plain arrays.
        for (Country c : countries) {
            Bag edges = network.getEdges(c, null);
            int[] neighbours = new int[edges.numObjs];
            double[] weights = new double[edges.numObjs];
            for (int k = 0; k < edges.numObjs; k++) {
                Edge e = (Edge) edges.objs[k];
                neighbours[k] = ((Country) e.getOtherNode(c)).index();
                weights[k] = e.getWeight();
            }
            c.setNeighbours(neighbours, weights);
        }
        // Recorded switches of the sub-region before the start (by members and by states no longer allied).
        for (Country c : countries) {
            java.util.List<Setting.PastSwitch> past = parameters.setting().pastSwitches().stream()
                    .filter(s -> s.region().equals(c.spec().region()) && !s.code().equals(c.spec().code())
                            && s.month().isBefore(parameters.start()))
                    .toList();
            c.setPastSwitches(past.stream().mapToInt(s -> parameters.tickOf(s.month())).toArray(),
                    past.stream().map(Setting.PastSwitch::to).toArray(Side[]::new), weight);
        }
    }

    /**
     * Runs one replication with {@code seed} and returns what it recorded. The generator is seeded
     * with all 64 bits: MASON's {@code setSeed(long)} keeps only the low 32, which would make two of
     * 100,000 derived seeds collide more often than not.
     */
    public RunResult run(long seed) {
        simulate(seed);
        return keep();
    }

    /** Returns a kept copy of the record of the replication run last (what {@link #run(long)} returns). */
    public RunResult keep() {
        return recorder.result(replicationSeed);
    }

    /**
     * Runs one replication with {@code seed}, like {@link #run(long)}, and returns the model's own
     * record of it without copying: it is valid until this model runs again.
     */
    public RunRecord simulate(long seed) {
        this.replicationSeed = seed;
        if (parameters.draws() != null && replay == null) {
            // This replication's own draw of the calibrated parameters.
            rule = new DecisionRule(parameters.draws().draw(parameters.rule(), seed), parameters.tickMonths());
        }
        random.setSeed(new int[] {(int) (seed >>> 32), (int) seed});
        start();
        int ticks = parameters.ticks();
        for (int t = 0; t < ticks; t++) {
            schedule.step(this);
        }
        finish();
        return recorder;
    }

    @Override
    public void start() {
        super.start();
        for (int i = 0; i < countries.length; i++) {
            countries[i].reset(initialGovernmentChangeTick[i]);
        }
        for (Patron p : patrons) {
            p.reset();
        }
        recorder.reset();
        lastSwitchTick = Country.NEVER;
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_PATRONS, patronTurn, 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_COUNTRIES, countryTurn, 1.0);
        schedule.scheduleRepeating(Schedule.EPOCH, ORDER_RECORDER, recorder, 1.0);
        // The stock at the start already holds the decay up to the start, so ageing begins at tick 1.
        schedule.scheduleRepeating(1.0, ORDER_AGEING, ageing, 1.0);
        scheduleElectionCalendars();
        scheduleEvents();
    }

    private void scheduleElectionCalendars() {
        int ticks = parameters.ticks();
        for (Country c : countries) {
            CountrySpec spec = c.spec();
            if (spec.nextElection() == null) {
                continue;
            }
            int termTicks = spec.termMonths() / parameters.tickMonths();
            int first = parameters.tickOf(spec.nextElection());
            while (first < 0 && termTicks > 0) {
                first += termTicks;
            }
            // Elections the record of government changes covers happened as recorded: skip them.
            while (first >= 0 && first < ticks && !c.electsAt(first) && termTicks > 0) {
                first += termTicks;
            }
            if (first >= 0 && first < ticks && c.electsAt(first)) {
                schedule.scheduleOnce(first, ORDER_EVENTS, new CalendarElection(c, termTicks));
            }
        }
    }

    /** A state's scheduled election; it books the next one a term later. */
    private final class CalendarElection implements Steppable {
        private static final long serialVersionUID = 1L;
        private final Country country;
        private final int termTicks;

        CalendarElection(Country country, int termTicks) {
            this.country = country;
            this.termTicks = termTicks;
        }

        @Override
        public void step(SimState state) {
            int tick = tick();
            country.holdElection(tick, null);
            if (termTicks > 0 && tick + termTicks < parameters.ticks()) {
                schedule.scheduleOnce(tick + termTicks, ORDER_EVENTS, this);
            }
        }
    }

    private void scheduleEvents() {
        for (ScheduledEvent e : parameters.events()) {
            int tick = parameters.tickOf(e.month());
            if (e instanceof ScheduledEvent.Engagement en && tick < 0) {
                double age = ChronoUnit.MONTHS.between(e.month(), parameters.start());
                patronById.get(en.patron()).engage(countryIndex.get(en.country()), en.points(), age);
            } else if (tick >= 0 && tick < parameters.ticks()) {
                schedule.scheduleOnce(tick, ORDER_EVENTS, state -> fire(e));
            }
        }
    }

    private void fire(ScheduledEvent e) {
        int tick = tick();
        if (e instanceof ScheduledEvent.Election el) {
            country(el.country()).holdElection(tick, el.forcedChange());
        } else if (e instanceof ScheduledEvent.Engagement en) {
            patronById.get(en.patron()).engage(countryIndex.get(en.country()), en.points(), 0.0);
        } else if (e instanceof ScheduledEvent.PatronChange pc) {
            patronById.get(pc.patron()).change(pc);
        } else if (e instanceof ScheduledEvent.Shock s) {
            Country c = country(s.country());
            c.addShock(s.fragilityIncrease());
            int ticks = (s.durationMonths() + parameters.tickMonths() - 1) / parameters.tickMonths();
            schedule.scheduleOnce(tick + ticks, ORDER_AGEING, state -> c.endShock(s.fragilityIncrease()));
        }
    }

    void recordSwitch(Country c, int tick, Side to, double hazard, double[] terms) {
        lastSwitchTick = tick;
        recorder.add(tick, c.index(), to, hazard, terms);
    }

    /**
     * Replays the record instead of drawing: each state's hazard is computed as in a run, but whether
     * it switches, and its side after each tick, come from {@code record}, which scores the hazards
     * (the likelihood of the record under the model). Nothing is drawn for switches; the run is
     * otherwise the same (patrons act on the recorded sides).
     */
    public void replay(Replay record) {
        this.replay = record;
        try {
            simulate(0L);
        } finally {
            this.replay = null;
        }
    }

    /** What a replay needs from the record, and what it scores. */
    public interface Replay {
        /**
         * Receives the hazard of state {@code state} (on {@code side} before the tick) in {@code tick};
         * returns whether the record has it switch in that tick.
         */
        boolean observe(int state, int tick, Side side, double hazard);

        /** Returns the side the record has state {@code state} on at the end of {@code tick}. */
        Side sideAfter(int state, int tick);

        /** Returns whether {@link #values} wants each term's value for every state and tick. */
        default boolean wantsValues() {
            return false;
        }

        /**
         * Receives the value of every term before its weight (indexed by {@link Term#ordinal()}) for
         * state {@code state} on {@code side} in {@code tick}, before {@link #observe} (a shared array).
         */
        default void values(int state, int tick, Side side, double[] values) {
        }
    }

    Replay replay() {
        return replay;
    }

    /**
     * Replaces the decision rule for the replications run from now on (the parameters of a
     * calibration drawn per replication); the states' and patrons' other data stay.
     */
    public void useRule(RuleParameters newRule) {
        this.rule = new DecisionRule(newRule, parameters.tickMonths());
    }

    boolean taipeiDpp(int tick) {
        return taipeiDpp[tick];
    }

    boolean truce(int tick) {
        return truce[tick];
    }

    /** Returns the current tick (0 = first simulated month). */
    public int tick() {
        return (int) schedule.getTime();
    }

    /** Returns the seed of the replication being run or last run. */
    public long replicationSeed() {
        return replicationSeed;
    }

    /** Returns the world's parameters. */
    public ModelParameters parameters() {
        return parameters;
    }

    /** Returns the decision rule. */
    public DecisionRule rule() {
        return rule;
    }

    /** Returns the contagion network (nodes are {@link Country} agents, edge info the link weight). */
    public Network network() {
        return network;
    }

    /** Returns the number of states. */
    public int countryCount() {
        return countries.length;
    }

    /** Returns state {@code i} in scenario order. */
    public Country country(int i) {
        return countries[i];
    }

    /** Returns the state with ISO3 code {@code code}. */
    public Country country(String code) {
        Integer i = countryIndex.get(code);
        if (i == null) {
            throw new IllegalArgumentException("no state " + code + " in this scenario");
        }
        return countries[i];
    }

    /** Returns the patron with scenario key {@code id}. */
    public Patron patron(String id) {
        Patron p = patronById.get(id);
        if (p == null) {
            throw new IllegalArgumentException("no patron " + id + " in this scenario");
        }
        return p;
    }

    /** Returns the patrons in the order they act. */
    public List<Patron> patrons() {
        return List.of(patrons);
    }

    /** Returns the summed engagement points with state {@code i} of the active partners of {@code side}. */
    double engagementPoints(int i, Side side) {
        double sum = 0;
        for (Patron p : partners) {
            if (p.spec().side() == side && p.active()) {
                sum += p.engagement(i);
            }
        }
        return sum;
    }

    /** Returns the backers' summed backing level for {@code side} as of the start of this tick's patron turn. */
    double backing(Side side) {
        return backingBySide[side.ordinal()];
    }

    /** Returns the tick of the latest switch in this replication, or {@code Integer.MIN_VALUE} if none. */
    int lastSwitchTick() {
        return lastSwitchTick;
    }

    private double sumBacking(Side side) {
        double sum = 0;
        for (Patron p : patrons) {
            if (p.spec().role() == PatronRole.BACKER && p.spec().side() == side && p.active()) {
                sum += p.backing();
            }
        }
        return sum;
    }

    Strategies.Scratch scratch() {
        return scratch;
    }
}
