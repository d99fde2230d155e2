package ballast.cli;

import ballast.experiment.Backtest;
import ballast.experiment.BacktestCounts;
import ballast.experiment.Baselines;
import ballast.experiment.DesignRun;
import ballast.experiment.HistoricalRecord;
import ballast.model.ModelParameters;
import ballast.model.Term;
import ballast.output.Manifest;
import ballast.output.ResultFolder;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.ChartFormat;
import ballast.output.chart.ChartWidth;
import ballast.output.chart.SavedCharts;
import ballast.output.table.BacktestTables;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import ballast.scenario.ScenarioTemplate;
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
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ballast backtest}: runs a historical scenario and scores it against the record, beside two baselines. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Runs a historical scenario (one with a 'record' section, e.g. scenarios/backtest-2016.yaml) "
                + "and scores it against the recorded switches, beside a naive constant hazard given the same "
                + "information about Taipei's government and a logistic hazard regression on the same covariates, "
                + "both fitted to the training window of the calibration the record section names: Brier score and "
                + "log loss per country-year, Brier score of 'left by the end' per state, AUC of leavers against "
                + "stayers with a bootstrap interval, the share of months inside the 80%% band, a reliability table.",
            "A record section with 'rolling: 2008:2024' makes one-year-ahead forecasts from each January instead.",
            "Writes backtest_*.csv, backtest_scores.tex, manifest.json and the charts; prints the folder's path."})
final class BacktestCommand implements Callable<Integer> {
    static final long DEFAULT_REPLICATIONS = 2_000;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A back-test scenario file.")
    Path scenarioFile;

    @Mixin
    JobOptions job = new JobOptions(DEFAULT_REPLICATIONS);

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        int threadCount = job.threads();
        long n = job.replications();
        ScenarioTemplate template = ScenarioTemplate.read(scenarioFile);
        Scenario scenario = output.seed != null ? template.scenario().withSeed(output.seed) : template.scenario();
        Map<String, String> sourceHashes = Manifest.sourceHashes(scenario); // the files as they were read
        Scenario.Record recordSpec = scenario.record();
        if (recordSpec == null) {
            throw new UserException(scenarioFile + ": not a back-test scenario (it has no 'record' section naming "
                    + "the switches to score against; see scenarios/backtest-2016.yaml)");
        }
        if (recordSpec.training() == null) {
            throw new UserException(scenarioFile + ": record: training must name the calibration scenario whose "
                    + "training window the baselines are fitted to (e.g. calibration.yaml)");
        }
        Scenario training = ScenarioLoader.load(recordSpec.training());
        Scenario.CalibrateSpec cal = training.calibrate();
        if (cal == null || training.record() == null) {
            throw new UserException(recordSpec.training() + ": not a calibration scenario (it needs 'calibrate:' and "
                    + "'record:' sections)");
        }
        HistoricalRecord record = HistoricalRecord.read(recordSpec.switches(), recordSpec.alliesByYear());
        HistoricalRecord trainingRecord = HistoricalRecord.read(training.record().switches(),
                training.record().alliesByYear());
        List<Term> covariates = new ArrayList<>();
        List<Double> priorSd = new ArrayList<>();
        for (Scenario.CalibrateSpec.Fit f : cal.fit()) {
            Term t = Term.ofKey(f.name());
            if (t != null) {
                if (Double.isInfinite(f.priorSd())) {
                    throw new UserException(recordSpec.training() + ": calibrate: fit: " + f.name() + " needs a "
                            + "normal prior for the logistic regression's penalty");
                }
                covariates.add(t);
                priorSd.add(f.priorSd());
            }
        }
        ModelParameters p = scenario.parameters();
        Baselines.Fitted baselines = Baselines.fit(training.parameters(), trainingRecord, cal.trainTo(), covariates,
                priorSd.stream().mapToDouble(Double::doubleValue).toArray(), p.rule().weight(Term.TRUCE));

