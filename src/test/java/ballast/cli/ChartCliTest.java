package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code batch} draws its charts; {@code chart} redraws them from the tables; {@code compare} puts batches side by side. */
class ChartCliTest {
    private static final List<String> CHARTS = List.of("allies_fan", "retention", "shares", "survival");

    @TempDir
    Path dir;

    private Path batch(String scenario, String name) {
        Path out = dir.resolve(name);
        Cli cli = Cli.run("batch", "scenarios/" + scenario + ".yaml", "-n", "600", "--out", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        return out;
    }

    private static List<String> names(Path folder) throws Exception {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void aBatchDrawsItsChartsAndChartRedrawsThemAtAnotherSizeWithoutRerunning() throws Exception {
        // The batch runs a copy of the scenarios, which is deleted before `chart`: the model cannot run again.
        Path scenarios = dir.resolve("scenarios");
        try (Stream<Path> files = Files.walk(Path.of("scenarios"))) {
            for (Path f : files.toList()) {
                Files.copy(f, scenarios.resolve(Path.of("scenarios").relativize(f).toString()));
            }
        }
        Path b = dir.resolve("b");
        Cli ran = Cli.run("batch", scenarios.resolve("baseline.yaml").toString(), "-n", "600", "--out", b.toString());
        assertEquals(0, ran.exitCode(), ran.err());
        List<String> expected = CHARTS.stream()
                .flatMap(c -> Stream.of(c + ".pdf", c + ".png", c + ".svg")).sorted().toList();
        assertEquals(expected, names(b.resolve("charts/7in")));
        try (Stream<Path> files = Files.walk(scenarios)) {
            for (Path f : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }

        Cli cli = Cli.run("chart", b.toString(), "--width", "3.5in", "--format", "pdf,png");
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(b.resolve("charts/3.5in") + System.lineSeparator(), cli.out());
        assertEquals(CHARTS.stream().flatMap(c -> Stream.of(c + ".pdf", c + ".png")).sorted().toList(),
                names(b.resolve("charts/3.5in")));

        Cli again = Cli.run("chart", b.toString(), "--width", "3.5in", "--format", "pdf");
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists") && again.err().contains("--replace"), again.err());
        assertEquals(0, Cli.run("chart", b.toString(), "--width", "3.5in", "--format", "pdf", "--replace").exitCode());
    }

    @Test
    void badChartArgumentsAreOneClearLineAndExitCode2() throws Exception {
        Path b = batch("baseline", "b");
        Cli narrow = Cli.run("chart", b.toString(), "--width", "1in");
        assertEquals(2, narrow.exitCode());
        assertTrue(narrow.err().contains("chart width must be between 2in and 20in"), narrow.err());
        Cli gif = Cli.run("chart", b.toString(), "--format", "png,gif");
        assertEquals(2, gif.exitCode());
        assertTrue(gif.err().contains("unknown chart format 'gif'"), gif.err());
        Cli notBatch = Cli.run("chart", dir.toString());
        assertEquals(2, notBatch.exitCode());
        assertTrue(notBatch.err().contains("not a finished results folder"), notBatch.err());
        assertFalse(notBatch.err().contains("Exception"), notBatch.err());
        assertFalse(Files.exists(dir.resolve("charts")), "nothing written for a bad folder");
    }

    @Test
    void compareWritesTablesChartsAndAManifestIntoANewFolder() throws Exception {
        Path base = batch("baseline", "base");
        Path noJapan = batch("no-japan", "nojapan");
        Path out = dir.resolve("cmp");
        Cli cli = Cli.run("compare", base.toString(), noJapan.toString(), "--out", out.toString(), "--width", "3.5in");
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("baseline," + base + ",600,2035-06,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("no-japan,"), csv.get(2));
        assertTrue(Files.readString(out.resolve("compare.tex")).contains("\\toprule"));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"kind\" : \"compare\""));
        assertEquals(List.of("compare_horizon.pdf", "compare_horizon.png", "compare_horizon.svg",
                "compare_paths.pdf", "compare_paths.png", "compare_paths.svg"), names(out.resolve("charts/3.5in")));

        Cli exists = Cli.run("compare", base.toString(), noJapan.toString(), "--out", out.toString());
        assertEquals(2, exists.exitCode());
        Cli one = Cli.run("compare", base.toString());
        assertEquals(2, one.exitCode());
    }
}
