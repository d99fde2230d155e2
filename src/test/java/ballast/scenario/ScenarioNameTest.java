package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A scenario's name becomes the name of its results folder, so it must be a safe folder name whether
 * it is written ({@code name:}) or taken from the file name; and a folder is not a scenario.
 */
class ScenarioNameTest {
    private static final String RULE = "letters, digits, '.', '_' or '-', starting with a letter or digit, "
            + "at most 100 characters";

    @TempDir
    Path dir;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"...yaml", "..yaml", ".hidden.yaml", "two words.yaml", "-dash.yaml"})
    void aFileNameThatIsNoSafeFolderNameNeedsAName(String fileName) throws Exception {
        // "...yaml" without a name: was named "..", and `run` wrote its results outside results/.
        Path bad = Fixtures.tinyWith(dir, fileName, "name: tiny\n", "");
        String defaultName = fileName.substring(0, fileName.length() - ".yaml".length());
        assertEquals(List.of(fileName + ":2:1: name: is required here: the file name '" + defaultName
                + "' cannot name the results folder (" + RULE + "); add a name: line"), Refusals.lines(bad));
    }

    @Test
    void aSafeFileNameIsTheDefaultName() throws Exception {
        Path ok = Fixtures.tinyWith(dir, "Haiti_2026.v2.yaml", "name: tiny\n", "");
        assertEquals("Haiti_2026.v2", ScenarioLoader.load(ok).name());
    }

    @Test
    void aVariantWithoutANameIsNamedByItsOwnFileNotByTheScenarioItExtends() throws Exception {
        // Named "tiny" by its parent, a variant's results went into tiny's folder and compare labelled both "tiny".
        Path parent = Fixtures.tinyWith(dir, "tiny.yaml", "name: tiny\n", "name: tiny\n");
        Path variant = Files.writeString(dir.resolve("tiny-richer.yaml"), "extends: tiny.yaml\nseed: 8\n");
        assertEquals("tiny", ScenarioLoader.load(parent).name());
        assertEquals("tiny-richer", ScenarioLoader.load(variant).name());
        Path named = Files.writeString(dir.resolve("v2.yaml"), "extends: tiny.yaml\nname: own\n");
        assertEquals("own", ScenarioLoader.load(named).name());
        Path unsafe = Files.writeString(dir.resolve("my draft.yaml"), "extends: tiny.yaml\nseed: 8\n");
        assertEquals(List.of("my draft.yaml:1:1: name: is required here: the file name 'my draft' cannot name the "
                + "results folder (" + RULE + "); add a name: line"), Refusals.lines(unsafe));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"..", ".", "../up", "a/b", ".hidden"})
    void aWrittenNameMustBeASafeFolderName(String name) throws Exception {
        Path bad = Fixtures.tinyWith(dir, "bad.yaml", "name: tiny", "name: '" + name + "'");
        assertEquals(List.of("bad.yaml:2:7: name: must be " + RULE + " (it names the results folder), got '" + name
                + "'"), Refusals.lines(bad));
    }

    @Test
    void aNameOfMoreThanAHundredCharactersIsRefused() throws Exception {
        Path ok = Fixtures.tinyWith(dir, "ok.yaml", "name: tiny", "name: " + "n".repeat(100));
        assertEquals("n".repeat(100), ScenarioLoader.load(ok).name());
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(ok).replace("n".repeat(100),
                "n".repeat(101)));
        assertEquals(List.of("bad.yaml:2:7: name: must be " + RULE + " (it names the results folder), got '"
                + "n".repeat(60) + "…'"), Refusals.lines(bad));
    }

    @Test
    void aDirectoryIsNotAScenarioFile() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("scenarios"));
        assertEquals(List.of("scenarios: is a directory, not a scenario file"), Refusals.lines(folder));
    }

    @Test
    void aMissingScenarioFileIsOneLine() {
        assertEquals(List.of("nope.yaml: file not found"), Refusals.lines(dir.resolve("nope.yaml")));
    }
}
