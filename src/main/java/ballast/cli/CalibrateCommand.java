package ballast.cli;

import ballast.experiment.Calibration;
import ballast.experiment.CalibrationException;
import ballast.experiment.HistoricalRecord;
import ballast.experiment.TrainingWindow;
import ballast.model.ModelParameters;
import ballast.output.table.CalibrationFiles;
import ballast.output.Manifest;
import ballast.output.Provenance;
import ballast.output.ResultFolder;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
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

/** {@code ballast calibrate}: fits the rule's weights to the record of a training window. */
@Command(name = "calibrate", mixinStandardHelpOptions = true,
        description = {"Fits the base rates and the weights named in a calibration scenario's 'calibrate:' section "
                + "to the record of its training window only: the states take their recorded sides month by month "
                + "and the fit maximises the log-likelihood of the recorded switches plus normal log-priors (the "
                + "penalty against over-fitting). Each estimate gets a 95%% profile-likelihood interval.",
            "Writes calibrated.yaml (a parameter file that scenarios extend), calibration.csv and manifest.json "
                + "into a new results folder and prints its path. Copy calibrated.yaml to scenarios/params/ to use it."})
final class CalibrateCommand implements Callable<Integer> {
    static final Path DEFAULT_SCENARIO = Path.of("scenarios/calibration.yaml");

    @Parameters(index = "0", arity = "0..1", paramLabel = "SCENARIO",
            description = "A calibration scenario (default: " + "scenarios/calibration.yaml).")
    Path scenarioFile;

    @Option(names = "--train", paramLabel = "FROM:TO",
            description = "Training window, e.g. 1990-01:2007-12 (default: the scenario's calibrate: train). It must "
                    + "start with the scenario, and hold at least one recorded move in each direction whose base rate "
                    + "has a flat prior (else it is refused, saying what it holds).")
    String train;