        List<Scenario> forecasts = new ArrayList<>();
        if (recordSpec.rolling()) {
            for (int y = recordSpec.rollingFrom(); y <= recordSpec.rollingTo(); y++) {
                Scenario s = template.startingAt(YearMonth.of(y, 1), 12);
                forecasts.add(output.seed != null ? s.withSeed(output.seed) : s);
            }
        } else {
            forecasts.add(scenario);
        }
        PrintWriter err = spec.commandLine().getErr();
        try (ResultFolder folder = ResultFolder.create(output.target("backtest", scenario.name(), started))) {
            List<BacktestCounts> totals = new ArrayList<>();
            for (Scenario s : forecasts) {
                totals.add(new BacktestCounts(s.parameters().countries().size(), Backtest.yearOfTick(s.parameters())));
            }
            int[] yearOfTick = Backtest.yearOfTick(forecasts.get(0).parameters());
            DesignRun<BacktestCounts> run = new DesignRun<>(forecasts.size(), n, scenario.seed(), true,
                    forecasts::get, states -> new BacktestCounts(states, yearOfTick));
            try (OnInterrupt onCtrlC = new OnInterrupt(run::stop);
                    Progress progress = new Progress(scenario.name(), n * forecasts.size(), 0, run::replicationsRun,
                            err)) {
                run.run((point, block) -> false, threadCount, (point, block, part) -> totals.get(point).merge(part));
            }
            if (run.stopped()) {
                err.println("ballast: interrupted; nothing was written (a back-test is short: run it again)");
                return BatchCommand.INTERRUPTED;
            }
            List<Backtest.Part> parts = new ArrayList<>();
            for (int k = 0; k < forecasts.size(); k++) {
                ModelParameters fp = forecasts.get(k).parameters();
                parts.add(Backtest.part(fp, totals.get(k), record, Baselines.forecast(baselines, fp)));
            }
            Backtest.Result result = Backtest.summarise(n, parts, scenario.seed());
            Manifest manifest = new Manifest(Manifest.BACKTEST, scenario, sourceHashes, root.invocation(), started)
                    .put("backtest", section(n, threadCount, recordSpec, forecasts, baselines, p))
                    .put(Manifest.PARAMETERS, p);
            Path dir = folder.dir();
            BacktestTables.write(scenario.name(), result, baselines, dir);
            manifest.write(dir);
            ChartFolder.write(SavedCharts.all(dir, ChartWidth.FULL, false), ChartFolder.of(dir, ChartWidth.FULL),
                    List.of(ChartFormat.values()), false);
            Path done = folder.commit();
            err.printf(Locale.ROOT, "%s: %s; model / naive / logistic: Brier per country-year %.4f / %.4f / %.4f; "
                    + "log loss %.4f / %.4f / %.4f; Brier of left by the end %.3f / %.3f / %.3f; AUC %.2f / %.2f / %.2f; "
                    + "months in the 80%% band %.0f%% / %.0f%% / %.0f%%%n", scenario.name(),
                    forecasts.size() == 1 ? "from " + p.start() + " to " + p.end()
                            : forecasts.size() + " one-year forecasts",
                    result.brier().model(), result.brier().naive(), result.brier().logistic(),
                    result.logLoss().model(), result.logLoss().naive(), result.logLoss().logistic(),
                    result.brierLeft().model(), result.brierLeft().naive(), result.brierLeft().logistic(),
                    result.auc().model(), result.auc().naive(), result.auc().logistic(),
                    100 * result.coverage80().model(), 100 * result.coverage80().naive(),
                    100 * result.coverage80().logistic());
            spec.commandLine().getOut().println(done);
            return 0;
        }
    }

    private static Map<String, Object> section(long n, int threads, Scenario.Record spec, List<Scenario> forecasts,
            Baselines.Fitted b, ModelParameters p) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("replications", n);
        s.put("seedOfReplication", "SplitMix64 mix64(masterSeed + (i + 1) * 0x9E3779B97F4A7C15), as in batch, the same "
                + "for every forecast");
        s.put("threads", threads);
        s.put("switches", spec.switches().toString());
        s.put("alliesByYear", spec.alliesByYear().toString());
        s.put("training", spec.training().toString());
        s.put("trainingWindow", b.trainFrom() + ":" + b.trainTo());
        s.put(Manifest.ROLLING, spec.rolling());
        s.put("forecasts", forecasts.stream().map(f -> f.parameters().start() + ":" + f.parameters().end()).toList());
        s.put("parameterUncertainty", p.draws() != null);
        s.put("naiveMonthlyHazardKmt", b.naiveHazard(false, false));
        s.put("naiveMonthlyHazardDpp", b.naiveHazard(true, false));
        s.put("truceFactor", Math.exp(b.truceWeight()));
        s.put("logisticCovariates", b.covariates().stream().map(Term::key).toList());
        s.put("forecast", "per country-year: P(switch to Beijing during the year | Taipei on 1 January); model: "
                + "(runs switching + 0.5) / (runs with Taipei on 1 January + 1); baselines: 1 - product of monthly "
                + "survivals");
        return s;
    }
}
