package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each way a scenario can be wrong gives exactly the lines a user sees, {@code FILE:LINE:COLUMN: field: message},
 * and the shipped JSON Schema rejects the same files (where a schema can tell: it cannot follow
 * {@code extends} or know the horizon).
 */
class ValidationTest {
    @TempDir
    Path dir;

    /** A broken copy of tiny.yaml: what to replace, by what, the exact problems, whether the schema sees it. */
    static Stream<Arguments> brokenScenarios() {
        return Stream.of(
                Arguments.of("unknown key, with a suggestion", "horizonMonths: 24", "horizonMonth: 24", true, List.of(
                        "bad.yaml:2:1: horizonMonths: is required",
                        "bad.yaml:5:1: horizonMonth: unknown key (did you mean 'horizonMonths'?)")),
                Arguments.of("wrong type", "horizonMonths: 24", "horizonMonths: twelve", true, List.of(
                        "bad.yaml:5:16: horizonMonths: expected a whole number, got text 'twelve'")),
                Arguments.of("negative budget", "budgetUsdMillionsPerYear: 200", "budgetUsdMillionsPerYear: -5", true,
                        List.of("bad.yaml:11:89: patrons.prc.budgetUsdMillionsPerYear: must be between 0 and 10000000, got -5")),
                Arguments.of("probability above 1", "termYears: 1}", "termYears: 1, governmentChangeProbability: 1.5}",
                        true, List.of("bad.yaml:9:112: countries.TUV.governmentChangeProbability: "
                                + "must be between 0 and 1, got 1.5")),
                Arguments.of("horizon of 0", "horizonMonths: 24", "horizonMonths: 0", true, List.of(
                        "bad.yaml:5:16: horizonMonths: must be between 1 and 1200, got 0")),
                Arguments.of("unknown country code", "  TUV: {stance", "  XYZ: {stance", true, List.of(
                        "bad.yaml:9:3: countries.XYZ: unknown country code 'XYZ': not an ISO 3166-1 alpha-3 code")),
                Arguments.of("unknown strategy", "cheapest-flip", "cheapest-flop", true, List.of(
                        "bad.yaml:11:48: patrons.prc.strategy: unknown strategy 'cheapest-flop' for a recogniser "
                                + "(did you mean 'cheapest-flip'?); expected one of cheapest-flip, value-for-money, most-valuable, defend-at-risk")),
                Arguments.of("bad date", "start: 2030-01", "start: 2025-13", true, List.of(
                        "bad.yaml:4:8: start: expected a month as YYYY-MM (e.g. 2025-07), got text '2025-13'")),
                Arguments.of("unknown country in an event", "country: PRY", "country: XYZ", true, List.of(
                        "bad.yaml:16:44: events[0].country: unknown country code 'XYZ': not an ISO 3166-1 alpha-3 code")),
                Arguments.of("event after the horizon", "month: 2030-03", "month: 2040-03", false, List.of(
                        "bad.yaml:16:26: events[0].month: 2040-03 is after the last month of the horizon, 2031-12")),
                Arguments.of("targets with include and exclude together", JAPAN, aimedJapan("targets: {include: [PRY], exclude: [TUV]}"),
                        true, List.of("bad.yaml:13:110: patrons.japan.targets.exclude: give include or exclude, not both "
                                + "(include: only the states named; exclude: every state but those)")),
                Arguments.of("targets naming no ISO code", JAPAN, aimedJapan("targets: {exclude: [PRX]}"), true, List.of(
                        "bad.yaml:13:95: patrons.japan.targets.exclude[0]: unknown country code 'PRX': not an ISO 3166-1 "
                                + "alpha-3 code (did you mean 'PRY'?)")),
                Arguments.of("targets naming a state not in the scenario", JAPAN, aimedJapan("targets: {exclude: [PRT]}"),
                        false, List.of("bad.yaml:13:95: patrons.japan.targets.exclude[0]: 'PRT' is not one of the "
                                + "scenario's states (TUV, PLW, PRY) (did you mean 'PRY'?)")),
                Arguments.of("targets naming an unknown region", JAPAN, aimedJapan("targets: {include: [sooth]}"), false,
                        List.of("bad.yaml:13:95: patrons.japan.targets.include[0]: 'sooth' is neither a state nor a region "
                                + "of the scenario (did you mean 'south'?); regions: north, south")),
                Arguments.of("an earmark for a state not in the scenario", JAPAN, aimedJapan("earmarks: {PRT: 5}"), false,
                        List.of("bad.yaml:13:86: patrons.japan.earmarks.PRT: 'PRT' is not one of the scenario's states "
                                + "(TUV, PLW, PRY) (did you mean 'PRY'?)")),
                Arguments.of("an earmark for a backer", "backing: 0.5}", "backing: 0.5, earmarks: {PRY: 5}}", true,
                        List.of("bad.yaml:14:64: patrons.usa.earmarks: a backer spends no money, so it has no earmarks; "
                                + "give the money to a recogniser or a partner")),
                Arguments.of("a patron event aimed at an unknown code", "durationMonths: 6}", "durationMonths: 6}\n"
                        + "  - {type: patron, month: 2030-06, patron: japan, targets: {include: [PRZ]}}", true, List.of(
                        "bad.yaml:17:71: events[1].targets.include[0]: unknown country code 'PRZ': not an ISO 3166-1 "
                                + "alpha-3 code (did you mean 'PRY'?)")),
                Arguments.of("YAML syntax", "", "name: [unclosed\nseed: 1\n", false, List.of(
                        "bad.yaml:2:5: YAML syntax: expected ',' or ']', but got :")));
    }

