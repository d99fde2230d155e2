package ballast.cli;

import ballast.experiment.Design;
import ballast.experiment.Factor;
import ballast.experiment.Morris;
import ballast.experiment.PointSummary;
import ballast.experiment.PointSummary.Output;
import ballast.experiment.Seeds;
import ballast.experiment.Sobol;
import ballast.output.ExperimentFolder;
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
    private static final long MORRIS_SALT = 0x4D4F52524953L;   // "MORRIS"
    private static final long BOOTSTRAP_SALT = 0x424F4F54L;    // "BOOT"

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO", description = "Scenario file (not with --resume).")
    Path scenarioFile;

    @Option(names = "--method", paramLabel = "sobol|morris", defaultValue = "sobol",
            description = "sobol (variance-based, N (k + 2) points; the default) or morris (screening, r (k + 1) points).")
    String method;

    @Option(names = "--samples", paramLabel = "N",
            description = "Sobol: base samples N (default 1024). Morris: trajectories r (default 20).")
    Integer samples;

    @Option(names = "--levels", paramLabel = "P", description = "Morris grid levels, even (default 4).")
    Integer levels;

    @Option(names = "--param", paramLabel = "PATH=LOW:HIGH",
            description = "A field and its range (uniform). Repeat for each field.")
    List<String> params;

    @Option(names = "--output", paramLabel = "NAME",
            description = "An output to analyse (default allies_at_horizon). Repeat for several.")
    List<String> outputs;

    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications per design point (default: " + DEFAULT_REPLICATIONS + ").")
    Long replications;

    @Option(names = "--bootstrap", paramLabel = "B", defaultValue = "1000",
            description = "Bootstrap resamples for the intervals (default: 1000).")
    int bootstrap;

    @Option(names = "--common-seeds",
            description = "Use the same replication seeds at every point (common random numbers).")
    boolean commonSeeds;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
    Integer threads;

    @Mixin
    OutputOptions output;

    @Option(names = "--resume", paramLabel = "DIR",
            description = "Finish the interrupted analysis in DIR (takes only --threads).")
    Path resume;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        int threadCount = ExperimentRunner.threads(threads);
        PrintWriter err = spec.commandLine().getErr();
        ExperimentFolder folder;
        ScenarioTemplate template;
        Design design;
        if (resume != null) {
            if (scenarioFile != null || params != null || outputs != null || samples != null || levels != null
                    || replications != null || commonSeeds || output.seed != null || output.out != null) {
                throw new UserException("--resume takes only --threads: everything else is that of the analysis "
                        + "being resumed");
            }
            folder = ExperimentRunner.open(resume, "sensitivity");
            template = ExperimentRunner.template(folder.plan());
            design = ExperimentRunner.design(template, folder.plan());
        } else {
            if (scenarioFile == null) {
                throw new UserException("name a scenario file (e.g. scenarios/baseline.yaml) or --resume DIR");
            }
            boolean sobol = switch (method) {
                case "sobol" -> true;
                case "morris" -> false;
                default -> throw new UserException("--method must be sobol or morris, got '" + method + "'");
            };
            long n = replications == null ? DEFAULT_REPLICATIONS : replications;
            int base = samples == null ? (sobol ? 1024 : 20) : samples;
            int p = levels == null ? 4 : levels;
            if (n < 1) {
                throw new UserException("-n must be at least 1, got " + n);
            }
            if (base < 2) {
                throw new UserException("--samples must be at least 2, got " + base);
            }
            if (sobol && levels != null) {
                throw new UserException("--levels is for --method morris");
            }
            if (!sobol && (p < 2 || p % 2 != 0)) {
                throw new UserException("--levels must be even and at least 2, got " + p);
            }
            if (bootstrap < 100) {
                throw new UserException("--bootstrap must be at least 100, got " + bootstrap);
            }
            List<String> outputKeys = outputKeys(outputs);
            template = ScenarioTemplate.read(scenarioFile);
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
            int k = factors.size();
            double[][] unit = sobol ? Sobol.design(base, k)
                    : Morris.design(base, k, p, Seeds.design(scenario.seed(), MORRIS_SALT));
            design = Design.fromUnitCube(factors, unit);
            ExperimentRunner.checkPoints(template, design);
            Map<String, Object> settings = new LinkedHashMap<>();
            settings.put("method", method);
            settings.put("samples", base);
            if (!sobol) {
                settings.put("levels", p);
            }
            settings.put("outputs", outputKeys);
            settings.put("bootstrap", bootstrap);
            folder = ExperimentFolder.create(output.target(scenario.name(), started),
                    ExperimentRunner.plan("sensitivity", scenario, n, commonSeeds, design, settings,
                            root.invocation(), started));
        }
        ExperimentFolder.Plan plan = folder.plan();
        String m = (String) plan.settings().get("method");
        err.printf(Locale.ROOT, "ballast: %s sensitivity of %s: %d parameters, %,d points x %,d replications%n", m,
                plan.scenarioName(), design.factors().size(), design.size(), plan.replications());
        PointSummary[] results = ExperimentRunner.run(folder, template, design, threadCount,
                plan.scenarioName() + " " + m, err);
        if (results == null) {
            return BatchCommand.INTERRUPTED;
        }
        List<Output> outputList = new ArrayList<>();
        for (Object key : (List<?>) plan.settings().get("outputs")) {
            outputList.add(Output.of((String) key));
        }
        int bootstrapResamples = ((Number) plan.settings().get("bootstrap")).intValue();
        long bootSeed = Seeds.design(plan.masterSeed(), BOOTSTRAP_SALT);
        int k = design.factors().size();
        List<SensitivityTables.Result> analysed = new ArrayList<>();
        double[][] means = new double[outputList.size()][design.size()];
        for (int o = 0; o < outputList.size(); o++) {
            Output out = outputList.get(o);
            double noise = 0;
            for (int p = 0; p < design.size(); p++) {
                means[o][p] = results[p].mean(out);
                noise += results[p].variance(out) / plan.replications();
            }
            noise /= design.size();
            double[] f = means[o];
            double mean = Arrays.stream(f).average().orElse(Double.NaN);
            double variance = new org.apache.commons.math3.stat.descriptive.moment.Variance().evaluate(f);
            if ("sobol".equals(m)) {
                analysed.add(new SensitivityTables.Result(out, Sobol.analyse(f, k, bootstrapResamples, bootSeed), null,
                        mean, variance, noise));
            } else {
                analysed.add(new SensitivityTables.Result(out, null, Morris.analyse(unit(design), f, k,
                        bootstrapResamples, bootSeed), mean, variance, noise));
            }
        }
        Scenario scenario = template.scenario().withSeed(plan.masterSeed());
        Map<String, Object> section = new LinkedHashMap<>(plan.settings());
        section.put("factors", plan.factors());
        section.put("points", design.size());
        section.put("replicationsPerPoint", plan.replications());
        section.put("commonSeeds", plan.commonSeeds());
        section.put("estimators", "sobol".equals(m)
                ? "Saltelli et al. 2010 first order, Jansen 1999 total order; Sobol sequence (Commons Math, Joe-Kuo), "
                        + "first point skipped"
                : "Morris 1991 trajectories, delta = p / (2 (p - 1)); mu* per Campolongo et al. 2007");
        section.put("intervals", "95% percentile bootstrap over " + ("sobol".equals(m) ? "base samples" : "trajectories")
                + ", " + bootstrapResamples + " resamples, seed Seeds.design(masterSeed, 0x424F4F54)");
        section.put("threads", threadCount);
        Manifest manifest = new Manifest("sensitivity", scenario, plan.commandLine(), Instant.parse(plan.startedAt()))
                .put("sensitivity", section);
        Path dir = folder.finish(out -> {
            SensitivityTables.write(scenario.name(), m, design, plan.replications(), analysed, means, out);
            manifest.write(out);
            ChartFolder.write(SavedCharts.all(out, ChartWidth.FULL, false), ChartFolder.of(out, ChartWidth.FULL),
                    List.of(ChartFormat.values()), false);
        });
        for (SensitivityTables.Result r : analysed) {
            err.printf(Locale.ROOT, "%s: %s%n", r.output().key(), summary(design, r));
        }
        spec.commandLine().getOut().println(dir);
        return 0;
    }

    /** Returns e.g. "largest total-order index: rule.toPrcPerYear 0.61 [0.55, 0.68]". */
    private static String summary(Design design, SensitivityTables.Result r) {
        boolean sobol = r.sobol() != null;
        double[] v = sobol ? r.sobol().total() : r.morris().muStar();
        int best = 0;
        for (int i = 1; i < v.length; i++) {
            if (v[i] > v[best]) {
                best = i;
            }
        }
        double lo = sobol ? r.sobol().totalLow()[best] : r.morris().muStarLow()[best];
        double hi = sobol ? r.sobol().totalHigh()[best] : r.morris().muStarHigh()[best];
        return String.format(Locale.ROOT, "most influential %s, %s %.3f [%.3f, %.3f]; replication noise %.1f%% of "
                + "the variance over the design", design.factors().get(best).path(), sobol ? "ST" : "mu*", v[best], lo,
                hi, 100 * r.noiseVariance() / r.variance());
    }

    /** Returns the design's points scaled back to the unit cube (for Morris's signed steps). */
    private static double[][] unit(Design d) {
        double[][] u = new double[d.size()][d.factors().size()];
        for (int p = 0; p < d.size(); p++) {
            for (int j = 0; j < d.factors().size(); j++) {
                Factor f = d.factors().get(j);
                u[p][j] = (d.points()[p][j] - f.low()) / (f.high() - f.low());
            }
        }
        return u;
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
