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
 * {@link Schedule}. One schedule step is one tick, and each tick is one repeating schedule entry, a
 * {@link Sequence} of the tick's phases in this order: engagement ages and shocks end (from the
 * second tick on), the month's elections and scheduled events fire, the states are brought to the
 * tick and the patrons act in scenario order, states decide in scenario order, and the recorder
 * observes.
 *
 * <p>One entry per tick, not one per phase or per event: MASON shuffles entries of equal time and
 * ordering with the model's generator, which would fire a month's events in a random order and spend
 * draws doing it, and every entry costs a reschedule on the schedule's heap each tick. So the events
 * phase fires that tick's elections and events in the order {@link EventCalendar} gives (calendar
 * elections in state order, then the scenario's events in file order).
 *
 * <p>A model is built once and can run many replications: {@link #run(long)} reseeds, resets the
 * agents and reschedules them, so nothing is rebuilt per replication. It is not thread-safe: use one
 * model per thread.
 */
public final class RecognitionModel extends SimState {
    private static final long serialVersionUID = 1L;


    private final ModelParameters parameters;
    private DecisionRule rule;
    private final Country[] countries;
    private final Patron[] patrons;
    private final Map<String, Integer> countryIndex = new HashMap<>();
    private final Map<String, Patron> patronById = new HashMap<>();
    private final Network network = new Network(false);
    private final Sequence tickPhases;
    private final int[] yearOfTick;
    // Engagements dated before the start, as patron, state, points and age in months.
    private final Patron[] stockPatron;
    private final int[] stockState;
    private final double[] stockPoints;
    private final double[] stockAgeMonths;
    private final EventCalendar calendar;
    private final Steppable[] monthEvents;
    private final Recorder recorder;
    private final Strategies.Scratch scratch;
    private final Patron[] partners;
    private final Patron[] backers;
    private int lastSwitchTick;
    private int currentTick = -1;
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
            patrons[p] = new Patron(this, p, spec, countries.length, parameters.tickMonths());
            patronById.put(spec.id(), patrons[p]);
        }
        // The states' cached terms are brought up to this tick first, then the patrons act in order.
        Steppable[] turn = new Steppable[patrons.length + 1];
        turn[0] = state -> {
            int tick = tick();
            for (Country c : countries) {
                c.refresh(tick);
            }
        };
        System.arraycopy(patrons, 0, turn, 1, patrons.length);
        // The stock at the start already holds the decay up to the start, so ageing begins at tick 1.
        Steppable ageing = state -> {
            // Schedule.getTime() is synchronized: read it once per tick.
            currentTick = (int) schedule.getTime();
            if (currentTick > 0) {
                for (Patron p : patrons) {
                    p.decayEngagement();
                }
                endShocks();
            }
        };
        this.calendar = new EventCalendar(parameters, countryIndex, (i, t) -> countries[i].electsAt(t));
        this.monthEvents = new Steppable[parameters.ticks()];
        for (int t = 0; t < monthEvents.length; t++) {
            EventCalendar.Entry[] entries = calendar.entries(t);
            if (entries.length > 0) {
                monthEvents[t] = state -> fire(entries);
            }
        }
        Steppable events = state -> {
            Steppable e = monthEvents[tick()];
            if (e != null) {
                e.step(state);
            }
        };
        this.yearOfTick = new int[parameters.ticks()];
        for (int t = 0; t < yearOfTick.length; t++) {
            yearOfTick[t] = parameters.monthOf(t).getYear();
        }
        List<ScheduledEvent.Engagement> before = calendar.beforeStart();
        this.stockPatron = new Patron[before.size()];
        this.stockState = new int[before.size()];
        this.stockPoints = new double[before.size()];
        this.stockAgeMonths = new double[before.size()];
        for (int k = 0; k < before.size(); k++) {
            ScheduledEvent.Engagement en = before.get(k);
            stockPatron[k] = patronById.get(en.patron());
            stockState[k] = countryIndex.get(en.country());
            stockPoints[k] = en.points();
            stockAgeMonths[k] = ChronoUnit.MONTHS.between(en.month(), parameters.start());
        }
        this.partners = java.util.Arrays.stream(patrons).filter(p -> p.spec().role() == PatronRole.PARTNER)
                .toArray(Patron[]::new);
        this.backers = java.util.Arrays.stream(patrons).filter(p -> p.spec().role() == PatronRole.BACKER)
                .toArray(Patron[]::new);
        this.recorder = new Recorder(this, parameters.ticks());
        this.scratch = new Strategies.Scratch(countries.length);
        this.tickPhases = new Sequence(new Steppable[] {ageing, events, new Sequence(turn), new Sequence(countries),
            recorder});
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
        replicate(seed, true);
        return keep();
    }

    /**
     * Returns a kept copy of the record of the replication run last (what {@link #run(long)} returns).
     * After {@link #simulate(long)} its money holds the yearly sums only ({@link MoneyRecord#hasMonths()}).
     */
    public RunResult keep() {
        return recorder.result(replicationSeed);
    }

    /**
     * Runs one replication with {@code seed}, like {@link #run(long)}, and returns the model's own
     * record of it without copying: it is valid until this model runs again. Its money is summed by
     * calendar year only, which is what a batch keeps: writing every month's money of every patron and
     * state would cost a batch a few per cent of its time for a table only {@code run} writes.
     */
    public RunRecord simulate(long seed) {
        return replicate(seed, false);
    }

    private RunRecord replicate(long seed, boolean monthlyMoney) {
        recorder.recordMonths(monthlyMoney);
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
        currentTick = (int) schedule.getTime();
        schedule.scheduleRepeating(Schedule.EPOCH, 0, tickPhases, 1.0);
        for (int k = 0; k < stockPatron.length; k++) {
            stockPatron[k].engage(stockState[k], stockPoints[k], stockAgeMonths[k]);
        }
    }

    /** Fires one tick's elections and events, in the order {@link EventCalendar} gives. */
    private void fire(EventCalendar.Entry[] entries) {
        int tick = tick();
        for (EventCalendar.Entry entry : entries) {
            if (entry instanceof EventCalendar.CalendarElection ce) {
                // The calendar's uniform is drawn whether the election is drawn or decided by an event.
                boolean drawn = random.nextDouble() < countries[ce.state()].spec().governmentChangeProbability();
                Boolean forced = ce.decidedBy() == null ? null : ce.decidedBy().forcedChange();
                int flags = ce.decidedBy() == null ? Recorder.CALENDAR : 0;
                if ((forced != null ? forced : drawn) && ce.decidedBy() != null && ce.decidedBy().stance() != null) {
                    countries[ce.state()].setOppositionStance(ce.decidedBy().stance());
                }
                elect(tick, ce.state(), forced != null ? forced : drawn, forced != null, flags, tick);
            } else if (entry instanceof EventCalendar.ReplacedElection re) {
                random.nextDouble(); // kept in step with a run where this election is held in its month
            } else {
                EventCalendar.Fired f = (EventCalendar.Fired) entry;
                fire(tick, f.event(), f.replacesTick());
            }
        }
    }

    private void fire(int tick, ScheduledEvent e, int replacesTick) {
        if (e instanceof ScheduledEvent.Election el) {
            int i = countryIndex.get(el.country());
            // A forced outcome needs no draw; a drawn one draws its own uniform.
            boolean change = el.forcedChange() != null ? el.forcedChange()
                    : random.nextDouble() < countries[i].spec().governmentChangeProbability();
            if (change && el.stance() != null) {
                countries[i].setOppositionStance(el.stance()); // the government the change brings in
            }
            elect(tick, i, change, el.forcedChange() != null, el.extra() ? Recorder.EXTRA : 0, replacesTick);
        } else if (e instanceof ScheduledEvent.Engagement en) {
            Patron p = patronById.get(en.patron());
            int i = countryIndex.get(en.country());
            double before = p.engagement(i);
            p.engage(i, en.points(), 0.0);
            recorder.log(tick, Recorder.ENGAGEMENT, i, p.index(), p.engagement(i) - before, 0, 0, en);
        } else if (e instanceof ScheduledEvent.PatronChange pc) {
            Patron p = patronById.get(pc.patron());
            p.change(pc);
            recorder.log(tick, Recorder.PATRON, -1, p.index(), 0, 0, 0, pc);
        } else if (e instanceof ScheduledEvent.Shock s) {
            int i = countryIndex.get(s.country());
            countries[i].addShock(s.fragilityIncrease());
            recorder.log(tick, Recorder.SHOCK_START, i, -1, s.fragilityIncrease(), 0, 0, null);
        }
    }

    /** Holds state {@code i}'s election with its outcome decided, and logs it. */
    private void elect(int tick, int i, boolean change, boolean forced, int flags, int replacesTick) {
        Country c = countries[i];
        c.holdElection(tick, change);
        recorder.log(tick, Recorder.ELECTION, i, -1, c.stance(),
                flags | (change ? Recorder.CHANGE : 0) | (forced ? Recorder.FORCED : 0), replacesTick, null);
    }

    private void endShocks() {
        int tick = tick();
        for (EventCalendar.ShockEnd end : calendar.shockEnds(tick)) {
            countries[end.state()].endShock(end.fragilityIncrease());
            recorder.log(tick, Recorder.SHOCK_END, end.state(), -1, end.fragilityIncrease(), 0, 0, null);
        }
    }

    /**
     * Logs a change of government of state {@code i} that no election brought: one from the record
     * ({@code recorded}) or a random one of a state without an election calendar.
     */
    void governmentChanged(int i, int tick, boolean recorded) {
        recorder.log(tick, Recorder.GOVERNMENT, i, -1, countries[i].stance(), recorded ? Recorder.RECORDED : 0, 0,
                null);
    }

    /** Records what {@code patron} spent this tick (see {@link Recorder#money}). */
    void recordMoney(Patron patron, double[] points, double[] usd) {
        recorder.money(tick(), patron, points, usd);
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

    /** Returns the calendar year of tick {@code tick}. */
    int year(int tick) {
        return yearOfTick[tick];
    }

    /** Returns the current tick (0 = first simulated month). */
    public int tick() {
        return currentTick;
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
            if (p.side() == side && p.active()) {
                sum += p.engagement(i);
            }
        }
        return sum;
    }

    /**
     * Returns the summed backing level of the active backers of {@code side} that aim at state
     * {@code state} (backers act only through events, so this is constant within a tick).
     */
    double backing(int state, Side side) {
        double sum = 0;
        for (Patron p : backers) {
            if (p.side() == side && p.active() && p.aims(state)) {
                sum += p.backing();
            }
        }
        return sum;
    }

    /** Returns the tick of the latest switch in this replication, or {@code Integer.MIN_VALUE} if none. */
    int lastSwitchTick() {
        return lastSwitchTick;
    }

    Strategies.Scratch scratch() {
        return scratch;
    }
}
