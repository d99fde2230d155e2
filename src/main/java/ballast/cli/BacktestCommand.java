package ballast.cli;

import ballast.experiment.Backtest;
import ballast.experiment.BacktestCounts;
import ballast.experiment.DesignRun;
import ballast.experiment.HistoricalRecord;
import ballast.model.ModelParameters;
import ballast.output.Manifest;
import ballast.output.ResultFolder;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.ChartFormat;
import ballast.output.chart.ChartWidth;
import ballast.output.chart.SavedCharts;
import ballast.output.table.BacktestTables;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
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

/** {@code ballast backtest}: runs a historical scenario and scores it against the record, next to a naive baseline. */
@Command(name = "backtest", mixinStandardHelpOptions = true,
        description = {"Runs a historical scenario (one with a 'record' section, e.g. scenarios/backtest-2008.yaml) "
                + "and scores it against the recorded switches: Brier score and log loss per country-year, RMSE of "
                + "the ally count and the share of months inside the 80%% band, a calibration table; each next to "
                + "a naive baseline with one constant monthly hazard from the years before the start.",
            "Writes backtest_*.csv, backtest_scores.tex, manifest.json and the backtest_fan chart; prints the "
                + "folder's path."})
final class BacktestCommand implements Callable<Integer> {
    static final long DEFAULT_REPLICATIONS = 2_000;

    @Parameters(index = "0", paramLabel = "SCENARIO", description = "A back-test scenario file.")
    Path scenarioFile;

    @Option(names = {"-n", "--replications"}, paramLabel = "N",
            description = "Replications (default: " + DEFAULT_REPLICATIONS + ").")
    Long replications;

    @Option(names = "--threads", paramLabel = "N", description = "Worker threads (default: all cores).")
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
        int threadCount = ExperimentRunner.threads(threads);
        long n = replications == null ? DEFAULT_REPLICATIONS : replications;
        if (n < 1) {
            throw new UserException("-n must be at least 1, got " + n);
        }
        Scenario loaded = ScenarioLoader.load(scenarioFile);
        Scenario scenario = output.seed != null ? loaded.withSeed(output.seed) : loaded;
        Scenario.Record recordSpec = scenario.record();
        if (recordSpec == null) {
            throw new UserException(scenarioFile + ": not a back-test scenario (it has no 'record' section naming "
                    + "the switches to score against; see scenarios/backtest-2008.yaml)");
        }
        HistoricalRecord record = HistoricalRecord.read(recordSpec.switches(), recordSpec.alliesByYear());
        ModelParameters p = scenario.parameters();
        try {
            record.priorMonthlyHazard(p.start(), recordSpec.baselineYears());
        } catch (IllegalArgumentException e) {
            throw new UserException(recordSpec.alliesByYear() + ": " + e.getMessage() + " (the naive baseline needs "
                    + "the " + recordSpec.baselineYears() + " years before " + p.start() + ")");
        }
        Path target = output.target(scenario.name(), started);
        try (ResultFolder folder = ResultFolder.create(target)) {
            int[] yearOfTick = Backtest.yearOfTick(p);
            BacktestCounts total = new BacktestCounts(p.countries().size(), yearOfTick);
            DesignRun<BacktestCounts> run = new DesignRun<>(1, n, scenario.seed(), true, point -> scenario,
                    states -> new BacktestCounts(states, yearOfTick));
            PrintWriter err = spec.commandLine().getErr();
            try (OnInterrupt onCtrlC = new OnInterrupt(run::stop);
                    Progress progress = new Progress(scenario.name(), n, 0, run::replicationsRun, err)) {
                run.run((point, block) -> false, threadCount, (point, block, part) -> total.merge(part));
            }
            if (run.stopped()) {
                err.println("ballast: interrupted; nothing was written (a back-test is short: run it again)");
                return BatchCommand.INTERRUPTED;
            }
            Backtest.Result result = Backtest.score(p, total, record, recordSpec.baselineYears());
            Manifest manifest = new Manifest("backtest", scenario, root.invocation(), started)
                    .put("backtest", section(n, threadCount, result, recordSpec))
                    .put("parameters", p);
            Path dir = folder.dir();
            BacktestTables.write(scenario.name(), result, dir);
            manifest.write(dir);
            ChartFolder.write(SavedCharts.all(dir, ChartWidth.FULL, false), ChartFolder.of(dir, ChartWidth.FULL),
                    List.of(ChartFormat.values()), false);
            Path done = folder.commit();
            err.printf(Locale.ROOT, "%s: Brier per country-year %.4f (naive baseline %.4f); log loss %.4f (%.4f); "
                    + "ally-count RMSE %.2f (%.2f); months in the 80%% band %.0f%% (%.0f%%)%n", scenario.name(),
                    result.brier().model(), result.brier().baseline(), result.logLoss().model(),
                    result.logLoss().baseline(), result.rmse().model(), result.rmse().baseline(),
                    100 * result.coverage80().model(), 100 * result.coverage80().baseline());
            spec.commandLine().getOut().println(done);
            return 0;
        }
    }

    private static Map<String, Object> section(long n, int threads, Backtest.Result r, Scenario.Record spec) {
        Map<String, Object> s = new LinkedHashMap<>();
        s.put("replications", n);
        s.put("seedOfReplication", "SplitMix64 mix64(masterSeed + (i + 1) * 0x9E3779B97F4A7C15), as in batch");
        s.put("threads", threads);
        s.put("switches", spec.switches().toString());
        s.put("alliesByYear", spec.alliesByYear().toString());
        s.put("baselineMonthlyHazard", r.monthlyHazard());
        s.put("baselineFrom", r.priorSwitches() + " switches to Beijing in the " + r.priorYears()
                + " years before the start, over the ally-months of those years");
        s.put("forecast", "per country-year: P(switch to Beijing during the year | Taipei on 1 January); model: "
                + "(runs switching + 0.5) / (runs with Taipei on 1 January + 1)");
        return s;
    }
}
