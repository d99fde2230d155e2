package ballast.cli;

import ballast.output.ResultFolder;
import java.nio.file.Path;
import java.time.Instant;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** Options shared by the commands that run the model and write results: {@code --seed}, {@code --out}. */
final class OutputOptions {
    /** Where default results folders go, relative to the working directory. */
    static final Path RESULTS = Path.of("results");

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
            description = "Results folder to create; it must not exist (default: results/<scenario>/<kind>-<UTC time>/, "
                    + "<kind> being run, batch, sweep, sobol, morris, backtest, calibrate or compare).")
    Path out;

    /** The folder default results folders go under (tests point it elsewhere). */
    Path root = RESULTS;

    /**
     * Returns where to write: {@code --out}, or the default folder
     * {@code results/<subject>/<kind>-<UTC time>/} ({@link ResultFolder.Target#byDefault}).
     */
    ResultFolder.Target target(String kind, String subject, Instant now) {
        return out != null ? ResultFolder.Target.exactly(out) : ResultFolder.Target.byDefault(root, subject, kind, now);
    }

    /** Returns {@code out} if given, else the default folder of {@code kind} for {@code subject}. */
    static ResultFolder.Target target(Path out, String kind, String subject, Instant now) {
        return out != null ? ResultFolder.Target.exactly(out) : ResultFolder.Target.byDefault(RESULTS, subject, kind, now);
    }
}
