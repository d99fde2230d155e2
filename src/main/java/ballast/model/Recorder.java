package ballast.model;

import java.util.ArrayList;
import java.util.List;
import sim.engine.SimState;
import sim.engine.Steppable;

/** Observes the world at the end of each tick, into arrays sized once per replication. */
final class Recorder implements Steppable {
    private static final long serialVersionUID = 1L;

    private final RecognitionModel model;
    private final int[] rocAllies;
    private final double[] gdpShare;
    private final double[] populationShare;
    private final double totalGdp;
    private final double totalPopulation;
    private final List<SwitchEvent> switches = new ArrayList<>();

    Recorder(RecognitionModel model, int ticks, double totalGdp, double totalPopulation) {
        this.model = model;
        this.rocAllies = new int[ticks];
        this.gdpShare = new double[ticks];
        this.populationShare = new double[ticks];
        this.totalGdp = totalGdp;
        this.totalPopulation = totalPopulation;
    }

    void reset() {
        switches.clear();
    }

    void add(SwitchEvent event) {
        switches.add(event);
    }

    @Override
    public void step(SimState state) {
        int tick = model.tick();
        int allies = 0;
        double gdp = 0;
        double population = 0;
        for (int i = 0; i < model.countryCount(); i++) {
            Country c = model.country(i);
            if (c.side() == Side.ROC) {
                allies++;
                gdp += c.spec().gdpUsdMillions();
                population += c.spec().population();
            }
        }
        rocAllies[tick] = allies;
        gdpShare[tick] = gdp / totalGdp;
        populationShare[tick] = population / totalPopulation;
    }

    RunResult result(long seed) {
        boolean[] atEnd = new boolean[model.countryCount()];
        for (int i = 0; i < atEnd.length; i++) {
            atEnd[i] = model.country(i).side() == Side.ROC;
        }
        return new RunResult(model.parameters(), seed, rocAllies, gdpShare, populationShare, atEnd, switches);
    }
}
