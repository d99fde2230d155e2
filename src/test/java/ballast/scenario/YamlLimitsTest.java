package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * YAML can describe far more than it spells out (aliases), nest without end, or hold a number that
 * takes minutes to parse: each is refused in one line with exit code 2, never a StackOverflowError,
 * an OutOfMemoryError or minutes of work.
 */
class YamlLimitsTest {
    /** Guards against a hang or a run to OutOfMemoryError; a refusal takes well under a second. */
    private static final Duration HANG = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private List<String> refusalOf(String yaml) throws Exception {
        Path file = Files.writeString(dir.resolve("bad.yaml"), yaml);
        return assertTimeoutPreemptively(HANG, () -> Refusals.lines(file));
    }

    @Test
    void anAliasBombUnderTheAliasLimitIsRefused() throws Exception {
        // 48 aliases that expand to 3^16 (43 million) values.
        StringBuilder yaml = new StringBuilder("name: bomb\nrule:\n  a0: &a0 [lol, lol, lol]\n");
        for (int i = 1; i <= 16; i++) {
            yaml.append("  a").append(i).append(": &a").append(i).append(" [*a").append(i - 1).append(", *a")
                    .append(i - 1).append(", *a").append(i - 1).append("]\n");
        }
        List<String> lines = refusalOf(yaml.toString());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("more than 100,000 values once aliases are expanded; a scenario has a few "
                + "thousand"), lines.get(0));
    }

    @Test
    void moreThanFiftyAliasesAreRefused() throws Exception {
        StringBuilder yaml = new StringBuilder("name: many\ndescription: &d x\nevents:\n");
        for (int i = 0; i < 51; i++) {
            yaml.append("  - *d\n");
        }
        assertEquals(List.of("bad.yaml:54:5: more than 50 aliases (*name) in one file"), refusalOf(yaml.toString()));
    }

    @Test
    void aRecursiveAliasIsRefused() throws Exception {
        assertEquals(List.of("bad.yaml:2:14: description[0]: an alias refers to a mapping or list that contains it "
                + "(a recursive alias)"), refusalOf("name: rec\ndescription: &a [*a]\n"));
        assertEquals(List.of("bad.yaml:2:7: rule.self: an alias refers to a mapping or list that contains it "
                + "(a recursive alias)"), refusalOf("name: rec\nrule: &r {self: *r}\n"));
    }

    @Test
    void twoThousandLevelsOfNestingAreRefused() throws Exception {
        String flow = "name: deep\nrule: " + "[".repeat(2_000) + "]".repeat(2_000) + "\n";
        assertEquals(List.of("bad.yaml:2:70: mappings and lists nested more than 64 levels deep; a scenario needs a few"),
                refusalOf(flow));
        // Block style: each level indented one space more than the last.
        StringBuilder nested = new StringBuilder("name: deep\nrule:\n");
        for (int i = 1; i <= 200; i++) {
            nested.append(" ".repeat(i)).append("k").append(i).append(":\n");
        }
        List<String> lines = refusalOf(nested.toString());
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).endsWith("mappings and lists nested more than 64 levels deep; a scenario needs a few"),
                lines.get(0));
    }

    @Test
    void deepTreesBelowTheLimitAreMergedAndReportedWithoutOverflow() throws Exception {
        // 60 levels in a parent and in the file that extends it: merged level by level, then reported as wrong.
        String deep = "{a: ".repeat(60) + "1" + "}".repeat(60);
        Files.writeString(dir.resolve("parent.yaml"), "name: parent\nrule: " + deep + "\n");
        List<String> lines = refusalOf("extends: parent.yaml\nname: child\nrule: " + deep + "\n");
        assertTrue(lines.stream().noneMatch(l -> l.contains("nested")), lines.toString());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bad.yaml:3:8: rule.a: unknown key")), lines.toString());
    }

    @Test
    void aNumberOfThousandsOfDigitsIsRefusedUnparsed() throws Exception {
        assertEquals(List.of("bad.yaml:2:7: seed: a number of 5,000 characters; a number may have at most 100"),
                refusalOf("name: big\nseed: " + "9".repeat(5_000) + "\n"));
        assertEquals(List.of("bad.yaml:2:7: seed: a number of 5,001 characters; a number may have at most 100"),
                refusalOf("name: big\nseed: 1." + "9".repeat(4_999) + "\n"));
        // A hundred digits are read, and refused with the bound they pass (not "at least 0"), quoted shortened.
        assertTrue(refusalOf("name: big\nseed: " + "9".repeat(100) + "\n").contains("bad.yaml:2:7: seed: must be "
                + "between 0 and 9223372036854775807, got " + "9".repeat(60) + "…"));
        assertTrue(refusalOf("name: big\nseed: -3\n").contains("bad.yaml:2:7: seed: must be at least 0, got -3"));
    }

    @Test
    void aNumberOfTwoMillionDigitsIsRefused() throws Exception {
        assertEquals(List.of("bad.yaml: is 2 MB; a scenario file may be at most 1 MB"),
                refusalOf("name: big\nseed: " + "9".repeat(2_000_000) + "\n"));
        assertEquals(List.of("bad.yaml:2:7: a value of 900,000 characters; a value may have at most 10,000"),
                refusalOf("name: big\nseed: " + "9".repeat(900_000) + "\n"));
    }

    @Test
    void aValueOfMoreThanTenThousandCharactersIsRefused() throws Exception {
        assertEquals(List.of("bad.yaml:2:14: a value of 10,001 characters; a value may have at most 10,000"),
                refusalOf("name: long\ndescription: " + "d".repeat(10_001) + "\n"));
    }

    @Test
    void aControlCharacterWrittenAsAnEscapeIsRefused() throws Exception {
        // A NUL in a path made the path unusable (InvalidPathException, exit 70).
        assertEquals(List.of("bad.yaml:2:10: extends: a value holds the control character U+0000; only tabs and line "
                + "breaks are allowed"), refusalOf("name: nul\nextends: \"a\\0b.yaml\"\n"));
    }

    @Test
    void aLongChainOfExtendsIsRefused() throws Exception {
        for (int i = 0; i < 20; i++) {
            Files.writeString(dir.resolve("f" + i + ".yaml"), "extends: f" + (i + 1) + ".yaml\n");
        }
        List<String> lines = assertTimeoutPreemptively(HANG, () -> Refusals.lines(dir.resolve("f0.yaml")));
        assertEquals(List.of("f15.yaml:1:10: extends: more than 16 files extend each other in a chain"), lines);
    }
}
