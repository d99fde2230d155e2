package ballast.cli;

import ballast.experiment.BatchSummary;
import ballast.experiment.BlockSet;
import ballast.experiment.Design;
import ballast.experiment.DesignRun;
import ballast.experiment.PointSummary;
import ballast.experiment.SensitivityAnalysis;
import ballast.model.ModelParameters;
import ballast.output.BatchFolder;
import ballast.output.ExperimentFolder;
import ballast.output.Manifest;
import ballast.output.ResultFolder;
import ballast.output.ShardFolder;
import ballast.output.ShardSet;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import ballast.scenario.ScenarioTemplate;
import ballast.shell.ShellWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ballast merge}: adds up the shards of a batch, sweep or sensitivity analysis into its tables and charts. */
@Command(name = "merge", mixinStandardHelpOptions = true,
        description = {"Merges the shards of a batch, sweep or sensitivity analysis (run with --shard I/N) into the "
                + "tables, charts and manifest.json of one process: the same bytes, whatever the order of the shards; "
                + "prints the folder's path.",
            "Each DIR is a shard's folder, or a folder holding shards' folders (as 'ballast slurm' makes them). The "
                + "shards must be of one job (scenario, data, seed, counts, design, number of shards) and one Ballast "
                + "version, each there once and finished; otherwise nothing is written and one line says why."})
