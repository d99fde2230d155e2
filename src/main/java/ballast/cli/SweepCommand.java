package ballast.cli;

import ballast.experiment.Design;
import ballast.experiment.Factor;
import ballast.experiment.PointSummary;
import ballast.experiment.Seeds;
import ballast.output.ExperimentFolder;
import ballast.output.JobFolder;
import ballast.output.Manifest;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.ChartFormat;
import ballast.output.chart.ChartWidth;
import ballast.output.chart.Figure;
import ballast.output.chart.SavedCharts;
import ballast.output.table.SweepTables;
import ballast.scenario.NumericField;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioTemplate;
import java.io.PrintWriter;
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

/** {@code ballast sweep}: a grid or Latin hypercube over scenario fields, each point a batch. */
@Command(name = "sweep", mixinStandardHelpOptions = true,
        description = {"Runs a batch at every point of a full-factorial grid or a Latin hypercube over scenario "
                + "fields and writes one row per point (sweep.csv), per-state retention per point "
                + "(sweep_countries.csv), sweep.tex, manifest.json, and charts (over one field the mean with its 95%% "
                + "interval against the field, over a grid of two fields heat maps); prints the "
                + "folder's path.",
            "A field is named by its path in the scenario file, e.g. patrons.japan.budgetUsdMillionsPerYear, "
                + "countries.HTI.fragility, rule.toPrcPerYear; --list-params lists them with bounds and values.",
            "Saves after every block of replications; --resume DIR finishes an interrupted sweep."})
final class SweepCommand implements Callable<Integer> {
    static final long DEFAULT_REPLICATIONS = 1_000;
    private static final long LHS_SALT = 0x4C415449_4E485943L; // "LATINHYC"

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (not with --resume).")
    Path scenarioFile;

    @Option(names = "--param", paramLabel = "PATH=LOW:HIGH[:LEVELS]",
            description = "A field and its range; LEVELS (grid only, at most " + Design.MAX_POINTS + ") values from "
                    + "LOW to HIGH, rounded on a whole-number field (a grid whose rounded levels repeat is refused). "
                    + "Repeat for each field.")
    List<String> params;

    @Option(names = "--design", paramLabel = "grid|lhs", defaultValue = "grid",
            description = "grid (every combination of levels, the default) or lhs (Latin hypercube of --points points).")
    String design;

    @Option(names = "--points", paramLabel = "N", converter = JobOptions.Count.class,
            description = "Points of a Latin hypercube (at most " + Design.MAX_POINTS + ").")
    Long points;

    @Option(names = "--common-seeds",
            description = "Use the same replication seeds at every point (common random numbers: differences "
                    + "between points are less noisy). Default: seeds derive from the point and the replication.")
    boolean commonSeeds;

    @Mixin
    JobOptions job = new JobOptions(DEFAULT_REPLICATIONS);

    @Mixin
    OutputOptions output;

    @Mixin
    JobOptions.Resume resume = new JobOptions.Resume();

    @Mixin
    ShardOptions sharding = new ShardOptions();

    @Option(names = "--list-params", description = "List the scenario's numeric fields with bounds and values, and "
            + "exit. It lists every field and runs nothing, so it takes no other option (with --param it is refused).")
    boolean listParams;

