package ballast.cli;

import ballast.output.chart.BatchCharts;
import ballast.output.chart.ChartFolder;
import ballast.output.chart.SavedBatch;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballast chart}: redraws the charts of a finished batch from its saved tables. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Redraws every chart of a finished batch folder from its saved tables, without rerunning "
                + "the simulation, into DIR/charts/<width>/; prints that folder's path.",
            "Charts: allies_fan, retention, survival, shares."})
final class ChartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A finished batch folder, e.g. results/baseline/<time>/.")
    Path dir;

    @Mixin
    ChartOptions charts;

    @Option(names = "--replace", description = "Replace charts of the same width and format drawn before.")
    boolean replace;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        SavedBatch batch = SavedBatch.read(dir);
        Path target = ChartFolder.of(dir, charts.width);
        List<Path> files = ChartFolder.write(BatchCharts.all(batch, charts.width, charts.title), target,
                charts.formats, replace);
        spec.commandLine().getErr().printf("ballast: %d chart files in %s%n", files.size(), target);
        spec.commandLine().getOut().println(target);
        return 0;
    }
}
