package ballast.cli;

import ballast.output.ResultFolder;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Option;

/** Options shared by the commands that run the model and write results. */
final class OutputOptions {

    @Option(names = "--seed", paramLabel = "N",
            description = "Master seed (default: the scenario's 'seed'). Never taken from the clock.")
    Long seed;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder to create (default: results/<scenario>/<UTC time>/). Must not exist.")
    Path out;

    /** Returns the folder to write, the default one if {@code --out} was not given. */
    Path target(String scenario, Instant now) {
        return out != null ? out : ResultFolder.defaultTarget(Path.of("results"), scenario, now);
    }
}
