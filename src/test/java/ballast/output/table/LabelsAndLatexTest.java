package ballast.output.table;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import ballast.scenario.ScenarioTemplate;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** One source of parameter labels for charts and tables; LaTeX numbers, ranges and names typeset properly. */
class LabelsAndLatexTest {

    @Test
    void everyNumericFieldOfEveryShippedScenarioHasAPlainLabel() throws Exception {
        List<Path> shipped;
        try (Stream<Path> files = Files.list(Path.of("scenarios"))) {
            shipped = files.filter(f -> f.toString().endsWith(".yaml")).sorted().toList();
        }
        int fields = 0;
        for (Path scenario : shipped) {
            for (String path : ScenarioTemplate.read(scenario).fields().keySet()) {
                String label = ParameterLabels.of(path);
                assertNotEquals(path, label, "a raw path as a label");
                assertFalse(label.matches(".*[a-z][A-Z].*"), "camelCase left in the label of " + path + ": " + label);
                assertFalse(label.contains("."), "a path left in the label of " + path + ": " + label);
                fields++;
            }
        }
        assertEquals(true, fields > 150, "fields checked: " + fields);
        assertEquals("Japan engagement scale", ParameterLabels.of("patrons.japan.engagementScale"));
        assertEquals("Japan budget (US$ m/year)", ParameterLabels.of("patrons.japan.budgetUsdMillionsPerYear"));
        assertEquals("HTI fragility (0\u20131)", ParameterLabels.of("countries.HTI.fragility"));
        assertEquals("Weight of offer (log-hazard units)", ParameterLabels.of("rule.offer"));
        assertEquals("Event 3 budget (US$ m/year)", ParameterLabels.of("events[2].budgetUsdMillionsPerYear"));
    }

    @Test
    void numbersTakeATrueMinusRangesAnEnDashAndNamesAreEscaped() {
        assertEquals("$-$0.12", Latex.number(-0.1234, 2));
        assertEquals("0.00", Latex.number(-0.001, 2), "no sign on a value that rounds to zero");
        assertEquals("$-$1--0", Latex.range("-1", "0"));
        assertEquals("500--3000", Latex.range("500", "3000"));
        assertEquals("0.62 [0.58, $-$0.66]", Latex.estimate(0.62, 0.58, -0.66, 2));
        assertEquals("no\\_japan 50\\% \\& more", Latex.escape("no_japan 50% & more"));
        assertEquals("HTI stance ($-$1 to 1)", Latex.escape(ParameterLabels.of("countries.HTI.stance")));
    }
}
