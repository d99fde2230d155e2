package ballast.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The test fixtures and the shipped scenarios, and copies of them to break. */
final class Fixtures {
    static final Path SCENARIOS = Path.of("scenarios");

    private Fixtures() {
    }

    static Path fixture(String name) {
        try {
            return Path.of(Fixtures.class.getResource("/fixtures/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Copies the tiny scenario and its data into {@code dir}, as {@code tiny.yaml} and {@code states.csv}. */
    static Path copyTiny(Path dir) {
        try {
            Files.copy(fixture("states.csv"), dir.resolve("states.csv"));
            return Files.copy(fixture("tiny.yaml"), dir.resolve("tiny.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes the tiny scenario with {@code from} replaced by {@code to} as {@code dir/name}. */
    static Path tinyWith(Path dir, String name, String from, String to) throws IOException {
        copyTiny(dir);
        String text = Files.readString(dir.resolve("tiny.yaml"));
        if (!from.isEmpty() && !text.contains(from)) {
            throw new IllegalArgumentException("tiny.yaml has no '" + from + "'");
        }
        return Files.writeString(dir.resolve(name), from.isEmpty() ? to : text.replace(from, to));
    }

    static List<Path> shippedScenarios() {
        try (Stream<Path> files = Files.list(SCENARIOS)) {
            return files.filter(p -> p.toString().endsWith(".yaml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
