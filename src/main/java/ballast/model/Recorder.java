package ballast.model;

import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Observes the world at the end of each tick and keeps every switch, the money patrons spent
 * ({@link MoneyRecord}) and the log of events, in primitive arrays sized once per model: a batch
 * reads a replication's record through {@link RunRecord} without a copy or an allocation per
 * replication, which is what lets it scale with threads.
 */
final class Recorder implements Steppable, RunRecord {
    private static final long serialVersionUID = 1L;
    private static final int TERMS = Term.count();

    // Kinds of logged event.
    static final int ELECTION = 0;
    static final int ENGAGEMENT = 1;
    static final int PATRON = 2;
    static final int SHOCK_START = 3;
    static final int SHOCK_END = 4;
    static final int GOVERNMENT = 5;
    // Flags of a logged election.
    static final int CHANGE = 1;
    static final int FORCED = 2;
    static final int CALENDAR = 4;
    static final int EXTRA = 8;
    static final int RECORDED = 16;

    private final RecognitionModel model;
    private final int[] rocAllies;
    private final double[] gdpShare;
    private final double[] populationShare;
    private final MoneyRecord money;
    private int switchCount;
    private int[] switchTick = new int[16];
    private int[] switchState = new int[16];
    private Side[] switchTo = new Side[16];
    private double[] switchHazard = new double[16];
    private double[] switchTerms = new double[16 * TERMS];
    private int logCount;
    private int[] logTick = new int[32];
    private int[] logKind = new int[32];
    private int[] logState = new int[32];
    private int[] logPatron = new int[32];
    private int[] logFlags = new int[32];
    private int[] logAux = new int[32];
    private double[] logValue = new double[32];
    private Object[] logRef = new Object[32];

    Recorder(RecognitionModel model, int ticks) {
        this.model = model;
        this.rocAllies = new int[ticks];
        this.gdpShare = new double[ticks];
        this.populationShare = new double[ticks];
        this.money = new MoneyRecord(model.parameters());
    }

    void reset() {
        switchCount = 0;
        logCount = 0;
        Arrays.fill(logRef, null);
        money.reset();
    }

    /** Whether the next replications record each month's money, or only the yearly sums. */
    void recordMonths(boolean months) {
        money.recordMonths(months);
    }

    void add(int tick, int state, Side to, double hazard, double[] terms) {
        if (switchCount == switchTick.length) {
            int n = 2 * switchCount;
            switchTick = Arrays.copyOf(switchTick, n);
            switchState = Arrays.copyOf(switchState, n);
            switchTo = Arrays.copyOf(switchTo, n);
            switchHazard = Arrays.copyOf(switchHazard, n);
            switchTerms = Arrays.copyOf(switchTerms, n * TERMS);
        }
        int k = switchCount++;
        switchTick[k] = tick;
        switchState[k] = state;
        switchTo[k] = to;
        switchHazard[k] = hazard;
        System.arraycopy(terms, 0, switchTerms, k * TERMS, TERMS);
    }

    /**
     * Records what {@code patron} spent this tick: a recogniser's offer or aid as the states now hold
     * it (the strategy and the earmarks have just set it), a partner's flows.
     */
    void money(int tick, Patron patron, double[] points, double[] usd) {
        int p = patron.index();
        PatronRole role = patron.spec().role();
        if (role == PatronRole.RECOGNISER) {
            Side side = patron.spec().side();
            for (int i = 0; i < model.countryCount(); i++) {
                Country c = model.country(i);
                boolean aid = c.side() == side;
                money.recogniser(tick, p, i, aid, aid ? c.aidUsdMillions() : c.offerUsdMillions());
            }
        } else if (role == PatronRole.PARTNER) {
            for (int i = 0; i < usd.length; i++) {
                money.partner(tick, p, i, usd[i], points[i]);
            }
        }
    }

    /** Logs an event of {@code kind}; {@code state} and {@code patron} are -1 when none is concerned. */
    void log(int tick, int kind, int state, int patron, double value, int flags, int aux, Object ref) {
        if (logCount == logTick.length) {
            int n = 2 * logCount;
            logTick = Arrays.copyOf(logTick, n);
            logKind = Arrays.copyOf(logKind, n);
            logState = Arrays.copyOf(logState, n);
            logPatron = Arrays.copyOf(logPatron, n);
            logFlags = Arrays.copyOf(logFlags, n);
            logAux = Arrays.copyOf(logAux, n);
            logValue = Arrays.copyOf(logValue, n);
            logRef = Arrays.copyOf(logRef, n);
        }
        int k = logCount++;
        logTick[k] = tick;
        logKind[k] = kind;
        logState[k] = state;
        logPatron[k] = patron;
        logValue[k] = value;
        logFlags[k] = flags;
        logAux[k] = aux;
        logRef[k] = ref;
    }

    @Override
    public void step(SimState state) {
        int tick = model.tick();
        int allies = 0;
        double gdp = 0;
        double population = 0;
        double totalGdp = 0;
        double totalPopulation = 0;
        // Shares of the states' GDP and population of this year (the year before's figures, as the model knows them).
        for (int i = 0; i < model.countryCount(); i++) {
            Country c = model.country(i);
            totalGdp += c.gdpUsdMillions();
            totalPopulation += c.population();
            if (c.side() == Side.ROC) {
                allies++;
                gdp += c.gdpUsdMillions();
                population += c.population();
            }
        }
        rocAllies[tick] = allies;
        gdpShare[tick] = totalGdp > 0 ? gdp / totalGdp : 0.0;
        populationShare[tick] = totalPopulation > 0 ? population / totalPopulation : 0.0;
    }

    @Override
    public int ticks() {
        return rocAllies.length;
    }