    /** Told each step of finishing; tests make it throw to stand for a crash there. */
    JobFolder.Checkpoint finishing = JobFolder.Checkpoint.NONE;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        int threadCount = job.threads();
        PrintWriter err = spec.commandLine().getErr();
        if (listParams) {
            if (scenarioFile == null) {
                throw new UserException("--list-params needs a scenario file");
            }
            List<String> others = spec.commandLine().getParseResult().matchedOptions().stream()
                    .map(o -> o.longestName()).filter(o -> !o.equals("--list-params")).distinct().toList();
            if (!others.isEmpty()) {
                throw new UserException("--list-params lists every field of the scenario and runs nothing, so it "
                        + "takes no " + String.join(" or ", others) + " (list the fields first, then sweep without "
                        + "--list-params)");
            }
            listFields(ScenarioTemplate.read(scenarioFile), spec.commandLine().getOut());
            return 0;
        }
        resume.check(scenarioFile);
        ExperimentFolder opened;
        if (resume.requested()) {
            opened = ExperimentRunner.open(resume.dir, "sweep");
        } else {
            ExperimentFolder.Plan plan = plan(started);
            opened = ExperimentRunner.start(sharding, output.target("sweep", plan.scenarioName(), started), output.out,
                    plan, spec);
            if (opened == null) {
                return 0; // the shard was finished already
            }
        }
        try (ExperimentFolder folder = opened) {
            ScenarioTemplate template = ExperimentRunner.template(folder.plan());
            Design d = ExperimentRunner.design(template, folder.plan());
            ExperimentFolder.Plan plan = folder.plan();
            err.printf(Locale.ROOT, "ballast: sweep of %s: %,d points x %,d replications%n", plan.scenarioName(),
                    d.size(), plan.replications());
            PointSummary[] results = ExperimentRunner.run(folder, template, d, threadCount,
                    plan.scenarioName() + " sweep", err);
            if (results == null) {
                return BatchCommand.INTERRUPTED;
            }
            if (plan.shard() != null) {
                return ExperimentRunner.finishShard(folder, finishing, spec);
            }
            Scenario scenario = template.scenario().withSeed(plan.masterSeed());
            Manifest manifest = new Manifest(Manifest.SWEEP, scenario, plan.sources(), plan.commandLine(),
                    Instant.parse(plan.startedAt())).put(Manifest.SWEEP, sweepSection(plan, d, threadCount));
            Path dir = folder.finish(out -> writeResults(d, results, scenario, manifest, out), finishing);
            spec.commandLine().getOut().println(dir);
            return 0;
        }
    }

    /** Writes a sweep's tables, {@code manifest} and charts into {@code out}: what a finished sweep, or a merge of its shards, holds. */
    static void writeResults(Design d, PointSummary[] results, Scenario scenario, Manifest manifest, Path out)
            throws java.io.IOException {
        SweepTables.write(scenario.name(), d, results, scenario.parameters().countries(), out);
        manifest.write(out);
        List<Figure> figures = SavedCharts.all(out, ChartWidth.FULL, false);
        if (!figures.isEmpty()) {
            ChartFolder.write(figures, ChartFolder.of(out, ChartWidth.FULL), List.of(ChartFormat.values()), false);
        }
    }

    /** Checks the arguments of a new sweep and builds its design and plan (with --shard, for that shard). */
    ExperimentFolder.Plan plan(Instant started) throws Exception {
        long n = job.replications();
        boolean lhs = switch (design) {
            case "grid" -> false;
            case "lhs" -> true;
            default -> throw new UserException("--design must be grid or lhs, got '" + design + "'");
        };
        if (lhs && points == null) {
            throw new UserException("--design lhs needs --points N, at least 2");
        }
        if (lhs) {
            JobOptions.checkedCount("--points", points, 2, Design.MAX_POINTS);
        }
        if (!lhs && points != null) {
            throw new UserException("--points is for --design lhs; a grid's points are its levels");
        }
        ScenarioTemplate template = ScenarioTemplate.read(scenarioFile);
        List<Factor> factors = ExperimentRunner.factors(template, ExperimentRunner.parse(params,
                lhs ? ExperimentRunner.Levels.REFUSED : ExperimentRunner.Levels.REQUIRED));
        Scenario scenario = template.scenario();
        if (output.seed != null) {
            scenario = scenario.withSeed(output.seed);
        }
        if (!lhs) {
            ExperimentRunner.checkSize(Design.gridSize(factors), "a grid of " + factors.stream()
                    .map(f -> Integer.toString(f.levels())).collect(java.util.stream.Collectors.joining(" x "))
                    + " levels");
        }
        Design d = lhs ? Design.latinHypercube(factors, points.intValue(), Seeds.design(scenario.seed(), LHS_SALT))
                : Design.grid(factors);
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(Manifest.DESIGN, design);
        return ExperimentRunner.plan("sweep", scenario, n, commonSeeds, d, settings, root.invocation(), started,
                sharding, output.out, template, spec.commandLine().getErr());
    }

    /** The {@code sweep} section of a sweep's manifest; {@code threadCount} null for a merge of shards. */
    static Map<String, Object> sweepSection(ExperimentFolder.Plan plan, Design d, Integer threadCount) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put(Manifest.DESIGN, plan.settings().get(Manifest.DESIGN));
        s.put(Manifest.POINTS, d.size());
        s.put(Manifest.FACTORS, plan.factors());
        s.put("replicationsPerPoint", plan.replications());
        s.put("commonSeeds", plan.commonSeeds());
        s.put("seedOfReplication", plan.commonSeeds()
                ? "SplitMix64 replication seed of masterSeed, the same at every point"
                : "Seeds.replication(Seeds.point(masterSeed, point), i): SplitMix64 of the point, then of i");
        if ("lhs".equals(plan.settings().get(Manifest.DESIGN))) {
            s.put("designSeed", "Seeds.design(masterSeed, 0x4C4154494E485943)");
        }
        if (threadCount != null) {
            s.put("threads", threadCount);
        }
        return s;
    }

    static void listFields(ScenarioTemplate template, PrintWriter out) {
        out.printf(Locale.ROOT, "%-48s %-14s %s%n", "field", "value", "bounds");
        for (NumericField f : template.fields().values()) {
            out.printf(Locale.ROOT, "%-48s %-14s %s%n", f.path(), NumericField.format(f.value()), f.bounds());
        }
    }
}
