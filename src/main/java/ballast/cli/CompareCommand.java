package ballast.cli;

import ballast.output.Manifest;
import ballast.output.Provenance;
import ballast.output.ResultFolder;
import ballast.output.chart.Bands;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.CompareCharts;
import ballast.output.chart.SavedBatch;
import ballast.output.table.CompareTables;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code ballast compare}: several finished batches side by side (the lever comparison). */
@Command(name = "compare", mixinStandardHelpOptions = true,
        description = {"Puts finished batches side by side: compare.csv and compare.tex (allies at each horizon), "
                + "the charts compare_horizon and compare_paths, and manifest.json, in a new folder "
                + "(default: results/<first batch's scenario>/compare-<UTC time>/); prints the folder's path."})
final class CompareCommand implements Callable<Integer> {

    @Parameters(arity = "2..*", paramLabel = "DIR", description = "Two or more finished batch folders, in the order to show.")
    List<Path> dirs;

    @Option(names = "--out", paramLabel = "DIR",
            description = "Folder to create (default: results/<first batch's scenario>/compare-<UTC time>/). Must not "
                    + "exist.")
    Path out;

    @Mixin
    ChartOptions charts;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        List<SavedBatch> batches = new ArrayList<>();
        for (Path d : dirs) {
            batches.add(SavedBatch.read(d));
        }
        List<String> labels = labels(batches);
        List<CompareTables.Row> rows = new ArrayList<>();
        List<Map<String, Object>> inputs = new ArrayList<>();
        for (int i = 0; i < batches.size(); i++) {
            SavedBatch b = batches.get(i);
            Bands a = b.allies();
            int t = a.last();
            rows.add(new CompareTables.Row(labels.get(i), dirs.get(i).toString(), b.replications(), b.horizon(),
                    b.alliesMean()[t], a.q025()[t], a.q10()[t], a.q25()[t], a.median()[t], a.q75()[t], a.q90()[t],
                    a.q975()[t]));
            Map<String, Object> input = new LinkedHashMap<>();
            input.put("label", labels.get(i));
            input.put("folder", dirs.get(i).toString());
            input.put("manifestSha256", Provenance.sha256(dirs.get(i).resolve(Manifest.FILE)));
            inputs.add(input);
        }
        Path done;
        try (ResultFolder folder = ResultFolder.create(OutputOptions.target(out, "compare", batches.get(0).scenario(),
                started))) {
            CompareTables.write(rows, folder.dir());
            ChartFolder.write(CompareCharts.all(batches, labels, charts.width, charts.title),
                    ChartFolder.of(folder.dir(), charts.width), charts.formats, false);
            new Manifest("compare", root.invocation(), started).put("inputs", inputs).write(folder.dir());
            done = folder.commit();
        }
        spec.commandLine().getOut().println(done);
        return 0;
    }

    /** Scenario names, made unique with a counter where two batches share one. */
    static List<String> labels(List<SavedBatch> batches) {
        Map<String, Integer> count = new HashMap<>();
        for (SavedBatch b : batches) {
            count.merge(b.scenario(), 1, Integer::sum);
        }
        Map<String, Integer> seen = new HashMap<>();
        List<String> labels = new ArrayList<>();
        for (SavedBatch b : batches) {
            int k = seen.merge(b.scenario(), 1, Integer::sum);
            labels.add(count.get(b.scenario()) > 1 ? b.scenario() + " (" + k + ")" : b.scenario());
        }
        return labels;
    }
}
