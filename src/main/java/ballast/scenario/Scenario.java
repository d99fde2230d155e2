package ballast.scenario;

import ballast.model.ModelParameters;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario: the model's parameters plus what is needed to trace a result back to it.
 *
 * @param name scenario name (also the results folder name)
 * @param file the file the user named
 * @param seed master seed, from the file unless overridden on the command line
 * @param parameters the world to simulate
 * @param resolved the merged scenario tree after {@code extends}, as plain maps, lists and values
 * @param sources every file read (the scenario, what it extends, the data tables), in reading order
 * @param record the historical record to score a back-test against, or null if the scenario names none
 */
public record Scenario(String name, Path file, long seed, ModelParameters parameters, Object resolved,
        List<Path> sources, Record record) {

    public Scenario {
        sources = List.copyOf(sources);
    }

    /**
     * The {@code record} section of a back-test scenario: what really happened, to score it against.
     *
     * @param switches the table of recognition switches (date, iso3, direction, event_type)
     * @param alliesByYear the table of Taipei's allies on 1 January of each year (for the naive baseline)
     * @param baselineYears how many years before the start the naive baseline's switch rate is taken from
     */
    public record Record(Path switches, Path alliesByYear, int baselineYears) {
    }

    /** Returns this scenario with another master seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, file, newSeed, parameters, resolved, sources, record);
    }
}
