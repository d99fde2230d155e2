package ballast.model;

import java.util.List;
import java.util.stream.IntStream;

/**
 * What one replication produced: the monthly path of the allies, every switch, the money patrons
 * spent and the log of events.
 * Index {@code t} of each path is the state at the end of tick {@code t}.
 *
 * @param parameters the world that was run
 * @param seed the replication's seed
 * @param rocAllies number of states recognising Taipei
 * @param rocGdpShare share of the group's GDP in states recognising Taipei, in [0, 1]
 * @param rocPopulationShare share of the group's population in states recognising Taipei, in [0, 1]
 * @param rocAtEnd for each state (scenario order), whether it recognises Taipei at the horizon
 * @param switches the switches in the order they happened
 * @param money what each patron spent on each state, by tick
 * @param events the event log: elections and their outcomes, engagements, patron changes, shocks and
 *     switches, in the order they happened
 */
public record RunResult(ModelParameters parameters, long seed, int[] rocAllies, double[] rocGdpShare,
        double[] rocPopulationShare, boolean[] rocAtEnd, List<SwitchEvent> switches, MoneyRecord money,
        List<RunEvent> events) implements RunRecord {

    public RunResult {
        rocAllies = rocAllies.clone();
        rocGdpShare = rocGdpShare.clone();
        rocPopulationShare = rocPopulationShare.clone();
        rocAtEnd = rocAtEnd.clone();
        switches = List.copyOf(switches);
        Checks.present("money", money);
        events = List.copyOf(events);
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

    @Override
    public double rocGdpShareAt(int tick) {
        return rocGdpShare[tick];
    }

    @Override
    public double rocPopulationShareAt(int tick) {
        return rocPopulationShare[tick];
    }

    @Override
    public int rocAlliesAt(int tick) {
        return rocAllies[tick];
    }

    @Override
    public int ticks() {
        return rocAllies.length;
    }

    @Override
    public int switchCount() {
        return switches.size();
    }

    @Override
    public int switchTick(int k) {
        return switches.get(k).tick();
    }

    @Override
    public int switchState(int k) {
        String code = switches.get(k).country();
        return IntStream.range(0, parameters.countries().size())
                .filter(i -> parameters.countries().get(i).code().equals(code)).findFirst().orElseThrow();
    }

    @Override
    public Side switchTo(int k) {
        return switches.get(k).to();
    }

    @Override
    public double switchHazard(int k) {
        return switches.get(k).hazard();
    }

    @Override
    public double switchTerm(int k, Term term) {
        return switches.get(k).term(term);
    }
}