    @Override
    public int rocAlliesAt(int tick) {
        return rocAllies[tick];
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
        return switchCount;
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
        return switchTo[check(k)];
    }

    @Override
    public double switchHazard(int k) {
        return switchHazard[check(k)];
    }

    @Override
    public double switchTerm(int k, Term term) {
        return switchTerms[check(k) * TERMS + term.ordinal()];
    }

    @Override
    public MoneyRecord money() {
        return money;
    }

    private int check(int k) {
        if (k < 0 || k >= switchCount) {
            throw new IndexOutOfBoundsException("switch " + k + " of " + switchCount);
        }
        return k;
    }

    /** Returns a kept copy of this record. */
    RunResult result(long seed) {
        ModelParameters p = model.parameters();
        boolean[] atEnd = new boolean[model.countryCount()];
        for (int i = 0; i < atEnd.length; i++) {
            atEnd[i] = model.country(i).side() == Side.ROC;
        }
        List<SwitchEvent> switches = new ArrayList<>(switchCount);
        for (int k = 0; k < switchCount; k++) {
            double[] terms = Arrays.copyOfRange(switchTerms, k * TERMS, (k + 1) * TERMS);
            Side to = switchTo[k];
            // A switch is known by the end of its tick: the month its tick's row is labelled with.
            switches.add(new SwitchEvent(switchTick[k], p.lastMonthOf(switchTick[k]),
                    p.countries().get(switchState[k]).code(), to.other(), to, switchHazard[k], terms));
        }
        return new RunResult(p, seed, rocAllies, gdpShare, populationShare, atEnd, switches, money.copy(),
                events(p, switches));
    }

    /** The event log: each tick's logged events in the order they happened, then its switches. */
    private List<RunEvent> events(ModelParameters p, List<SwitchEvent> switches) {
        List<RunEvent> events = new ArrayList<>(logCount + switchCount);
        int s = 0;
        for (int k = 0; k <= logCount; k++) {
            int tick = k < logCount ? logTick[k] : Integer.MAX_VALUE;
            for (; s < switches.size() && switches.get(s).tick() < tick; s++) {
                SwitchEvent e = switches.get(s);
                events.add(new RunEvent(e.tick(), e.month(), "switch", e.country(), "", "to_" + e.to().code(),
                        e.hazard(), ""));
            }
            if (k < logCount) {
                logged(p, k, events);
            }
        }
        return events;
    }

    private void logged(ModelParameters p, int k, List<RunEvent> out) {
        int tick = logTick[k];
        YearMonth month = p.monthOf(tick);
        String country = logState[k] < 0 ? "" : p.countries().get(logState[k]).code();
        String patron = logPatron[k] < 0 ? "" : p.patrons().get(logPatron[k]).id();
        switch (logKind[k]) {
            case ELECTION -> out.add(new RunEvent(tick, month, "election", country, patron,
                    (logFlags[k] & CHANGE) != 0 ? "change" : "no_change", logValue[k], electionNote(p, k)));
            case ENGAGEMENT -> out.add(new RunEvent(tick, month, "engagement", country, patron,
                    ((ScheduledEvent.Engagement) logRef[k]).kind(), logValue[k], ""));
            case SHOCK_START -> out.add(new RunEvent(tick, month, "shock", country, patron, "start", logValue[k], ""));
            case SHOCK_END -> out.add(new RunEvent(tick, month, "shock", country, patron, "end", logValue[k], ""));
            case GOVERNMENT -> out.add(new RunEvent(tick, month, "government_change", country, patron,
                    (logFlags[k] & RECORDED) != 0 ? "recorded" : "random", logValue[k],
                    (logFlags[k] & RECORDED) != 0 ? "the record of government changes"
                            : "a state without an election calendar, at its yearly rate"));
            default -> patronChange(tick, month, patron, (ScheduledEvent.PatronChange) logRef[k], out);
        }
    }

    private String electionNote(ModelParameters p, int k) {
        int flags = logFlags[k];
        int replaced = logAux[k];
        String how = (flags & FORCED) != 0 ? "forced" : "drawn";
        if ((flags & CALENDAR) != 0) {
            return "calendar election, " + how;
        }
        if ((flags & EXTRA) != 0) {
            return "scenario event, " + how + "; extra election (extra: true)";
        }
        if (replaced < 0) {
            return "scenario event, " + how + "; extra election (no calendar election within half a term)";
        }
        String month = p.monthOf(replaced).toString();
        return "scenario event, " + how + "; replaces the calendar election of " + month
                + (replaced >= p.ticks() ? " (after the horizon)" : "");
    }

    private static void patronChange(int tick, YearMonth month, String patron, ScheduledEvent.PatronChange c,
            List<RunEvent> out) {
        if (c.budgetUsdMillionsPerYear() != null) {
            out.add(new RunEvent(tick, month, "patron", "", patron, "budgetUsdMillionsPerYear",
                    c.budgetUsdMillionsPerYear(), ""));
        }
        if (c.engagementScale() != null) {
            out.add(new RunEvent(tick, month, "patron", "", patron, "engagementScale", c.engagementScale(), ""));
        }
        if (c.backing() != null) {
            out.add(new RunEvent(tick, month, "patron", "", patron, "backing", c.backing(), ""));
        }
        if (c.active() != null) {
            out.add(new RunEvent(tick, month, "patron", "", patron, "active", c.active() ? 1 : 0, ""));
        }
        if (c.targets() != null) {
            out.add(new RunEvent(tick, month, "patron", "", patron, "targets", Double.NaN, c.targets().toString()));
        }
        for (Map.Entry<String, Double> e : c.earmarks().entrySet()) {
            out.add(new RunEvent(tick, month, "patron", e.getKey(), patron, "earmarkUsdMillionsPerYear", e.getValue(),
                    ""));
        }
    }
}
