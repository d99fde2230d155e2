package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Variants of a scenario with numeric fields replaced: the basis of sweeps and sensitivity analyses. */
class ScenarioTemplateTest {
    private static final Path BASELINE = Fixtures.SCENARIOS.resolve("baseline-judged.yaml");

    @Test
    void knowsEveryNumericFieldWithItsBoundsAndValueIncludingDefaultsTheFileLeavesOut() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.read(BASELINE);
        NumericField budget = t.field("patrons.japan.budgetUsdMillionsPerYear");
        assertEquals(60, budget.value());
        assertEquals(0, budget.min());
        NumericField fragility = t.field("countries.HTI.fragility");
        assertEquals(0.9, fragility.value());
        assertEquals(1, fragility.max());
        // Fields the file leaves to its parents or to the defaults are still fields.
        assertEquals(t.scenario().parameters().rule().toPrcPerYear(), t.field("rule.toPrcPerYear").value());
        assertTrue(t.field("rule.contagionWindowMonths").whole());
    }

    @Test
    void aVariantChangesOnlyTheNamedFields() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.read(BASELINE);
        Map<String, Double> values = new LinkedHashMap<>();
        values.put("countries.HTI.fragility", 0.25);
        values.put("rule.toPrcPerYear", 0.0125);
        values.put("patrons.prc.budgetUsdMillionsPerYear", 2500.0);
        ModelParameters base = t.scenario().parameters();
        ModelParameters p = t.with(values).parameters();
        assertEquals(0.25, country(p, "HTI").fragility());
        assertEquals(0.0125, p.rule().toPrcPerYear());
        assertEquals(2500.0, p.patrons().stream().filter(x -> x.id().equals("prc")).findFirst().orElseThrow()
                .budgetUsdMillionsPerYear());
        assertEquals(country(base, "GTM"), country(p, "GTM"));
        assertEquals(base.events(), p.events());
        assertEquals(t.scenario().seed(), t.with(values).seed());
        // The template itself is unchanged.
        assertEquals(0.9, country(t.with(Map.of()).parameters(), "HTI").fragility());
    }

    @Test
    void everyVariantUsesTheDataTablesAsTheTemplateReadThem(@org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        // A copy of the shipped scenarios, so that its data can be taken away after the template is read.
        Path scenarios = dir.resolve("scenarios");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Fixtures.SCENARIOS)) {
            for (Path from : files.toList()) {
                java.nio.file.Files.copy(from, scenarios.resolve(Fixtures.SCENARIOS.relativize(from).toString()));
            }
        }
        ScenarioTemplate t = ScenarioTemplate.read(scenarios.resolve("baseline.yaml"));
        Scenario alone = ScenarioLoader.load(scenarios.resolve("baseline.yaml"));
        ModelParameters variant = t.with(Map.of()).parameters();
        // A variant is what loading it alone gives (ModelParameters as a whole compares its draws' arrays by identity).
        assertEquals(alone.parameters().countries(), variant.countries());
        assertEquals(alone.parameters().setting(), variant.setting());
        assertEquals(alone.parameters().events(), variant.events());
        assertEquals(alone.parameters().rule(), variant.rule());
        assertEquals(alone.sources(), t.with(Map.of()).sources());
        ModelParameters before = t.with(Map.of("rule.toPrcPerYear", 0.02)).parameters();
        java.nio.file.Files.delete(scenarios.resolve("data/state-year-panel.csv"));
        ModelParameters after = t.with(Map.of("rule.toPrcPerYear", 0.02)).parameters();
        assertEquals(before.countries(), after.countries(), "the panel was read once, for every point of a design");
        assertThrows(ScenarioException.class, () -> ScenarioLoader.load(scenarios.resolve("baseline.yaml")),
                "a scenario loaded on its own reads its files anew");
    }

    @Test
    void anUnknownPathNamesTheClosestFields() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.read(BASELINE);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> t.field("patrons.japan.budget"));
        assertTrue(e.getMessage().contains("did you mean 'patrons.japan.budgetUsdMillionsPerYear'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.field("rates.toPrc"));
        assertTrue(e.getMessage().contains("'rule.toPrcPerYear'"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> t.field("countries.XYZ.fragility"));
        assertTrue(e.getMessage().contains("is not a numeric field of"), e.getMessage());
    }

    @Test
    void aVariantOutsideTheBoundsIsAProblemAtTheFieldsLine() throws Exception {
        ScenarioTemplate t = ScenarioTemplate.read(BASELINE);
        ScenarioException e = assertThrows(ScenarioException.class,
                () -> t.with(Map.of("countries.HTI.fragility", 1.5)));
        Problem p = e.problems().get(0);
        assertEquals("countries.HTI.fragility", p.field());
        assertTrue(p.line() > 0);
        assertTrue(p.message().contains("between 0 and 1"), p.message());
    }

    private static CountrySpec country(ModelParameters p, String code) {
        return p.countries().stream().filter(c -> c.code().equals(code)).findFirst().orElseThrow();
    }
}
