package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A message never gives away a file's content: a file that is not a scenario (a password file named
 * in {@code extends}, say) is refused in one line that quotes none of it, and a message quotes at most
 * {@value Problem#MAX_QUOTED} characters of any value.
 */
class NotAScenarioTest {
    private static final String PASSWD = "root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n";
    private static final String SHADOW = "root: $6$salt$SECRETHASHOFROOT\nalice: $6$salt$SECRETHASHOFALICE\n"
            + "alice: $6$salt$SECRETHASHOFALICE\n";

    @TempDir
    Path dir;

    @Test
    void aPasswordFileNamedInExtendsIsOneLineThatQuotesNothingOfIt() throws Exception {
        Files.writeString(dir.resolve("passwd"), PASSWD);
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "name: bad\nextends: passwd\n");
        assertEquals(List.of("bad.yaml:2:10: extends: passwd is not a scenario file "
                + "(a single YAML value, not a mapping of keys to values)"), Refusals.lines(bad));
    }

    @Test
    void aShadowStyleFileIsNotAScenarioAndNoneOfItsLinesIsQuoted() throws Exception {
        Path shadow = Files.writeString(dir.resolve("shadow.yaml"), SHADOW);
        List<String> lines = Refusals.lines(shadow);
        assertEquals(List.of("shadow.yaml: not a scenario file (a YAML mapping, but none of its 2 keys is one a "
                + "scenario has, such as name, start, data or patrons)"), lines);
        Path child = Files.writeString(dir.resolve("child.yaml"), "name: child\nextends: shadow.yaml\n");
        lines = Refusals.lines(child);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("child.yaml:2:10: extends: shadow.yaml is not a scenario file"), lines.get(0));
        for (String secret : List.of("root", "alice", "SECRET")) {
            assertFalse(lines.get(0).contains(secret), lines.get(0));
        }
    }

    @Test
    void aListAtTheTopIsNotAScenario() throws Exception {
        Path list = Files.writeString(dir.resolve("list.yaml"), "- name: a\n- start: 2030-01\n");
        assertEquals(List.of("list.yaml: not a scenario file (a YAML list, not a mapping of keys to values)"),
                Refusals.lines(list));
    }

    @Test
    void aMappingWithOneScenarioKeyIsAScenarioWithProblems() throws Exception {
        Path draft = Files.writeString(dir.resolve("draft.yaml"), "name: draft\nstrat: 2030-01\n");
        List<String> lines = Refusals.lines(draft);
        assertTrue(lines.contains("draft.yaml:2:1: strat: unknown key (did you mean 'start'?)"), lines.toString());
    }

    @Test
    void theKeysThatMakeAScenarioAreTheSchemasTopLevelProperties() throws Exception {
        Set<String> inSchema = new TreeSet<>();
        SchemaCheck.schemaTree().get("properties").fieldNames().forEachRemaining(inSchema::add);
        assertEquals(inSchema, new TreeSet<>(YamlFiles.TOP_LEVEL_KEYS));
    }

    @Test
    void aLongValueIsQuotedUpToSixtyCharacters() throws Exception {
        String value = "z".repeat(5_000);
        Path bad = Fixtures.tinyWith(dir, "bad.yaml", "strategy: cheapest-flip", "strategy: " + value);
        List<String> lines = Refusals.lines(bad);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).startsWith("bad.yaml:11:48: patrons.prc.strategy: unknown strategy '" + "z".repeat(60)
                + "…' for a recogniser; expected one of "), lines.get(0));
        bad = Fixtures.tinyWith(Files.createDirectory(dir.resolve("b")), "bad.yaml", "horizonMonths: 24",
                "horizonMonths: " + value);
        assertEquals(List.of("bad.yaml:5:16: horizonMonths: expected a whole number, got text '" + "z".repeat(60) + "…'"),
                Refusals.lines(bad));
    }

    @Test
    void aLongCellOfATableIsQuotedUpToSixtyCharacters() throws Exception {
        Fixtures.copyTiny(dir);
        Path states = dir.resolve("states.csv");
        Files.writeString(states, Files.readString(states).replace("PLW,Mid Island,north,1000", "PLW,Mid Island,north,"
                + "9".repeat(100) + "x"));
        assertEquals(List.of("states.csv:3:1: gdp_usd_millions: expected a number, got '" + "9".repeat(60) + "…'"),
                Refusals.lines(dir.resolve("tiny.yaml")));
    }

    @Test
    void aLongUnknownKeyIsCut() throws Exception {
        String key = "k".repeat(1_000);
        Path bad = Fixtures.tinyWith(dir, "bad.yaml", "seed: 42", "seed: 42\n" + key + ": 1");
        assertEquals(List.of("bad.yaml:4:1: " + "k".repeat(120) + "…: unknown key"), Refusals.lines(bad));
    }

    @Test
    void controlCharactersOfATableAreShownEscapedNotSentToTheTerminal() throws Exception {
        Fixtures.copyTiny(dir);
        Path states = dir.resolve("states.csv");
        Files.writeString(states, Files.readString(states).replace("PLW,Mid Island,north,1000",
                "PLW,Mid Island,north,12\u001b[2J"));
        assertEquals(List.of("states.csv:3:1: gdp_usd_millions: expected a number, got '12\\u001b[2J'"),
                Refusals.lines(dir.resolve("tiny.yaml")));
    }

    @Test
    void everyProblemQuotesAtMostSixtyCharactersOfAValue() {
        String value = "v".repeat(500);
        Problem p = new Problem(Path.of("f.yaml"), 1, 2, "a.b", "expected yes or no, got '" + value + "'");
        assertEquals("f.yaml:1:2: a.b: expected yes or no, got '" + "v".repeat(60) + "…'", p.toString());
        Problem unquoted = new Problem(Path.of("f.yaml"), 1, 2, "", "file not found: " + value);
        assertEquals(Problem.MAX_MESSAGE + 1, unquoted.message().length(), "cut, with an ellipsis");
    }

    @Test
    void aProblemWithTheWholeFileHasNoLineNumbers() {
        assertEquals("scenarios: is a directory, not a scenario file",
                new Problem(Path.of("scenarios"), 0, 0, "", "is a directory, not a scenario file").toString());
    }

    @Test
    void aNodeDescribesAtMostSixtyCharactersOfItsValue() {
        YNode.YScalar s = new YNode.YScalar(new YNode.Source(Path.of("f"), 1, 1), "q".repeat(200), YNode.YScalar.Kind.STRING);
        assertEquals("text '" + "q".repeat(60) + "…'", s.describe());
    }
}
