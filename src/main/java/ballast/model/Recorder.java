package ballast.model;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;

/**
 * Observes the world at the end of each tick and keeps every switch, in primitive arrays sized once
 * per model: a batch reads a replication's record through {@link RunRecord} without a copy or an
 * allocation per replication, which is what lets it scale with threads.
 */
final class Recorder implements Steppable, RunRecord {
    private static final long serialVersionUID = 1L;
    private static final int TERMS = Term.count();

    private final RecognitionModel model;
    private final int[] rocAllies;
    private final double[] gdpShare;
    private final double[] populationShare;
    private int switchCount;
    private int[] switchTick = new int[16];
    private int[] switchState = new int[16];
    private Side[] switchTo = new Side[16];
    private double[] switchHazard = new double[16];
    private double[] switchTerms = new double[16 * TERMS];

    Recorder(RecognitionModel model, int ticks) {
        this.model = model;
        this.rocAllies = new int[ticks];
        this.gdpShare = new double[ticks];
        this.populationShare = new double[ticks];
    }

    void reset() {
        switchCount = 0;
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
            switches.add(new SwitchEvent(switchTick[k], p.monthOf(switchTick[k]),
                    p.countries().get(switchState[k]).code(), to.other(), to, switchHazard[k], terms));
        }
        return new RunResult(p, seed, rocAllies, gdpShare, populationShare, atEnd, switches);
    }
}
