package ballast.cli;

import ballast.experiment.Design;
import ballast.experiment.Factor;
import ballast.experiment.PointSummary;
import ballast.experiment.PointSummary.Output;
import ballast.experiment.SensitivityAnalysis;
import ballast.experiment.SensitivityAnalysis.Method;
import ballast.output.ExperimentFolder;
import ballast.output.JobFolder;
import ballast.output.Manifest;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.ChartFormat;
import ballast.output.chart.ChartWidth;
import ballast.output.chart.SavedCharts;
import ballast.output.table.SensitivityTables;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioTemplate;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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

/** {@code ballast sensitivity}: Sobol indices or Morris screening of chosen outputs to chosen scenario fields. */
@Command(name = "sensitivity", mixinStandardHelpOptions = true,
        description = {"Global sensitivity of outputs to scenario fields: Sobol first- and total-order indices "
                + "(Saltelli design on a Sobol sequence) or Morris screening (mu*, sigma), with 95%% bootstrap "
                + "intervals. Each design point is a batch of -n replications; an output is its mean over them.",
            "Writes sensitivity.csv, sensitivity_outputs.csv, sensitivity_points.csv, sensitivity.tex, manifest.json "
                + "and one bar chart per output; prints the folder's path. --resume DIR finishes an interrupted one.",
            "Outputs: allies_at_horizon, gdp_share_at_horizon, population_share_at_horizon, switches_to_prc."})
final class SensitivityCommand implements Callable<Integer> {
    static final long DEFAULT_REPLICATIONS = 100;
    static final int MAX_BOOTSTRAP = 100_000;

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (not with --resume).")
    Path scenarioFile;

    @Option(names = "--method", paramLabel = "sobol|morris", defaultValue = "sobol",
            description = "sobol (variance-based, N (k + 2) points; the default) or morris (screening, r (k + 1) points).")
    String method;

    @Option(names = "--samples", paramLabel = "N", converter = JobOptions.Count.class,
            description = "Sobol: base samples N (default 1024). Morris: trajectories r (default 20). The design may "
                    + "have at most " + Design.MAX_POINTS + " points.")
    Long samples;

    @Option(names = "--levels", paramLabel = "P", description = "Morris grid levels, even (default 4).")
    Integer levels;

    @Option(names = "--param", paramLabel = "PATH=LOW:HIGH",
            description = "A field and its range (uniform). Repeat for each field.")
    List<String> params;

    @Option(names = "--output", paramLabel = "NAME",
            description = "An output to analyse (default allies_at_horizon). Repeat for several.")
    List<String> outputs;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples for the intervals, 100 to " + MAX_BOOTSTRAP + " (default: 1000).")
    int bootstrap;

    @Option(names = "--common-seeds",
            description = "Use the same replication seeds at every point (common random numbers).")
    boolean commonSeeds;

    @Mixin
    JobOptions job = new JobOptions(DEFAULT_REPLICATIONS);

    @Mixin
    OutputOptions output;

    @Mixin
    JobOptions.Resume resume = new JobOptions.Resume();

    @Mixin
    ShardOptions sharding = new ShardOptions();

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    /** Told each step of finishing; tests make it throw to stand for a crash there. */
    JobFolder.Checkpoint finishing = JobFolder.Checkpoint.NONE;