final class MergeCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard folders, or folders that hold them.")
    List<Path> folders;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Results folder to create; it must not exist (default: results/<scenario>/<kind>-<UTC time>/, "
                    + "as the one-process job would write).")
    Path out;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    /** Where default results folders go (tests point it elsewhere). */
    Path resultsRoot = OutputOptions.RESULTS;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        ShardSet shards = find(folders);
        ShardFolder.Job job = shards.job();
        try {
            shards.checkComplete(dir -> ShellWords.command("ballast", job.job(), "--resume", dir));
        } catch (ShardSet.Refusal r) {
            throw new UserException("cannot merge: " + r.getMessage());
        }
        // The plan (and so the design) is read from the first shard: the others' manifests hold its SHA-256.
        ShardSet.Entry first = shards.finished().stream().min(Comparator.comparingInt(ShardSet.Entry::index))
                .orElseThrow();
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "ballast: merging %,d shards of %s%n", job.shards(), job.describe());
        Path dir = switch (job.job()) {
            case Manifest.BATCH -> mergeBatch(shards, first, started);
            case Manifest.SWEEP, Manifest.SENSITIVITY -> mergeExperiment(shards, first, started);
            default -> throw new UserException("cannot merge shards of a " + job.job());
        };
        spec.commandLine().getOut().println(dir);
        return 0;
    }

    /** Finds the shards in {@code folders}, turning a refusal into a message. */
    static ShardSet find(List<Path> folders) throws IOException, UserException {
        try {
            return ShardSet.find(folders);
        } catch (ShardSet.Refusal r) {
            throw new UserException("cannot merge: " + r.getMessage());
        }
    }

    private Path mergeBatch(ShardSet shards, ShardSet.Entry first, Instant started) throws Exception {
        BatchFolder.Plan plan = ShardFolder.batchPlan(reread(shards, first));
        Scenario scenario = ScenarioLoader.load(Path.of(plan.scenarioFile())).withSeed(plan.masterSeed());
        BatchCommand.checkUnchanged(scenario, plan.sources(), plan.scenarioSha256(), "cannot merge",
                "the tables would not be of the scenario the shards ran");
        ModelParameters p = scenario.parameters();
        BatchSummary total = null;
        for (ShardSet.Entry e : shards.entries()) {
            ShardFolder.Found shard = reread(shards, e);
            BatchFolder.Plan own = ShardFolder.batchPlan(shard);
            checkPlan(shards, shard, ShardFolder.job(own), ShardFolder.part(own));
            BatchSummary counts = ShardFolder.batchCounts(shard, own, p).summary();
            if (total == null) {
                total = counts;
            } else {
                try {
                    total.merge(counts);
                } catch (ArithmeticException x) {
                    throw new UserException("cannot merge: the batch's sums outgrow 64-bit integers");
                }
            }
        }
        Map<String, Object> section = BatchCommand.batchSection(plan, null, 0, 0);
        section.remove("threads");
        Manifest manifest = BatchCommand.manifest(scenario, plan.sources(), root.invocation(), started, section)
                .put("shards", shardsSection(shards, plan.commandLine()));
        BatchSummary merged = total;
        return write(scenario.name(), "batch", started, d -> BatchCommand.writeResults(merged, p, manifest, d));
    }

    private Path mergeExperiment(ShardSet shards, ShardSet.Entry first, Instant started) throws Exception {
        ShardFolder.Found firstShard = reread(shards, first);
        ExperimentFolder.Plan plan = ShardFolder.experimentPlan(firstShard);
        checkPlan(shards, firstShard, ShardFolder.job(plan), ShardFolder.part(plan));
        ScenarioTemplate template = ScenarioTemplate.read(Path.of(plan.scenarioFile()));
        BatchCommand.checkUnchanged(template.scenario().withSeed(plan.masterSeed()), plan.sources(),
                plan.scenarioSha256(), "cannot merge", "the tables would not be of the scenario the shards ran");
        Design design = ExperimentRunner.design(template, plan);
        int states = template.scenario().parameters().countries().size();
        PointSummary[] totals = new PointSummary[design.size()];
        for (int p = 0; p < totals.length; p++) {
            totals[p] = new PointSummary(states);
        }
        // A layout of the blocks only: merging runs no model.
        DesignRun<PointSummary> whole = new DesignRun<>(design.size(), plan.replications(), plan.masterSeed(),
                plan.commonSeeds(), point -> {
                    throw new IllegalStateException("a merge runs nothing");
                }, PointSummary::new);
        for (ShardSet.Entry e : shards.entries()) {
            ShardFolder.Found shard = reread(shards, e);
            DesignRun<PointSummary> run = whole.shard(shard.part().shard());
            BlockSet done = new BlockSet();
            ShardFolder.pointCounts(shard, ExperimentRunner.adder(run, totals, done, states));
            if (run.replicationsIn(done) != run.size()) {
                throw new UserException(String.format(Locale.ROOT, "cannot merge: %s holds %,d of the %,d replications "
                        + "of shard %s; delete %s and run that shard again", shard.dir().resolve(
                        ShardFolder.POINT_COUNTS), run.replicationsIn(done), run.size(), shard.part().shard(),
                        shard.dir()));
            }
        }
        Scenario scenario = template.scenario().withSeed(plan.masterSeed());
        Map<String, Object> shardsSection = shardsSection(shards, plan.commandLine());
        if (plan.kind().equals(Manifest.SWEEP)) {
            Manifest manifest = new Manifest(Manifest.SWEEP, scenario, plan.sources(), root.invocation(), started)
                    .put(Manifest.SWEEP, SweepCommand.sweepSection(plan, design, null)).put("shards", shardsSection);
            return write(scenario.name(), "sweep", started, d -> SweepCommand.writeResults(design, totals, scenario,
                    manifest, d));
        }
        SensitivityAnalysis.Method m = SensitivityAnalysis.Method.of((String) plan.settings().get(Manifest.METHOD));
        List<SensitivityAnalysis.Result> analysed = SensitivityCommand.analyse(plan, design, totals);
        Manifest manifest = new Manifest(Manifest.SENSITIVITY, scenario, plan.sources(), root.invocation(), started)
                .put(Manifest.SENSITIVITY, SensitivityCommand.section(plan, m, design, null)).put("shards", shardsSection);
        return write(scenario.name(), SensitivityCommand.folderKind(plan), started,
                d -> SensitivityCommand.writeResults(plan, design, analysed, scenario, manifest, d));
    }

    /** Checks that a shard's plan is the one its manifest describes. */
    private static void checkPlan(ShardSet shards, ShardFolder.Found shard, ShardFolder.Job job, ShardFolder.Part part)
            throws UserException {
        if (shards.job().mismatch(shard.dir(), job, shard.dir()) != null || !part.equals(shard.part())) {
            throw new UserException("cannot merge: " + shard.dir().resolve(ShardFolder.PLAN) + " is not the plan its "
                    + "manifest describes; delete " + shard.dir() + " and run shard " + shard.part().shard() + " again");
        }
    }

    private static ShardFolder.Found reread(ShardSet shards, ShardSet.Entry e) throws IOException, UserException {
        try {
            return shards.reread(e);
        } catch (ShardSet.Refusal r) {
            throw new UserException("cannot merge: " + r.getMessage());
        }
    }

    private static Map<String, Object> shardsSection(ShardSet shards, String firstCommandLine) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("count", shards.job().shards());
        s.put("writtenBy", shards.version());
        s.put("commandLineOfShard1", firstCommandLine);
        return s;
    }

    @FunctionalInterface
    private interface Writer {
        void write(Path dir) throws IOException;
    }

    /** Writes the merged results into a new folder that appears whole or not at all. */
    private Path write(String scenarioName, String kind, Instant started, Writer writer) throws IOException {
        ResultFolder.Target target = out != null ? ResultFolder.Target.exactly(out)
                : ResultFolder.Target.byDefault(resultsRoot, scenarioName, kind, started);
        try (ResultFolder folder = ResultFolder.create(target)) {
            writer.write(folder.dir());
            return folder.commit();
        }
    }
}
