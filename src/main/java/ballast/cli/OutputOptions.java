package ballast.cli;

import ballast.output.ResultFolder;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that run the model and write results. */
final class OutputOptions {

    @Spec(Spec.Target.MIXEE)
    CommandSpec spec;

    Long seed;

    @Option(names = "--seed", paramLabel = "N",
            description = "Master seed, 0 or more (default: the scenario's 'seed'). Never taken from the clock.")
    void seed(long value) {
        if (value < 0) {
            throw new ParameterException(spec.commandLine(), "--seed must be at least 0, got " + value);
        }
        seed = value;
    }

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder to create (default: results/<scenario>/<UTC time>/). Must not exist.")
    Path out;

    /** Returns the folder to write, the default one if {@code --out} was not given. */
    Path target(String scenario, Instant now) {
        return out != null ? out : ResultFolder.defaultTarget(Path.of("results"), scenario, now);
    }
}
