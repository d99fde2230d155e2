package ballast.cli;

import ballast.experiment.Seeds;
import ballast.model.RecognitionModel;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballast bench}: how long one replication takes on this machine. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = {"Times single replications of a scenario on one thread (after a warm-up) and prints the "
                + "median, quartiles and replications per second. Writes nothing."})
final class BenchCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", defaultValue = "scenarios/baseline.yaml",
            description = "Scenario file (default: ${DEFAULT-VALUE}).")
    Path scenarioFile;

    @Option(names = {"-n", "--replications"}, paramLabel = "N", defaultValue = "2000",
            description = "Timed replications (default: ${DEFAULT-VALUE}).")
    int replications;

    @Option(names = "--warmup", paramLabel = "N", defaultValue = "2000",
            description = "Untimed replications first, so the JIT has compiled the model (default: ${DEFAULT-VALUE}).")
    int warmup;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        if (replications < 1 || warmup < 0) {
            throw new UserException("--replications must be at least 1 and --warmup at least 0");
        }
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        RecognitionModel model = new RecognitionModel(scenario.parameters());
        long sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += model.run(Seeds.replication(scenario.seed(), i)).switches().size();
        }
        long[] nanos = new long[replications];
        for (int i = 0; i < replications; i++) {
            long t0 = System.nanoTime();
            sink += model.run(Seeds.replication(scenario.seed(), warmup + i)).switches().size();
            nanos[i] = System.nanoTime() - t0;
        }
        Arrays.sort(nanos);
        double median = nanos[replications / 2] / 1e3;
        var out = spec.commandLine().getOut();
        out.printf(java.util.Locale.ROOT, "scenario %s: %d ticks, %d states, %d patrons%n", scenario.name(),
                scenario.parameters().ticks(), scenario.parameters().countries().size(),
                scenario.parameters().patrons().size());
        out.printf(java.util.Locale.ROOT,
                "one replication, one thread: median %.1f us (quartiles %.1f-%.1f us) = %.0f replications/s "
                        + "[%d timed after %d warm-up; %d switches seen]%n",
                median, nanos[replications / 4] / 1e3, nanos[(3 * replications) / 4] / 1e3, 1e6 / median,
                replications, warmup, sink);
        return 0;
    }
}
