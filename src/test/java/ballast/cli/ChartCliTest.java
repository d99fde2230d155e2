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

    /** Runs a sweep of Japan's engagement scale over three points, {@code n} replications each, into {@code name}. */
    private Path sweep(String name, String n) {
        Path out = dir.resolve(name);
        Cli cli = Cli.run("sweep", "scenarios/baseline.yaml", "--param", "patrons.japan.engagementScale=0:2:3", "-n",
                n, "--out", out.toString());
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

    /**
     * Runs {@code chart} on {@code folder} and checks it refuses with exit code 2 and one line naming
     * {@code table} (and {@code what}), no exception class or stack trace, and draws nothing.
     */
    private static void refused(Path folder, String table, String what) throws Exception {
        Cli cli = Cli.run("chart", folder.toString(), "--width", "3.5in", "--format", "png");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("ballast: " + folder.resolve(table)), cli.err());
        assertTrue(cli.err().contains(what), cli.err());
        assertFalse(cli.err().contains("Exception") || cli.err().contains("internal error"), cli.err());
        assertFalse(Files.exists(folder.resolve("charts/3.5in")), "nothing drawn");
    }

    /** Copies the results folder {@code from} to a new folder {@code name}, for damaging one of its tables. */
    private Path copy(Path from, String name) throws Exception {
        Path to = Files.createDirectory(dir.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    @Test
    void aTableThatIsNotUtf8IsRefusedNamingItsFileAndLine() throws Exception {
        Path b = batch("baseline", "b");
        // Bytes that are not UTF-8 after the last of its 13 lines: line 14. The same far into a long table,
        // past what the parser reads ahead, used to be an internal error.
        Path short_ = copy(b, "short");
        Files.write(short_.resolve("countries.csv"), new byte[] {(byte) 0xff, (byte) 0xfe},
                java.nio.file.StandardOpenOption.APPEND);
        refused(short_, "countries.csv", "countries.csv:14: not UTF-8 text");
        Files.write(b.resolve("survival.csv"), new byte[] {(byte) 0xff}, java.nio.file.StandardOpenOption.APPEND);
        refused(b, "survival.csv", "survival.csv:" + (1 + 120 * 12 + 1) + ": not UTF-8 text");
    }

    @Test
    void aTableWithNoRowsOrANegativeCountIsRefusedNamingItsFile() throws Exception {
        Path sweep = sweep("sweep", "10");
        Path table = sweep.resolve("sweep.csv");
        Files.writeString(table, Files.readAllLines(table).get(0) + "\n");
        refused(sweep, "sweep.csv", "has 0 of the 3 design points the manifest lists");

        // Every number of allies_by_month.csv negated: the first is refused, with its line.
        Path b = batch("baseline", "b");
        Path allies = b.resolve("allies_by_month.csv");
        List<String> lines = Files.readAllLines(allies);
        StringBuilder negated = new StringBuilder(lines.get(0)).append('\n');
        for (String line : lines.subList(1, lines.size())) {
            negated.append(line.replaceAll(",(?=[0-9])", ",-")).append('\n');
        }
        Files.writeString(allies, negated);
        refused(b, "allies_by_month.csv", "allies_by_month.csv:2: allies_mean is -");
    }

    @Test
    void aTableWhoseColumnsDoNotLineUpWithItsHeaderIsRefusedNotReadUnderWrongNames() throws Exception {
        Path b = batch("baseline", "b");
        List<String> lines = Files.readAllLines(b.resolve("countries.csv"));
        // A repeated name in the header (the rows then one value short) was read with every column shifted.
        Path repeated = copy(b, "repeated");
        List<String> shifted = new java.util.ArrayList<>(lines);
        shifted.set(0, "country," + lines.get(0));
        Files.write(repeated.resolve("countries.csv"), shifted);
        refused(repeated, "countries.csv", "countries.csv:1: not a table's header: a column name is empty or repeated");
        Path empty = copy(b, "empty");
        List<String> blank = new java.util.ArrayList<>(lines);
        blank.set(0, lines.get(0).replaceFirst("^[^,]*", ""));
        Files.write(empty.resolve("countries.csv"), blank);
        refused(empty, "countries.csv", "countries.csv:1: not a table's header"); // was an internal error
        Path extra = copy(b, "extra");
        List<String> longer = new java.util.ArrayList<>(lines);
        longer.set(3, lines.get(3) + ",1");
        Files.write(extra.resolve("countries.csv"), longer);
        refused(extra, "countries.csv", "countries.csv:4: has " + (lines.get(0).split(",").length + 1)
                + " values, the header " + lines.get(0).split(",").length + " columns");
    }

    @Test
    void aTableCutShortIsRefusedSayingWhatTheManifestListsThatItLacks() throws Exception {
        Path b = batch("baseline", "b");
        Path states = copy(b, "states");
        Files.write(states.resolve("countries.csv"), Files.readAllLines(b.resolve("countries.csv")).subList(0, 5));
        refused(states, "countries.csv", "has 4 of the 12 states the manifest lists");
        Path months = copy(b, "months");
        Files.write(months.resolve("allies_by_month.csv"),
                Files.readAllLines(b.resolve("allies_by_month.csv")).subList(0, 100));
        refused(months, "allies_by_month.csv", "has 99 of the 120 months the manifest lists");
        Path survival = copy(b, "survival");
        Files.write(survival.resolve("survival.csv"),
                Files.readAllLines(b.resolve("survival.csv")).subList(0, 1 + 12 * 60));
        refused(survival, "survival.csv", "has 60 of the 120 months the manifest lists");
    }

    @Test
    void compareOfBatchFoldersWritesTablesChartsAndAManifestAndChartRedrawsThem() throws Exception {
        Path base = batch("baseline", "base");
        Path noJapan = batch("no-japan", "nojapan");
        Path out = dir.resolve("cmp");
        Cli cli = Cli.run("compare", base.toString(), noJapan.toString(), "--out", out.toString(), "--width", "3.5in");
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> csv = Files.readAllLines(out.resolve("compare.csv"));
        assertEquals(3, csv.size());
        assertTrue(csv.get(1).startsWith("baseline," + base + ",600,2035-06,"), csv.get(1));
        assertTrue(csv.get(2).startsWith("no-japan,"), csv.get(2));
        assertEquals(1 + 2 * 120, Files.readAllLines(out.resolve("compare_paths.csv")).size());
        assertTrue(Files.readString(out.resolve("compare.tex")).contains("\\toprule"));
        assertTrue(Files.readString(out.resolve("manifest.json")).contains("\"kind\" : \"compare\""));
        assertEquals(List.of("compare_horizon.pdf", "compare_horizon.png", "compare_horizon.svg",
                "compare_paths.pdf", "compare_paths.png", "compare_paths.svg"), names(out.resolve("charts/3.5in")));

        // `chart` redraws a comparison from its own tables, like any results folder.
        byte[] before = Files.readAllBytes(out.resolve("compare.csv"));
        Cli redraw = Cli.run("chart", out.toString(), "--format", "pdf");
        assertEquals(0, redraw.exitCode(), redraw.err());
        assertEquals(List.of("compare_horizon.pdf", "compare_paths.pdf"), names(out.resolve("charts/7in")));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(out.resolve("compare.csv"))));

        Cli exists = Cli.run("compare", base.toString(), noJapan.toString(), "--out", out.toString());
        assertEquals(2, exists.exitCode());
        Cli one = Cli.run("compare", base.toString());
        assertEquals(2, one.exitCode());
        assertTrue(one.err().contains("two or more batch folders"), one.err());
    }

    @Test
    void aPairedComparisonGivesTheSameBytesOnOneAndTwoThreadsAndChartRedrawsIt() throws Exception {
        List<String> tables = List.of("compare.csv", "compare.tex", "compare_paths.csv", "compare_states.csv",
                "compare_states.tex", "compare_allies_change.csv");
        Path[] outs = {dir.resolve("p1"), dir.resolve("p2")};
        for (int k = 0; k < 2; k++) {
            Cli cli = Cli.run("compare", "--reference", "scenarios/baseline.yaml", "scenarios/no-japan.yaml",
                    "scenarios/japan-doubled.yaml", "-n", "600", "--threads", Integer.toString(k + 1), "--out",
                    outs[k].toString(), "--format", "png");
            assertEquals(0, cli.exitCode(), cli.err());
        }
        for (String t : tables) {
            assertTrue(java.util.Arrays.equals(Files.readAllBytes(outs[0].resolve(t)),
                    Files.readAllBytes(outs[1].resolve(t))), t + " differs between 1 and 2 threads");
        }
        List<String> states = Files.readAllLines(outs[0].resolve("compare_states.csv"));
        assertEquals(1 + 2 * 12, states.size(), "a row per scenario compared and state");
        assertTrue(states.get(1).startsWith("no-japan,baseline,BLZ,Belize,600,"), states.get(1));
        List<String> change = Files.readAllLines(outs[0].resolve("compare_allies_change.csv"));
        assertEquals(3, change.size());
        assertEquals(List.of("compare_horizon.png", "compare_paths.png", "compare_states.png"),
                names(outs[0].resolve("charts/7in")));
        Cli redraw = Cli.run("chart", outs[0].toString(), "--width", "3.5in", "--format", "pdf");
        assertEquals(0, redraw.exitCode(), redraw.err());
        assertEquals(List.of("compare_horizon.pdf", "compare_paths.pdf", "compare_states.pdf"),
                names(outs[0].resolve("charts/3.5in")));
    }

    @Test
    void scenariosThatCannotBePairedAreRefusedWithOneLineAndNothingIsWritten() throws Exception {
        Path fewer = Files.writeString(dir.resolve("fewer.yaml"), "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\nname: fewer\ncountries:\n  HTI: {include: "
                + "false}\n");
        Path out = dir.resolve("refused");
        Cli cli = Cli.run("compare", "--reference", "scenarios/baseline.yaml", fewer.toString(), "-n", "10", "--out",
                out.toString());
        assertEquals(2, cli.exitCode());
        assertEquals("ballast: " + fewer + ": cannot be compared state by state with the reference "
                + "scenarios/baseline.yaml: its states differ from the reference's; it lacks HTI", cli.err().strip());
        assertFalse(Files.exists(out));
        Cli mixed = Cli.run("compare", dir.toString(), dir.toString(), "-n", "10");
        assertEquals(2, mixed.exitCode());
        assertTrue(mixed.err().contains("-n, --threads and --seed are for a paired comparison"), mixed.err());
    }

    @Test
    void aSweepOverOneParameterDrawsLineChartsAndEverySweepWritesATable() throws Exception {
        Path out = sweep("sweep", "30");
        assertEquals(List.of("sweep_allies.pdf", "sweep_allies.png", "sweep_allies.svg", "sweep_gdp_share.pdf",
                "sweep_gdp_share.png", "sweep_gdp_share.svg"), names(out.resolve("charts/7in")));
        String tex = Files.readString(out.resolve("sweep.tex"));
        assertTrue(tex.contains("Japan engagement scale") || tex.contains("Japan\\\\ engagement"), tex);
    }

    @Test
    void helpListsExitCode130AndChartPromisesOnlyChartsItDraws() {
        Cli help = Cli.run("--help");
        assertTrue(help.out().replaceAll("\\s+", " ").contains("130 interrupted by Ctrl-C"), help.out());
        String chart = Cli.run("chart", "--help").out().replaceAll("\\s+", " ");
        assertFalse(chart.contains("backtest_countries"), chart);
        assertTrue(chart.contains("compare: compare_horizon, compare_paths"), chart);
    }
}
