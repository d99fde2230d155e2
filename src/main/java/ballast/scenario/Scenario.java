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
 */
public record Scenario(String name, Path file, long seed, ModelParameters parameters, Object resolved,
        List<Path> sources) {

    public Scenario {
        sources = List.copyOf(sources);
    }

    /** Returns this scenario with another master seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, file, newSeed, parameters, resolved, sources);
    }
}
