package ballast.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A command Ballast prints is split by bash into the words it was made of, whatever a path holds. */
class ShellWordsTest {

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/tmp/plain-dir_1", "/tmp/my dir", "/tmp/my batch's run", "/tmp/$HOME", "/tmp/a\"b",
        "/tmp/back\\slash", "/tmp/bang!", "/tmp/`date`", "/tmp/two\nlines", "/tmp/*", "/tmp/~x", "/tmp/a;b",
        "/tmp/tab\tand 'quote'\\", "/tmp/esc\u001b[31mred", "/tmp/c1\u0085x", "/tmp/\u00e9t\u00e9 \u6771"})
    void aPrintedCommandIsTheWordsItWasMadeOfOnOneLine(String folder) throws Exception {
        List<String> words = List.of("ballast", "batch", "--resume", folder);
        for (String printed : List.of(ShellWords.command(words.toArray()), ShellWords.join(words))) {
            assertEquals(words, bash(printed), printed);
            assertTrue(printed.chars().noneMatch(Character::isISOControl), printed);
        }
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/tmp/my dir", "/tmp/my batch's run"})
    void aPathWithASpaceOrAnApostropheReadsInDoubleQuotesInASentence(String folder) {
        assertEquals("ballast status \"" + folder + "\"", ShellWords.command("ballast", "status", folder));
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"/tmp/plain-dir_1", "results/baseline/batch-20261202T120000Z"})
    void aPlainPathIsPrintedAsItIs(String folder) {
        assertEquals("ballast status " + folder, ShellWords.command("ballast", "status", folder));
        assertTrue(ShellWords.quote(folder).equals(folder));
    }

    /** Returns the words bash makes of {@code line}, quotes and expansions applied (a misquoted word changes). */
    private static List<String> bash(String line) throws Exception {
        Process p = new ProcessBuilder("bash", "-c", "set -- " + line + "; printf '%s\\0' \"$@\"").start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(10, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8));
        return List.of(out.split("\0", -1)).subList(0, out.split("\0", -1).length - 1);
    }
}
