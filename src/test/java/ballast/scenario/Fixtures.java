package ballast.scenario;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

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

    /** Returns the shipped scenarios: the {@code scenarios/*.yaml} that git tracks in this checkout. */
    static List<Path> shippedScenarios() {
        return shippedScenarios(Path.of(""));
    }

    /**
     * Returns the {@code scenarios/*.yaml} that git tracks in the checkout at {@code root}, sorted,
     * resolved against {@code root}. A draft a user saved in {@code scenarios/} is not shipped, so
     * the tests that check every shipped scenario do not check it.
     */
    static List<Path> shippedScenarios(Path root) {
        try {
            Process git = new ProcessBuilder("git", "ls-files", "-z", "--", "scenarios")
                    .directory(root.toAbsolutePath().toFile()).redirectErrorStream(true).start();
            String out = new String(git.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (git.waitFor() != 0) {
                throw new IllegalStateException("git ls-files in " + root.toAbsolutePath() + " failed: " + out);
            }
            Path folder = Path.of("scenarios");
            return Arrays.stream(out.split("\0")).filter(s -> !s.isEmpty()).map(Path::of)
                    .filter(p -> folder.equals(p.getParent()) && p.getFileName().toString().endsWith(".yaml"))
                    .map(root::resolve).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
