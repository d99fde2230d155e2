package ballast.output.chart;

import ballast.output.chart.SavedBatch.TableException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Draws the charts of any finished results folder from its saved tables, by the kind its manifest names. */
public final class SavedCharts {
    private SavedCharts() {
    }

    /**
     * Returns the charts of the finished folder {@code dir}.
     *
     * @throws TableException if it is not a finished folder or a table is missing or malformed
     */
    public static List<Figure> all(Path dir, ChartWidth width, boolean titles) throws IOException {
        Path manifestFile = dir.resolve("manifest.json");
        if (!Files.exists(manifestFile)) {
            throw new TableException(dir + ": not a finished results folder (no manifest.json)");
        }
        JsonNode manifest = new ObjectMapper().readTree(manifestFile.toFile());
        String kind = manifest.path("kind").asText();
        return switch (kind) {
            case "batch" -> BatchCharts.all(SavedBatch.read(dir), width, titles);
            case "sweep" -> SweepCharts.all(dir, manifest, width, titles);
            case "sensitivity" -> SensitivityCharts.all(dir, manifest, width, titles);
            case "backtest" -> BacktestCharts.all(dir, manifest, width, titles);
            default -> throw new TableException(manifestFile + ": a '" + kind + "' folder has no charts to redraw");
        };
    }
}
