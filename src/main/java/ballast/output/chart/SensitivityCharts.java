package ballast.output.chart;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** TEMP */
public final class SensitivityCharts {
    private SensitivityCharts() {
    }

    public static List<Figure> all(Path dir, JsonNode manifest, ChartWidth width, boolean titles) throws IOException {
        return List.of();
    }
}
