package ballast.cli;

import ballast.output.chart.Figure;
import ballast.output.chart.SavedCharts;
import ballast.output.chart.ChartFolder;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballast chart}: redraws the charts of a finished results folder from its saved tables. */
@Command(name = "chart", mixinStandardHelpOptions = true,
        description = {"Redraws every chart of a finished results folder (batch, sweep, sensitivity, backtest or "
                + "compare) from its saved tables, without rerunning the simulation, into DIR/charts/<width>/; "
                + "prints that folder's path.",
            "Charts: batch: allies_fan, retention, survival, shares; sweep over one parameter or a two-parameter "
                + "grid: sweep_allies, sweep_gdp_share; sensitivity: sobol_<output> or morris_<output>; backtest: "
                + "backtest_fan (not for a rolling back-test), backtest_reliability; compare: compare_horizon, "
                + "compare_paths, and compare_states if paired."})
final class ChartCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "DIR", description = "A finished results folder, e.g. results/baseline/batch-<time>/.")
    Path dir;

    @Mixin
    ChartOptions charts;

    @Option(names = "--replace", description = "Replace charts of the same width and format drawn before.")
    boolean replace;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        List<Figure> figures = SavedCharts.all(dir, charts.width, charts.title);
        if (figures.isEmpty()) {
            throw new UserException(dir + ": this folder has no charts (a sweep draws them over one parameter or a "
                    + "grid of two); its tables are the result");
        }
        Path target = ChartFolder.of(dir, charts.width);
        List<Path> files = ChartFolder.write(figures, target, charts.formats, replace);
        spec.commandLine().getErr().printf("ballast: %d chart file%s in %s%n", files.size(), files.size() == 1 ? "" : "s",
                target);
        spec.commandLine().getOut().println(target);
        return 0;
    }
}
