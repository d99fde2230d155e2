package ballast.cli;

import ballast.experiment.BatchSummary;
import ballast.experiment.BlockSet;
import ballast.experiment.DesignRun;
import ballast.experiment.Shard;
import ballast.experiment.Statistics;
import ballast.model.ModelParameters;
import ballast.model.RunResult;
import ballast.output.BatchFolder;
import ballast.output.JobFolder;
import ballast.output.Manifest;
import ballast.output.Provenance;
import ballast.output.ShardFolder;
import ballast.output.chart.BatchCharts;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.ChartFormat;
import ballast.output.chart.ChartWidth;
import ballast.output.chart.SavedBatch;
import ballast.output.table.BatchTables;
import ballast.scenario.Problem;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import ballast.shell.ShellWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ballast batch}: many replications, summarised as they finish, resumable after a crash. */
@Command(name = "batch", mixinStandardHelpOptions = true,
        description = {"Runs N replications of a scenario on all cores and writes summary tables (CSV and LaTeX) "
                + "and manifest.json into a new results folder; prints the folder's path.",
            "The batch saves its progress after every " + DesignRun.BLOCK_SIZE + " replications; after Ctrl-C, kill "
                + "or a power cut, --resume DIR finishes it with the same result as an uninterrupted batch."})
final class BatchCommand implements Callable<Integer> {
    static final long DEFAULT_REPLICATIONS = 10_000;
    static final int INTERRUPTED = 130;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "Scenario file, e.g. scenarios/baseline.yaml (not with --resume).")
    Path scenarioFile;

    @Mixin
    JobOptions job = new JobOptions(DEFAULT_REPLICATIONS);

    @Mixin
    OutputOptions output;

    @Mixin
    JobOptions.Resume resume = new JobOptions.Resume();

    @Mixin
    ShardOptions sharding = new ShardOptions();

    @Option(names = "--keep-runs",
            description = "Also keep every replication's monthly path and switches in DIR/runs/ (gzipped CSV).")
    boolean keepRuns;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    /** Told each step of finishing; tests make it throw to stand for a crash there. */
    JobFolder.Checkpoint finishing = JobFolder.Checkpoint.NONE;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        int threadCount = job.threads();
        resume.check(scenarioFile);
        if (!resume.requested()) {
            long n = job.replications();
            Scenario scenario = ScenarioLoader.load(scenarioFile);
            if (output.seed != null) {
                scenario = scenario.withSeed(output.seed);
            }
            if (!sharding.requested()) {
                return run(BatchFolder.create(output.target("batch", scenario.name(), started),
                        plan(scenario, n, started, null)), scenario, threadCount);
            }
            BatchFolder.Plan plan = shardPlan(scenario, n, started);
            switch (ShardOptions.start(output.out, ShardFolder.job(plan), ShardFolder.part(plan))) {
                case DONE:
                    return ShardOptions.alreadyDone(output.out, ShardFolder.part(plan), spec.commandLine().getOut(),
                            spec.commandLine().getErr());
                case RESUME:
                    return resume(output.out, threadCount);
                default:
                    return run(BatchFolder.create(output.target("batch", scenario.name(), started), plan), scenario,
                            threadCount);
            }
        }
        return resume(resume.dir, threadCount);
    }

    /**
     * Checks the arguments as a new batch would and returns the plan of the whole batch; creates
     * nothing ({@code ballast slurm} checks a job this way before it writes its scripts).
     */
    BatchFolder.Plan checkedPlan(Instant started) throws Exception {
        resume.check(scenarioFile);
        long n = job.replications();
        Scenario scenario = ScenarioLoader.load(scenarioFile);
        if (output.seed != null) {
            scenario = scenario.withSeed(output.seed);
        }
        if (keepRuns) {
            throw new UserException("--keep-runs is not available for a job cut into shards (a shard keeps only counts)");
        }
        return plan(scenario, n, started, null);
    }

    /** The plan of shard {@code --shard} of a batch of {@code n} replications. */
    private BatchFolder.Plan shardPlan(Scenario scenario, long n, Instant started) throws IOException, UserException {
        Shard shard = sharding.check(output.out, keepRuns);
        try {
            return plan(scenario, n, started, shard);
        } catch (IllegalArgumentException e) {
            throw new UserException("--shard " + shard + ": " + e.getMessage());
        }
    }

    /** Resumes the unfinished batch (or shard) in {@code dir}. */
    private int resume(Path dir, int threadCount) throws Exception {
        BatchFolder folder = open(dir);
        Scenario scenario;
        try {
            scenario = scenarioOf(folder.plan());
        } catch (Exception e) {
            folder.close();
            throw e;
        }
        return run(folder, scenario, threadCount);
    }

    /** Runs the blocks not yet journaled in {@code folder} and finishes it; releases the folder's lock. */
    private int run(BatchFolder folder, Scenario scenario, int threadCount) throws Exception {
        try (folder) {
            BatchFolder.Plan plan = folder.plan();
            ModelParameters p = scenario.parameters();
            PrintWriter err = spec.commandLine().getErr();
            DesignRun<BatchSummary> batch = plan.restrict(DesignRun.batch(scenario, plan.replications()));
            String task = plan.shard() == null ? scenario.name() : scenario.name() + " shard " + plan.shard();
            BatchFolder.Progress saved = folder.load(p);
            BatchSummary total = saved != null ? saved.summary() : BatchSummary.of(p);
            BlockSet done = saved != null ? saved.doneBlocks() : new BlockSet();
            long before = total.replications();
            if (before > 0) {
                err.printf(Locale.ROOT, "ballast: resuming %s: %,d of %,d replications were done%n",
                        Problem.printable(folder.dir().toString()), before, batch.size());
            }
            try (OnInterrupt onCtrlC = new OnInterrupt(batch::stop)) {
                try (Progress progress = new Progress(task, batch.size(), before, batch::replicationsRun, err)) {
                    batch.run(done, threadCount, journal(folder, total));
                }
                if (batch.stopped()) {
                    err.printf(Locale.ROOT, "ballast: interrupted; %,d of %,d replications are saved in %s%n"
                            + "Resume with: ./ballast batch --resume %s%n", total.replications(),
                            batch.size(), Problem.printable(folder.dir().toString()), ShellWords.quote(folder.dir()));
                    return INTERRUPTED;
                }
                if (plan.shard() != null) {
                    Path dir = folder.finishShard(BatchFolder.journal(plan, total, done), finishing);
                    err.printf(Locale.ROOT, "%s: shard %s done, %,d replications; once every shard is done, 'ballast "
                            + "merge' writes the tables%n", scenario.name(), plan.shard(), total.replications());
                    spec.commandLine().getOut().println(dir);
                    return 0;
                }
                Manifest manifest = manifest(scenario, plan.sources(), plan.commandLine(),
                        Instant.parse(plan.startedAt()),
                        batchSection(plan, before > 0 ? root.invocation() : null, before, threadCount));
                Path dir = folder.finish(d -> writeResults(total, p, manifest, d), finishing);
                long[] h = total.alliesHistogram(total.ticks() - 1);
                err.printf(Locale.ROOT, "%s: %,d replications; allies of Taipei at the end of %s: median %d "
                        + "(80%% of runs %d to %d) of %d%n", scenario.name(), total.replications(), p.end(),
                        Statistics.quantile(h, 0.5), Statistics.quantile(h, 0.1), Statistics.quantile(h, 0.9),
                        p.countries().size());
                spec.commandLine().getOut().println(dir);
                return 0;
            }
        }
    }

    /** Merges each finished block into {@code total} and journals the total (and the runs, with --keep-runs). */
    private static DesignRun.Journal<BatchSummary> journal(BatchFolder folder, BatchSummary total) {
        BatchFolder.Plan plan = folder.plan();
        return new DesignRun.Journal<>() {
            @Override
            public boolean keepsRuns() {
                return plan.keepRuns();
            }

            @Override
            public void blockRan(int point, int block, long first, BatchSummary part, List<RunResult> runs)
                    throws IOException {
                if (runs != null) {
                    folder.saveRuns(block, first, runs);
                }
            }

            @Override
            public DesignRun.Save blockDone(int point, int block, BatchSummary part, BlockSet doneBlocks)
                    throws IOException, UserException {
                try {
                    total.merge(part);
                } catch (ArithmeticException e) {
                    throw new UserException("the batch's sums outgrow 64-bit integers after " + total.replications()
                            + " replications; run fewer (-n), or several batches with different --seed");
                }
                byte[] journal = BatchFolder.journal(plan, total, doneBlocks);
                return () -> folder.save(journal);
            }
        };
    }

    /** Opens (and locks) an unfinished batch; the caller closes it. */
    private static BatchFolder open(Path dir) throws IOException, UserException {
        try {
            return BatchFolder.open(dir);
        } catch (NoSuchFileException e) {
            throw new UserException(dir + ": " + e.getReason());
        }
    }

    /** Reloads the scenario of a batch and checks that nothing it read has changed since it started. */
    private static Scenario scenarioOf(BatchFolder.Plan plan) throws Exception {
        Scenario scenario = ScenarioLoader.load(Path.of(plan.scenarioFile())).withSeed(plan.masterSeed());
        checkUnchanged(scenario, plan.sources(), plan.scenarioSha256());
        return scenario;
    }

    /**
     * Checks that the files a job read when it started ({@code sources}: path to SHA-256) are unchanged
     * and that {@code scenario} resolves as it did, so the rest of the job matches the part done.
     */
    static void checkUnchanged(Scenario scenario, Map<String, String> sources, String scenarioSha256)
            throws IOException, UserException {
        checkUnchanged(scenario, sources, scenarioSha256, "cannot resume", "the rest of it would not match the part "
                + "already done");
    }

    /**
     * Checks, as {@link #checkUnchanged(Scenario, Map, String)} does, that a job's files are as they
     * were, saying {@code refusal} (e.g. "cannot merge") and {@code why} if one is not.
     */
    static void checkUnchanged(Scenario scenario, Map<String, String> sources, String scenarioSha256, String refusal,
            String why) throws IOException, UserException {
        for (Map.Entry<String, String> e : sources.entrySet()) {
            Path source = Path.of(e.getKey());
            if (!Files.exists(source) || !Provenance.sha256(source).equals(e.getValue())) {
                throw new UserException(refusal + ": " + source + (Files.exists(source) ? " has changed" : " is gone")
                        + " since the job started, so " + why);
            }
        }
        if (!Manifest.resolvedSha256(scenario).equals(scenarioSha256)) {
            throw new UserException(refusal + ": the scenario " + scenario.file() + " resolves differently than when "
                    + "the job started");
        }
    }

    private BatchFolder.Plan plan(Scenario scenario, long n, Instant started, Shard shard) throws IOException {
        return new BatchFolder.Plan(scenario.file().toAbsolutePath().normalize().toString(), scenario.name(),
                Manifest.resolvedSha256(scenario), Manifest.sourceHashes(scenario), scenario.seed(), n,
                DesignRun.BLOCK_SIZE, keepRuns, root.invocation(), started.toString(), shard);
    }

    /**
     * Writes a batch's tables, {@code manifest} and charts into {@code d}: what a finished batch, or a
     * merge of its shards, holds.
     */
    static void writeResults(BatchSummary total, ModelParameters p, Manifest manifest, Path d) throws IOException {
        BatchTables.write(total, p, d);
        manifest.write(d);
        // Drawn from the tables just written, exactly as `ballast chart` redraws them.
        SavedBatch drawn = SavedBatch.read(d);
        ChartFolder.write(BatchCharts.all(drawn, ChartWidth.FULL, false), ChartFolder.of(d, ChartWidth.FULL),
                List.of(ChartFormat.values()), false);
    }

    /**
     * The manifest of a batch of {@code scenario}.
     *
     * @param sourceHashes its files' SHA-256 as its plan recorded them at the start
     * @param commandLine the command that started it (or that merged its shards)
     * @param batch how it ran ({@link #batchSection})
     */
    static Manifest manifest(Scenario scenario, Map<String, String> sourceHashes, String commandLine,
            Instant startedAt, Map<String, Object> batch) throws IOException {
        Map<String, Object> summaries = new LinkedHashMap<>();
        summaries.put("quantiles", "inverse of the empirical distribution function (Hyndman-Fan type 1)");
        summaries.put("shareResolution", 1.0 / BatchSummary.SHARE_RESOLUTION);
        summaries.put("interval", "95% Wilson score interval (Commons Math)");
        return new Manifest(Manifest.BATCH, scenario, sourceHashes, commandLine, startedAt)
                .put(Manifest.BATCH, batch)
                .put("summaries", summaries)
                .put(Manifest.PARAMETERS, scenario.parameters());
    }

    /** The {@code batch} section of a batch's manifest: how it ran. */
    static Map<String, Object> batchSection(BatchFolder.Plan plan, String resumedBy, long resumedFrom,
            int threadCount) {
        Map<String, Object> batch = new LinkedHashMap<>();
        batch.put(Manifest.REPLICATIONS, plan.replications());
        batch.put("seedOfReplication", "SplitMix64 mix64(masterSeed + (i + 1) * 0x9E3779B97F4A7C15), i = 0.."
                + (plan.replications() - 1));
        batch.put("threads", threadCount);
        batch.put("blockSize", plan.blockSize());
        batch.put("keepRuns", plan.keepRuns());
        if (resumedBy != null) {
            batch.put("resumedBy", resumedBy);
            batch.put("replicationsBeforeResume", resumedFrom);
        }
        return batch;
    }
}