    @Override
    public Integer call() throws Exception {
        int threadCount = job.threads();
        PrintWriter err = spec.commandLine().getErr();
        resume.check(scenarioFile);
        ExperimentFolder opened;
        if (resume.requested()) {
            opened = ExperimentRunner.open(resume.dir, "sensitivity");
        } else {
            Instant started = Instant.now();
            ExperimentFolder.Plan plan = plan(started);
            opened = ExperimentRunner.start(sharding, output.target(folderKind(plan), plan.scenarioName(), started),
                    output.out, plan, spec);
            if (opened == null) {
                return 0; // the shard was finished already
            }
        }
        try (ExperimentFolder folder = opened) {
            ExperimentFolder.Plan plan = folder.plan();
            ScenarioTemplate template = ExperimentRunner.template(plan);
            Design design = ExperimentRunner.design(template, plan);
            Method m = Method.of((String) plan.settings().get(Manifest.METHOD));
            err.printf(Locale.ROOT, "ballast: %s sensitivity of %s: %d parameters, %,d points x %,d replications%n",
                    m.key(), plan.scenarioName(), design.factors().size(), design.size(), plan.replications());
            PointSummary[] results = ExperimentRunner.run(folder, template, design, threadCount,
                    plan.scenarioName() + " " + m.key(), err);
            if (results == null) {
                return BatchCommand.INTERRUPTED;
            }
            if (plan.shard() != null) {
                return ExperimentRunner.finishShard(folder, finishing, spec);
            }
            List<SensitivityAnalysis.Result> analysed = analyse(plan, design, results);
            Scenario scenario = template.scenario().withSeed(plan.masterSeed());
            Manifest manifest = new Manifest(Manifest.SENSITIVITY, scenario, plan.sources(), plan.commandLine(),
                    Instant.parse(plan.startedAt())).put(Manifest.SENSITIVITY, section(plan, m, design, threadCount));
            Path dir = folder.finish(out -> writeResults(plan, design, analysed, scenario, manifest, out), finishing);
            for (SensitivityAnalysis.Result r : analysed) {
                err.printf(Locale.ROOT, "%s: %s%n", r.output().key(), summary(design, r));
            }
            spec.commandLine().getOut().println(dir);
            return 0;
        }
    }

    /** Returns the folder kind of an analysis's results: its method, {@code sobol} or {@code morris}. */
    static String folderKind(ExperimentFolder.Plan plan) {
        return (String) plan.settings().get(Manifest.METHOD);
    }

    /** Computes the indices of every output of the plan from the points' counts. */
    static List<SensitivityAnalysis.Result> analyse(ExperimentFolder.Plan plan, Design design, PointSummary[] results) {
        Method m = Method.of((String) plan.settings().get(Manifest.METHOD));
        List<Output> outputList = new ArrayList<>();
        for (Object key : (List<?>) plan.settings().get(Manifest.OUTPUTS)) {
            outputList.add(Output.of((String) key));
        }
        int resamples = ((Number) plan.settings().get("bootstrap")).intValue();
        return SensitivityAnalysis.analyse(m, design, results, plan.replications(), outputList, resamples,
                plan.masterSeed());
    }

    /**
     * Writes an analysis's tables, {@code manifest} and charts into {@code out}: what a finished
     * analysis, or a merge of its shards, holds.
     */
    static void writeResults(ExperimentFolder.Plan plan, Design design, List<SensitivityAnalysis.Result> analysed,
            Scenario scenario, Manifest manifest, Path out) throws java.io.IOException {
        Method m = Method.of((String) plan.settings().get(Manifest.METHOD));
        List<SensitivityTables.Result> rows = new ArrayList<>();
        double[][] means = new double[analysed.size()][];
        for (int o = 0; o < analysed.size(); o++) {
            SensitivityAnalysis.Result r = analysed.get(o);
            rows.add(new SensitivityTables.Result(r.output(), r.sobol(), r.morris(), r.mean(), r.variance(),
                    r.noiseVariance()));
            means[o] = r.pointMeans();
        }
        SensitivityTables.write(scenario.name(), m.key(), design, plan.replications(), rows, means, out);
        manifest.write(out);
        ChartFolder.write(SavedCharts.all(out, ChartWidth.FULL, false), ChartFolder.of(out, ChartWidth.FULL),
                List.of(ChartFormat.values()), false);
    }

