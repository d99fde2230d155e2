package ballast.cli;

import ballast.experiment.Seeds;
import ballast.experiment.SingleRun;
import ballast.model.RunResult;
import ballast.output.Manifest;
import ballast.output.ResultFolder;
import ballast.output.table.RunTables;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ballast run}: one replication, its monthly path and its switches. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = {"Runs one replication of a scenario (replication 0 of its batch unless --replication says) and writes allies.csv, switches.csv, money.csv, events.csv and manifest.json "
                + "into a new results folder; prints the folder's path."})
final class RunCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file, e.g. scenarios/baseline.yaml.")
    Path scenarioFile;

    @Mixin
    OutputOptions output;

    @Option(names = "--replication", paramLabel = "I", defaultValue = "0",
            description = "Which replication to run: replication I of a batch with the same scenario and seed, "
                    + "replayed exactly (default: ${DEFAULT-VALUE}).")
    long replication;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        if (output.seed != null) {
            scenario = scenario.withSeed(output.seed);
        }
        if (replication < 0) {
            throw new UserException("--replication must be at least 0, got " + replication);
        }
        Map<String, String> sourceHashes = Manifest.sourceHashes(scenario);
        RunResult result = SingleRun.run(scenario, replication);
        Path done;
        try (ResultFolder folder = ResultFolder.create(output.target("run", scenario.name(), started))) {
            RunTables.write(result, folder.dir());
            Map<String, Object> seeds = new LinkedHashMap<>();
            seeds.put("replication", replication);
            long seed = Seeds.replication(scenario.seed(), replication);
            seeds.put("replicationSeed", seed);
            var draws = scenario.parameters().draws();
            if (draws != null) {
                // The rule this replication drew from the calibration's uncertainty (parameterUncertainty).
                seeds.put("ruleDrawn", draws.draw(scenario.parameters().rule(), seed).asScenarioMap());
            }
            new Manifest(Manifest.RUN, scenario, sourceHashes, root.invocation(), started)
                    .put("run", seeds)
                    .put(Manifest.PARAMETERS, scenario.parameters())
                    .write(folder.dir());
            done = folder.commit();
        }
        var p = scenario.parameters();
        spec.commandLine().getErr().printf("%s: %d of %d states recognise Taipei at the end of %s; %d switch%s%n",
                scenario.name(), result.rocAlliesAt(result.ticks() - 1), p.countries().size(), p.end(),
                result.switches().size(), result.switches().size() == 1 ? "" : "es");
        spec.commandLine().getOut().println(done);
        return 0;
    }
}
