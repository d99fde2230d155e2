package ballast.cli;

import ballast.experiment.PairedComparison;
import ballast.output.Manifest;
import ballast.output.Provenance;
import ballast.output.ResultFolder;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.CompareCharts;
import ballast.output.chart.SavedBatch;
import ballast.output.chart.SavedCompare;
import ballast.output.table.CompareTables;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code ballast compare}: scenarios side by side (the lever comparison). With {@code --reference},
 * runs every scenario on the reference's seeds and reports, per state, the paired change against
 * the reference; without it, puts finished batch folders side by side from their saved tables.
 */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Compares scenarios against a reference, state by state: --reference SCENARIO runs it and "
                + "every SCENARIO -n times on the same seeds (common random numbers), and writes per state the "
                + "change in P(with Taipei at the horizon) with paired 95%% intervals (compare_states.csv, .tex, "
                + "chart), the change in mean allies (compare_allies_change.csv), allies at the horizon and by "
                + "month for every scenario (compare.csv, .tex, compare_paths.csv, charts) and manifest.json, in a "
                + "new folder (default: results/<reference's scenario>/compare-<UTC time>/); prints the folder's "
                + "path.",
            "Without --reference, puts finished batch folders (DIR DIR...) side by side from their saved tables: "
                + "compare.csv, compare.tex, compare_paths.csv and the charts compare_horizon and compare_paths.",
            "Scenarios compared state by state must have the same states, start, tick and horizon."})
final class CompareCommand implements Callable<Integer> {
    static final long DEFAULT_REPLICATIONS = 10_000;

    @Option(names = "--reference", paramLabel = "SCENARIO",
            description = "The reference scenario file; the others are compared against it on its seeds.")
    Path reference;

    @Parameters(arity = "1..*", paramLabel = "SCENARIO|DIR",
            description = "With --reference: one or more scenario files to compare against it. Without: two or "
                    + "more finished batch folders, in the order to show.")
    List<Path> inputs;

    /** {@code -n} (replications of each scenario) and {@code --threads}, for --reference only. */
    @Mixin
    JobOptions job = new JobOptions(DEFAULT_REPLICATIONS);

    @Mixin
    OutputOptions output;