    /** Checks the arguments of a new analysis and builds its design and plan (with --shard, for that shard). */
    ExperimentFolder.Plan plan(Instant started) throws Exception {
        Method m = Method.of(method);
        if (m == null) {
            throw new UserException("--method must be sobol or morris, got '" + method + "'");
        }
        long n = job.replications();
        long base = JobOptions.checkedCount("--samples", samples == null ? m.defaultSamples() : samples, 2,
                Design.MAX_POINTS);
        int p = levels == null ? 4 : levels;
        if (m == Method.SOBOL && levels != null) {
            throw new UserException("--levels is for --method morris");
        }
        if (m == Method.MORRIS && (p < 2 || p % 2 != 0)) {
            throw new UserException("--levels must be even and at least 2, got " + p);
        }
        JobOptions.checkedCount("--bootstrap", bootstrap, 100, MAX_BOOTSTRAP);
        List<String> outputKeys = outputKeys(outputs);
        ScenarioTemplate template = ScenarioTemplate.read(scenarioFile);
        List<Factor> factors = ExperimentRunner.factors(template, ExperimentRunner.parse(params,
                ExperimentRunner.Levels.REFUSED));
        for (Factor f : factors) {
            if (f.low() == f.high()) {
                throw new UserException("--param " + f.path() + ": a sensitivity range needs LOW < HIGH");
            }
        }
        Scenario scenario = template.scenario();
        if (output.seed != null) {
            scenario = scenario.withSeed(output.seed);
        }
        ExperimentRunner.checkSize(SensitivityAnalysis.designSize(m, base, factors.size()), String.format(Locale.ROOT,
                "a %s design of %,d %s and %d parameters", m.key(), base, m == Method.SOBOL ? "base samples"
                        : "trajectories", factors.size()));
        Design design = SensitivityAnalysis.design(m, factors, base, p, scenario.seed());
        Map<String, Object> settings = new LinkedHashMap<>();
        settings.put(Manifest.METHOD, m.key());
        settings.put("samples", base);
        if (m == Method.MORRIS) {
            settings.put("levels", p);
        }
        settings.put(Manifest.OUTPUTS, outputKeys);
        settings.put("bootstrap", bootstrap);
        return ExperimentRunner.plan("sensitivity", scenario, n, commonSeeds, design, settings, root.invocation(),
                started, sharding, output.out, template, spec.commandLine().getErr());
    }

    /** The {@code sensitivity} section of an analysis's manifest; {@code threadCount} null for a merge of shards. */
    static Map<String, Object> section(ExperimentFolder.Plan plan, Method m, Design design, Integer threadCount) {
        int resamples = ((Number) plan.settings().get("bootstrap")).intValue();
        Map<String, Object> section = new LinkedHashMap<>(plan.settings());
        section.put(Manifest.FACTORS, plan.factors());
        section.put(Manifest.POINTS, design.size());
        section.put("replicationsPerPoint", plan.replications());
        section.put("commonSeeds", plan.commonSeeds());
        section.put("estimators", m == Method.SOBOL
                ? "Saltelli et al. 2010 first order, Jansen 1999 total order; Sobol sequence (Commons Math, Joe-Kuo), "
                        + "first point skipped"
                : "Morris 1991 trajectories, delta = p / (2 (p - 1)); mu* per Campolongo et al. 2007");
        section.put("intervals", "95% percentile bootstrap over " + (m == Method.SOBOL ? "base samples" : "trajectories")
                + ", " + resamples + " resamples, seed Seeds.design(masterSeed, 0x424F4F54)");
        if (threadCount != null) {
            section.put("threads", threadCount);
        }
        return section;
    }

    /** Returns e.g. "most influential rule.toPrcPerYear, ST 0.61 [0.55, 0.68]; replication noise 0.3% ...". */
    private static String summary(Design design, SensitivityAnalysis.Result r) {
        boolean sobol = r.sobol() != null;
        int best = r.mostInfluential();
        double v = sobol ? r.sobol().total()[best] : r.morris().muStar()[best];
        double lo = sobol ? r.sobol().totalLow()[best] : r.morris().muStarLow()[best];
        double hi = sobol ? r.sobol().totalHigh()[best] : r.morris().muStarHigh()[best];
        return String.format(Locale.ROOT, "most influential %s, %s %.3f [%.3f, %.3f]; replication noise %.1f%% of "
                + "the variance over the design", design.factors().get(best).path(), sobol ? "ST" : "mu*", v, lo, hi,
                100 * r.noiseVariance() / r.variance());
    }

    private static List<String> outputKeys(List<String> given) throws UserException {
        if (given == null || given.isEmpty()) {
            return List.of(Output.ALLIES_AT_HORIZON.key());
        }
        List<String> keys = new ArrayList<>();
        for (String g : given) {
            if (Output.of(g) == null) {
                List<String> known = Arrays.stream(Output.values()).map(Output::key).toList();
                throw new UserException("--output " + g + ": unknown output; one of " + String.join(", ", known));
            }
            if (!keys.contains(g)) {
                keys.add(g);
            }
        }
        return keys;
    }
}
