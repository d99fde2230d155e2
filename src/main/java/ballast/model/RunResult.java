package ballast.model;

import java.util.List;

/**
 * What one replication produced: the monthly path of the allies and every switch.
 * Index {@code t} of each path is the state at the end of tick {@code t}.
 *
 * @param parameters the world that was run
 * @param seed the replication's seed
 * @param rocAllies number of states recognising Taipei
 * @param rocGdpShare share of the group's GDP in states recognising Taipei, in [0, 1]
 * @param rocPopulationShare share of the group's population in states recognising Taipei, in [0, 1]
 * @param rocAtEnd for each state (scenario order), whether it recognises Taipei at the horizon
 * @param switches the switches in the order they happened
 */
public record RunResult(ModelParameters parameters, long seed, int[] rocAllies, double[] rocGdpShare,
        double[] rocPopulationShare, boolean[] rocAtEnd, List<SwitchEvent> switches) {

    public RunResult {
        rocAllies = rocAllies.clone();
        rocGdpShare = rocGdpShare.clone();
        rocPopulationShare = rocPopulationShare.clone();
        rocAtEnd = rocAtEnd.clone();
        switches = List.copyOf(switches);
    }

    @Override
    public int[] rocAllies() {
        return rocAllies.clone();
    }

    @Override
    public double[] rocGdpShare() {
        return rocGdpShare.clone();
    }

    @Override
    public double[] rocPopulationShare() {
        return rocPopulationShare.clone();
    }

    @Override
    public boolean[] rocAtEnd() {
        return rocAtEnd.clone();
    }

    /** Returns the share of the group's GDP with Taipei at the end of {@code tick} (no copy, unlike the accessor). */
    public double rocGdpShareAt(int tick) {
        return rocGdpShare[tick];
    }

    /** Returns the share of the group's population with Taipei at the end of {@code tick}. */
    public double rocPopulationShareAt(int tick) {
        return rocPopulationShare[tick];
    }

    /** Returns the number of Taipei's allies at the end of tick {@code t}. */
    public int rocAlliesAt(int tick) {
        return rocAllies[tick];
    }

    /** Returns the number of ticks recorded. */
    public int ticks() {
        return rocAllies.length;
    }
}