    @Option(names = "--threads", paramLabel = "N", description = "Threads for the intervals (default: all cores).")
    Integer threads;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        int threadCount = JobOptions.threads(threads);
        Path file = scenarioFile != null ? scenarioFile : DEFAULT_SCENARIO;
        Scenario loaded = ScenarioLoader.load(file);
        Scenario scenario = output.seed != null ? loaded.withSeed(output.seed) : loaded;
        Map<String, String> sourceHashes = Manifest.sourceHashes(scenario); // the files as they were read
        Scenario.CalibrateSpec cal = scenario.calibrate();
        if (cal == null) {
            throw new UserException(file + ": not a calibration scenario (it has no 'calibrate:' section naming the "
                    + "training window and the parameters to fit; see scenarios/calibration.yaml)");
        }
        if (scenario.record() == null) {
            throw new UserException(file + ": a calibration needs a 'record:' section naming the switches to fit");
        }
        ModelParameters p = scenario.parameters();
        if (p.draws() != null) {
            throw new UserException(file + ": a calibration world cannot draw its parameters (remove "
                    + "parameterUncertainty)");
        }
        YearMonth from = cal.trainFrom();
        YearMonth to = cal.trainTo();
        if (train != null) {
            YearMonth[] w = window(train);
            from = w[0];
            to = w[1];
        }
        if (!from.equals(p.start())) {
            throw new UserException("--train must start when the scenario starts (" + p.start() + "), got " + from);
        }
        if (to.isAfter(p.end())) {
            throw new UserException("--train must end by the scenario's end (" + p.end() + "), got " + to);
        }
        if (p.tickMonths() != 1) {
            throw new UserException(file + ": a calibration replays months: tickMonths must be 1");
        }
        List<Calibration.Parameter> fitted = new ArrayList<>();
        for (Scenario.CalibrateSpec.Fit f : cal.fit()) {
            fitted.add(new Calibration.Parameter(f.name(), f.priorMean(), f.priorSd()));
        }
        if (fitted.isEmpty()) {
            throw new UserException(file + ": calibrate: fit names no parameter");
        }
        HistoricalRecord record = HistoricalRecord.read(scenario.record().switches(), scenario.record().alliesByYear());
        try {
            // Refused before any work: a base rate with a flat prior and no move in its direction has no estimate.
            TrainingWindow.of(p, record, to).require(fitted);
        } catch (CalibrationException e) {
            throw new UserException(e.getMessage());
        }
        Calibration calibration = new Calibration(p, record, to, fitted, scenario.seed());
        PrintWriter err = spec.commandLine().getErr();
        try (ResultFolder folder = ResultFolder.create(output.target(Manifest.CALIBRATE, scenario.name(), started))) {
            int n = fitted.size();
            // About what a fit takes (measured: 17,507 replays for the nine parameters of calibration.yaml): the
            // search, the curvature, and each interval end's profile; the bar ends when the fit does.
            long budget = 3_500 + 2L * n * n + 2L * n * 800;
            Calibration.Result result;
            try (OnInterrupt onCtrlC = new OnInterrupt(calibration::stop);
                    Progress progress = new Progress(scenario.name(), "replays", budget, 0, calibration::evaluations,
                            err)) {
                result = calibration.fit(threadCount);
            } catch (InterruptedException e) {
                err.println("ballast: interrupted; nothing was written (run the calibration again)");
                return BatchCommand.INTERRUPTED;
            } catch (CalibrationException e) {
                throw new UserException(e.getMessage()); // the folder is removed as the try closes it
            }
            Map<String, Object> provenance = new LinkedHashMap<>();
            provenance.put("scenario", file.toString());
            provenance.put("scenarioSha256", Manifest.resolvedSha256(scenario));
            for (Path source : scenario.sources()) {
                provenance.put("sha256 " + source.getFileName(),
                        sourceHashes.get(source.toAbsolutePath().normalize().toString()));
            }
            provenance.put("seed", scenario.seed());
            provenance.put("ballastVersion", Provenance.version());
            provenance.put("gitCommit", String.valueOf(Provenance.gitCommit()));
            provenance.put("commandLine", root.invocation());
            provenance.put("startedAt", started.toString());
            CalibrationFiles.write(result, from, to, file.toString(), provenance, folder.dir());
            Map<String, Object> section = new LinkedHashMap<>();
            section.put("train", from + ":" + to);
            section.put("fitted", fitted.stream().map(Calibration.Parameter::name).toList());
            section.put("estimates", result.estimates());
            section.put("logLikelihood", result.logLikelihood());
            section.put("penalisedLogLikelihood", result.penalisedLogLikelihood());
            section.put("constantHazardLogLikelihood", result.nullLogLikelihood());
            section.put("replays", result.evaluations());
            section.put("threads", threadCount);
            new Manifest(Manifest.CALIBRATE, scenario, sourceHashes, root.invocation(), started)
                    .put("calibration", section)
                    .write(folder.dir());
            Path done = folder.commit();
            err.printf(Locale.ROOT, "%s: fitted %d parameters to %s..%s (%d moves to Beijing, %d back); "
                    + "log-likelihood %.2f (constant hazard %.2f), %,d replays%n", scenario.name(), n, from, to,
                    result.switchesToPrc(), result.switchesToRoc(), result.logLikelihood(), result.nullLogLikelihood(),
                    result.evaluations());
            for (Calibration.Estimate e : result.estimates()) {
                err.printf(Locale.ROOT, "  %-18s %9.4f  [%9.4f, %9.4f]%s%n", e.parameter().name(), e.value(), e.low95(),
                        e.high95(), e.lowAtBound() || e.highAtBound() ? "  open at a bound" : "");
            }
            spec.commandLine().getOut().println(done);
            return 0;
        }
    }

    private static YearMonth[] window(String text) throws UserException {
        String[] parts = text.split(":", -1);
        try {
            if (parts.length == 2) {
                YearMonth from = YearMonth.parse(parts[0].trim());
                YearMonth to = YearMonth.parse(parts[1].trim());
                if (!to.isBefore(from)) {
                    return new YearMonth[] {from, to};
                }
            }
        } catch (java.time.format.DateTimeParseException e) {
            // reported below
        }
        throw new UserException("--train expects FROM:TO as months, e.g. 1990-01:2007-12, got '" + text + "'");
    }
}
