package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tests that check "every shipped scenario" check the scenarios git tracks, not whatever a user
 * saved in {@code scenarios/}: a broken draft there must not fail {@code ./mvnw test}.
 */
class ShippedScenariosTest {
    @TempDir
    Path dir;

    @Test
    void anUntrackedDraftInScenariosIsNotAShippedScenario() throws Exception {
        Path scenarios = Files.createDirectories(dir.resolve("scenarios/data"));
        Files.writeString(scenarios.resolveSibling("baseline.yaml"), "name: baseline\n");
        Files.writeString(scenarios.resolveSibling("notes.txt"), "not a scenario\n");
        Files.writeString(scenarios.resolve("nested.yaml"), "name: nested\n");
        git("init", "-q");
        git("add", "scenarios");
        Files.writeString(scenarios.resolveSibling("draft.yaml"), "name: [broken\n");
        assertEquals(List.of(dir.resolve("scenarios/baseline.yaml")), Fixtures.shippedScenarios(dir));
    }

    @Test
    void theShippedScenariosAreTheTrackedOnes() {
        List<Path> shipped = Fixtures.shippedScenarios();
        assertTrue(shipped.contains(Path.of("scenarios/baseline.yaml")), shipped.toString());
        assertTrue(shipped.stream().allMatch(Files::isRegularFile), shipped.toString());
    }

    private void git(String... args) throws Exception {
        List<String> command = new java.util.ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertEquals(0, p.waitFor(), out);
    }
}
