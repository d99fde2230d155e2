package ballast.scenario;

import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.List;

/** Loads a scenario that must be refused and returns the lines a user sees. */
final class Refusals {
    private Refusals() {
    }

    /**
     * Returns the problems of loading {@code file}, one per line as printed, with the folder of
     * {@code file} left out of every path (so {@code /tmp/junit1/bad.yaml:2:10: ...} reads
     * {@code bad.yaml:2:10: ...}).
     */
    static List<String> lines(Path file) {
        ScenarioException e = assertThrows(ScenarioException.class, () -> ScenarioLoader.load(file));
        String prefix = file.toAbsolutePath().getParent() + "/";
        return e.problems().stream().map(Problem::toString).map(s -> s.replace(prefix, "")).toList();
    }
}