    private static final String JAPAN = "budgetUsdMillionsPerYear: 10}";

    /** Japan's line of tiny.yaml with {@code aim} added. */
    private static String aimedJapan(String aim) {
        return "budgetUsdMillionsPerYear: 10, " + aim + "}";
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("brokenScenarios")
    void eachProblemIsOneLineNamingFileLineColumnAndField(String what, String from, String to, boolean schemaSees,
            List<String> expected) throws Exception {
        Path bad = Fixtures.tinyWith(dir, "bad.yaml", from, to);
        assertEquals(expected, problemLines(bad));
        if (schemaSees) {
            assertFalse(SchemaCheck.problems(bad).isEmpty(), "the JSON Schema rejects it too");
        }
    }

    @Test
    void allProblemsOfAFileAreReportedAtOnce() throws Exception {
        Path bad = Fixtures.tinyWith(dir, "bad.yaml", "", Files.readString(Fixtures.fixture("tiny.yaml"))
                .replace("horizonMonths: 24", "horizonMonths: 0")
                .replace("cheapest-flip", "cheapest-flop")
                .replace("budgetUsdMillionsPerYear: 50", "budgetUsdMilionsPerYear: 50"));
        assertEquals(List.of(
                "bad.yaml:5:16: horizonMonths: must be between 1 and 1200, got 0",
                "bad.yaml:11:48: patrons.prc.strategy: unknown strategy 'cheapest-flop' for a recogniser "
                        + "(did you mean 'cheapest-flip'?); expected one of cheapest-flip, value-for-money, most-valuable, defend-at-risk",
                "bad.yaml:12:64: patrons.roc.budgetUsdMilionsPerYear: unknown key (did you mean 'budgetUsdMillionsPerYear'?)"),
                problemLines(bad));
        assertTrue(SchemaCheck.problems(bad).size() >= 3, SchemaCheck.problems(bad).toString());
    }

    @Test
    void aMissingExtendsFileIsNamedWhereItIsWritten() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: x\nextends: nowhere.yaml\n");
        assertEquals(List.of("bad.yaml:2:10: extends: file not found: nowhere.yaml"), problemLines(bad));
    }

    @Test
    void aCycleOfExtendsIsReportedWithTheWholeChain() throws Exception {
        Files.writeString(dir.resolve("a.yaml"), "extends: b.yaml\n");
        Files.writeString(dir.resolve("b.yaml"), "extends: a.yaml\n");
        assertEquals(List.of("b.yaml:1:10: extends: files extend each other in a cycle: a.yaml -> b.yaml -> a.yaml"),
                problemLines(dir.resolve("a.yaml")));
    }

    @Test
    void aBrokenDataTableIsNamedByItsOwnLine() throws Exception {
        Fixtures.copyTiny(dir);
        Files.writeString(dir.resolve("states.csv"), Files.readString(dir.resolve("states.csv"))
                .replace("PLW,Mid Island,north,1000,5000", "PLW,Mid Island,north,lots,5000"));
        List<String> lines = problemLines(dir.resolve("tiny.yaml"));
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("states.csv:3:"), lines.get(0));
        assertTrue(lines.get(0).contains("gdp_usd_millions"), lines.get(0));
    }

    @Test
    void aMissingDataTableIsOneProblemNotOnePerState() throws Exception {
        Path bad = Fixtures.tinyWith(dir, "bad.yaml", "countries: states.csv", "countries: gone.csv");
        assertEquals(List.of("bad.yaml:7:14: data.countries: file not found: gone.csv"), problemLines(bad));
    }

    @Test
    void everyShippedScenarioPassesTheSchema() throws Exception {
        for (Path f : Fixtures.shippedScenarios()) {
            assertEquals(Set.of(), SchemaCheck.problems(f), f.toString());
        }
    }

    @Test
    void theSchemaKnowsTheSameCountryCodesAsTheValidator() throws Exception {
        JsonNode codes = SchemaCheck.schemaTree().at("/$defs/iso3/enum");
        Set<String> inSchema = new TreeSet<>();
        codes.forEach(c -> inSchema.add(c.asText()));
        assertEquals(new TreeSet<>(ScenarioLoader.ISO3), inSchema);
    }

    /** Loads {@code file} (relative paths keep messages short, as a user typing a relative path sees them). */
    private List<String> problemLines(Path file) {
        Path relative = Path.of("").toAbsolutePath().relativize(file.toAbsolutePath());
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(relative));
        String prefix = relative.getParent() + "/";
        return e.problems().stream().map(Problem::toString)
                .map(s -> s.replace(prefix, "")).toList();
    }
}