    @Mixin
    ChartOptions charts;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        if (output.out != null && java.nio.file.Files.exists(output.out)) {
            // Before anything runs: results are never overwritten.
            throw new java.nio.file.FileAlreadyExistsException(output.out.toString());
        }
        ParseResult parsed = spec.commandLine().getParseResult();
        if (reference == null) {
            if (parsed.hasMatchedOption("-n") || parsed.hasMatchedOption("--threads") || output.seed != null) {
                throw new UserException("-n, --threads and --seed are for a paired comparison (--reference "
                        + "SCENARIO); a comparison of batch folders reads their saved tables");
            }
            if (inputs.size() < 2) {
                throw new UserException("name two or more batch folders, or --reference SCENARIO and the scenarios "
                        + "to compare with it");
            }
            return folders(started);
        }
        return paired(started);
    }

    /** Compares finished batches from their saved tables. */
    private int folders(Instant started) throws Exception {
        List<String> names = new ArrayList<>();
        List<SavedBatch.Distribution> distributions = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (Path d : inputs) {
            names.add(SavedBatch.read(d).scenario());
            distributions.add(SavedBatch.distribution(d));
        }
        List<String> labels = unique(names);
        List<CompareTables.Scenario> scenarios = new ArrayList<>();
        for (int i = 0; i < inputs.size(); i++) {
            SavedBatch.Distribution d = distributions.get(i);
            scenarios.add(new CompareTables.Scenario(labels.get(i), inputs.get(i).toString(), d.months(), d.runs()));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("label", labels.get(i));
            input.put("folder", inputs.get(i).toString());
            input.put("manifestSha256", Provenance.sha256(inputs.get(i).resolve(Manifest.FILE)));
            sources.add(input);
        }
        Manifest manifest = new Manifest(Manifest.COMPARE, root.invocation(), started).put(Manifest.INPUTS, sources)
                .put("intervals", "mean allies: 95% t interval over each batch's replications");
        return write(output.target(Manifest.COMPARE, names.get(0), started), scenarios, null, manifest);
    }

    /** Runs the reference and the scenarios on common seeds and compares them state by state. */
    private int paired(Instant started) throws Exception {
        long n = job.replications();
        int threadCount = job.threads();
        List<Scenario> loaded = new ArrayList<>();
        loaded.add(ScenarioLoader.load(reference));
        for (Path p : inputs) {
            loaded.add(ScenarioLoader.load(p));
        }
        // Each scenario's files as they were read (the manifest records these, not the files at the end).
        List<Map<String, String>> sourceHashes = new ArrayList<>();
        for (Scenario s : loaded) {
            sourceHashes.add(Manifest.sourceHashes(s));
        }
        for (int k = 1; k < loaded.size(); k++) {
            String why = PairedComparison.mismatch(loaded.get(0).parameters(), loaded.get(k).parameters());
            if (why != null) {
                throw new UserException(inputs.get(k - 1) + ": cannot be compared state by state with the reference "
                        + reference + ": " + why);
            }
        }
        long seed = output.seed != null ? output.seed : loaded.get(0).seed();
        List<String> labels = unique(loaded.stream().map(Scenario::name).toList());
        PrintWriter err = spec.commandLine().getErr();
        err.printf(Locale.ROOT, "ballast: comparing %d scenarios with %s: %,d replications each on the seeds of %d%n",
                loaded.size() - 1, labels.get(0), n, seed);
        PairedComparison comparison = new PairedComparison(loaded, n, seed);
        PairedComparison.Counts counts;
        try (OnInterrupt onCtrlC = new OnInterrupt(comparison::stop)) {
            try (Progress progress = new Progress("compare", comparison.total(), 0, comparison::replicationsRun,
                    err)) {
                counts = comparison.run(threadCount);
            }
            if (counts == null) {
                // Said before the hook lets the JVM end (after close() the shutdown goes on at once).
                err.println("ballast: interrupted; a comparison is not resumable and nothing was written");
                return BatchCommand.INTERRUPTED;
            }
        }
        List<CompareTables.Scenario> scenarios = new ArrayList<>();
        List<Map<String, Object>> sources = new ArrayList<>();
        for (int k = 0; k < loaded.size(); k++) {
            Scenario s = loaded.get(k);
            long[][] runs = new long[counts.ticks()][];
            List<java.time.YearMonth> months = new ArrayList<>();
            for (int t = 0; t < counts.ticks(); t++) {
                runs[t] = counts.alliesHistogram(k, t);
                months.add(ballast.output.table.BatchTables.month(s.parameters(), t));
            }
            scenarios.add(new CompareTables.Scenario(labels.get(k), s.file().toString(), months, runs));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("label", labels.get(k));
            input.put("file", s.file().toString());
            input.put("sha256", Manifest.resolvedSha256(s));
            input.put("sources", sourceHashes.get(k));
            input.put("resolved", s.resolved());
            sources.add(input);
        }
        Map<String, Object> comparisonSection = new LinkedHashMap<>();
        comparisonSection.put("reference", labels.get(0));
        comparisonSection.put("replications", n);
        comparisonSection.put("seedOfReplication", "SplitMix64 mix64(masterSeed + (i + 1) * 0x9E3779B97F4A7C15), "
                + "the same for replication i of every scenario (common random numbers); the scenarios' own seeds "
                + "are not used");
        comparisonSection.put("threads", threadCount);
        comparisonSection.put(Manifest.COUNTRIES, loaded.get(0).parameters().countries().stream()
                .map(ballast.model.CountrySpec::code).toList());
        comparisonSection.put("intervals", "change in P(with Taipei at the horizon): Newcombe (1998) hybrid score "
                + "interval for paired proportions, method 10; change in mean allies: paired t interval; mean allies: "
                + "t interval");
        Manifest manifest = new Manifest(Manifest.COMPARE, root.invocation(), started).put("masterSeed", seed)
                .put(Manifest.COMPARISON, comparisonSection).put(Manifest.SCENARIOS, sources);
        return write(output.target(Manifest.COMPARE, loaded.get(0).name(), started), scenarios,
                new CompareTables.Paired(loaded.get(0).parameters().countries(), counts), manifest);
    }

    /** Writes the tables and manifest, then draws the charts from the tables just written. */
    private int write(ResultFolder.Target target, List<CompareTables.Scenario> scenarios, CompareTables.Paired paired,
            Manifest manifest) throws Exception {
        Path done;
        try (ResultFolder folder = ResultFolder.create(target)) {
            CompareTables.write(scenarios, paired, folder.dir());
            manifest.write(folder.dir());
            // Drawn from the tables just written, exactly as `ballast chart` redraws them.
            ChartFolder.write(CompareCharts.all(SavedCompare.read(folder.dir()), charts.width, charts.title),
                    ChartFolder.of(folder.dir(), charts.width), charts.formats, false);
            done = folder.commit();
        }
        spec.commandLine().getOut().println(done);
        return 0;
    }

    /** Names made unique with a counter where two share one. */
    static List<String> unique(List<String> names) {
        Map<String, Integer> count = new HashMap<>();
        for (String n : names) {
            count.merge(n, 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (String n : names) {
            int k = seen.merge(n, 1, Integer::sum);
            labels.add(count.get(n) > 1 ? n + " (" + k + ")" : n);
        }
        return labels;
    }
}
