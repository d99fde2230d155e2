package ballast.output.chart;

import ballast.output.Manifest;
import ballast.output.chart.SavedBatch.TableException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Draws the charts of any finished results folder from its saved tables, by the kind its manifest names. */
public final class SavedCharts {
    private SavedCharts() {
    }

    /**
     * Returns the charts of the finished folder {@code dir} (none for a sweep without a chart).
     *
     * @throws TableException if it is not a finished folder or a table is missing or malformed
     */
    public static List<Figure> all(Path dir, ChartWidth width, boolean titles) throws IOException {
        JsonNode manifest = SavedTables.manifest(dir);
        String kind = manifest.path(Manifest.KIND).asText();
        return switch (kind) {
            case Manifest.BATCH -> BatchCharts.all(SavedBatch.read(dir), width, titles);
            case Manifest.SWEEP -> SweepCharts.all(dir, manifest, width, titles);
            case Manifest.SENSITIVITY -> SensitivityCharts.all(dir, manifest, width, titles);
            case Manifest.BACKTEST -> BacktestCharts.all(dir, manifest, width, titles);
            case Manifest.COMPARE -> CompareCharts.all(SavedCompare.read(dir), width, titles);
            default -> throw new TableException(dir.resolve(Manifest.FILE) + ": a '" + kind
                    + "' folder has no charts to redraw");
        };
    }
}
