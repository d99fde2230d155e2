package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: what it writes, prints and exits with. */
class CliTest {
    private static final String BASELINE = "scenarios/baseline.yaml";

    @TempDir
    Path dir;

    @Test
    void aRunOfThreeMonthTicksLabelsRowsAndSwitchesByTheTicksLastMonthAsABatchDoes() throws Exception {
        Path quarterly = Files.writeString(dir.resolve("q.yaml"), "extends: "
                + Path.of(BASELINE).toAbsolutePath() + "\nname: q\ntickMonths: 3\nrule: {toPrcPerYear: 0.5}\n");
        Path out = dir.resolve("q-run");
        Cli cli = Cli.run("run", quarterly.toString(), "--out", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> allies = Files.readAllLines(out.resolve("allies.csv"));
        assertEquals(1 + 40, allies.size());
        assertTrue(allies.get(1).startsWith("2025-09,"), allies.get(1));            // July to September
        assertTrue(allies.get(40).startsWith("2035-06,"), allies.get(40));          // the horizon
        List<String> switches = Files.readAllLines(out.resolve("switches.csv"));
        assertTrue(switches.size() > 1, "a base rate of 0.5 a year moves someone in ten years");
        for (String row : switches.subList(1, switches.size())) {
            int month = Integer.parseInt(row.substring(5, 7));
            assertEquals(0, month % 3, "a switch is labelled with its tick's last month: " + row);
        }
    }

    @Test
    void runWritesItsTablesAndPrintsTheFolder() throws Exception {
        Path out = dir.resolve("one");
        Cli cli = Cli.run("run", BASELINE, "--out", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(out + System.lineSeparator(), cli.out(), "stdout holds only the results path");
        assertEquals(List.of("allies.csv", "events.csv", "manifest.json", "money.csv", "switches.csv"), listing(out));
        List<String> allies = Files.readAllLines(out.resolve("allies.csv"));
        assertEquals("month,roc_allies,prc_recognisers,roc_gdp_share,roc_population_share", allies.get(0));
        assertEquals(1 + 120, allies.size(), "a header and one row per month of the ten-year horizon");
        assertTrue(Files.readAllLines(out.resolve("switches.csv")).get(0)
                .startsWith("month,country,from,to,hazard,pull,ballast,"));
        List<String> money = Files.readAllLines(out.resolve("money.csv"));
        assertEquals("month,patron,country,kind,usd_millions_per_year,points", money.get(0));
        assertEquals(1 + 120 * 3 * 12, money.size(), "a row per month, state and patron that spends (prc, roc, japan)");
        assertEquals("month,event,country,patron,detail,value,note",
                Files.readAllLines(out.resolve("events.csv")).get(0));

        JsonNode manifest = new ObjectMapper().readTree(out.resolve("manifest.json").toFile());
        assertEquals("baseline", manifest.at("/scenario/name").asText());
        assertEquals(64, manifest.at("/scenario/sha256").asText().length());
        assertEquals(20250701, manifest.at("/masterSeed").asLong());
        assertEquals("ballast run " + BASELINE + " --out " + out, manifest.at("/commandLine").asText());
        assertEquals(120, manifest.at("/scenario/resolved/horizonMonths").asInt());
        assertFalse(manifest.at("/startedAt").asText().isEmpty());
    }

    @Test
    void sameSeedGivesTheSameBytesAndAnotherSeedDoesNot() throws Exception {
        assertEquals(0, Cli.run("run", BASELINE, "--seed", "7", "--out", dir.resolve("a").toString()).exitCode());
        assertEquals(0, Cli.run("run", BASELINE, "--seed", "7", "--out", dir.resolve("b").toString()).exitCode());
        assertEquals(0, Cli.run("run", BASELINE, "--seed", "8", "--out", dir.resolve("c").toString()).exitCode());
        for (String table : List.of("allies.csv", "switches.csv", "money.csv", "events.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("a").resolve(table)),
                    Files.readAllBytes(dir.resolve("b").resolve(table)), table);
        }
        assertFalse(Files.readString(dir.resolve("a/switches.csv")).equals(Files.readString(dir.resolve("c/switches.csv")))
                && Files.readString(dir.resolve("a/allies.csv")).equals(Files.readString(dir.resolve("c/allies.csv"))),
                "another seed gives another history");
    }

    @Test
    void anExistingFolderIsNeverOverwritten() throws Exception {
        Path out = dir.resolve("once");
        assertEquals(0, Cli.run("run", BASELINE, "--out", out.toString()).exitCode());
        byte[] before = Files.readAllBytes(out.resolve("allies.csv"));
        Cli again = Cli.run("run", BASELINE, "--seed", "99", "--out", out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("already exists"), again.err());
        assertArrayEquals(before, Files.readAllBytes(out.resolve("allies.csv")));
    }

    @Test
    void anOutFolderThatCannotBeMadeIsOneLineWithoutAJavaExceptionName() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli cli = Cli.run("run", BASELINE, "--out", file.resolve("x").toString());
        assertTrue(cli.exitCode() != 0);
        assertEquals(1, cli.err().lines().count(), cli.err());
        assertTrue(cli.err().startsWith("ballast: " + file), cli.err());
        // And a folder under one that does not exist, where the file system refuses to make it.
        Cli missing = Cli.run("run", BASELINE, "--out", "/proc/no-such-folder/x");
        assertEquals(1, missing.exitCode());
        assertEquals("ballast: /proc/no-such-folder: no such file or folder", missing.err().strip());
        assertFalse(cli.err().contains("Exception"), cli.err());
    }

    @Test
    void aFileWhereTheResultsFolderMustGoIsNamedAsAFileNotAsResultsAlreadyThere() throws Exception {
        Path file = Files.writeString(dir.resolve("a-file"), "x");
        Cli cli = Cli.run("run", BASELINE, "--out", file.resolve("x").toString());
        assertEquals("ballast: " + file + ": is a file, not a folder, so no results folder can be made in it",
                cli.err().strip());
        // The default folder results/<name>/ being a file is refused the same way, without "choose another --out".
        Files.createDirectories(dir.resolve("root"));
        Files.writeString(dir.resolve("root/baseline"), "x");
        Cli byDefault = Cli.runWith(c -> {
            if (c instanceof OutputOptions o) {
                o.root = dir.resolve("root");
            }
        }, "run", BASELINE);
        assertEquals("ballast: " + dir.resolve("root/baseline").toAbsolutePath()
                + ": is a file, not a folder, so no results folder can be made in it", byDefault.err().strip());
    }

    @Test
    void anEmptyPathIsRefusedByItsOptionNotTakenForTheWorkingDirectory() {
        Cli out = Cli.run("run", BASELINE, "--out", "");
        assertEquals(2, out.exitCode());
        assertTrue(out.err().startsWith("ballast: Invalid value for option '--out': an empty path names no file or "
                + "folder"), out.err());
        Cli scenario = Cli.run("validate", "");
        assertEquals(2, scenario.exitCode());
        assertTrue(scenario.err().contains("an empty path names no file or folder"), scenario.err());
    }

    @Test
    void aPathWithALineBreakStaysOneLineInEveryMessage() throws Exception {
        Path odd = dir.resolve("two\nlines.yaml");
        Cli validate = Cli.run("validate", odd.toString());
        assertEquals(2, validate.exitCode());
        assertTrue(validate.err().startsWith(dir + "/two\\nlines.yaml: "), validate.err());
        assertEquals(2, validate.err().lines().count(), validate.err()); // the problem and the summary
        Path file = Files.writeString(dir.resolve("a\nb"), "x");
        Cli run = Cli.run("run", BASELINE, "--out", file.resolve("c").toString());
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("a\\nb: is a file"), run.err());
    }

    @Test
    void resultsFoldersAreAsReadableAsTheUmaskMakesOtherFolders() throws Exception {
        Path out = dir.resolve("shared");
        assertEquals(0, Cli.run("run", BASELINE, "--out", out.toString()).exitCode());
        // A folder made beside it the ordinary way has what the umask gives; a temporary folder would be rwx------.
        Path plain = Files.createDirectory(dir.resolve("plain"));
        assertEquals(Files.getPosixFilePermissions(plain), Files.getPosixFilePermissions(out));
    }

    @Test
    void aFailedWriteSaysWhyInTheSystemsWordsWithoutJavaClassNames() {
        java.io.IOException full = new java.io.IOException("No space left on device");
        String said = Errors.ioMessage(new javax.imageio.IIOException("I/O error writing PNG file!", full));
        assertTrue(said.startsWith("cannot write: No space left on device; free some space"), said);
        assertFalse(said.contains("Exception") || said.contains("java."), said);
        String coding = Errors.ioMessage(new java.nio.charset.MalformedInputException(1));
        assertEquals("a file read is not UTF-8 text (save it as UTF-8)", coding);
        assertEquals("I/O error: Broken pipe", Errors.ioMessage(new java.io.IOException("Broken pipe")));
    }

    @Test
    void anInterruptedComparisonSaysSoAndWritesNothing() throws Exception {
        Path out = dir.resolve("cmp");
        Path log = dir.resolve("compare.log");
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), "ballast.cli.BallastCommand", "compare", "--reference",
                BASELINE, "scenarios/no-japan.yaml", "-n", "1000000", "--threads", "1", "--out", out.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (child.isAlive() && !Files.readString(log).contains("ballast: comparing")
                && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertTrue(child.isAlive(), Files.readString(log));
        child.destroy(); // SIGTERM, as Ctrl-C
        assertTrue(child.waitFor(60, java.util.concurrent.TimeUnit.SECONDS));
        assertEquals(143, child.exitValue(), Files.readString(log)); // the JVM's code for SIGTERM (130 for SIGINT)
        assertTrue(Files.readString(log).contains("ballast: interrupted; a comparison is not resumable and nothing was "
                + "written"), Files.readString(log));
        assertFalse(Files.exists(out), "nothing written");
    }

    @Test
    void resumingAFinishedFolderNamesWhatItHoldsNotWhatWasAskedFor() throws Exception {
        Path run = dir.resolve("a-run");
        assertEquals(0, Cli.run("run", BASELINE, "--out", run.toString()).exitCode());
        for (String command : List.of("batch", "sweep", "sensitivity")) {
            Cli resumed = Cli.run(command, "--resume", run.toString());
            assertTrue(resumed.err().contains("cannot resume: it is a finished run (it has manifest.json)"),
                    command + ": " + resumed.err());
        }
    }

    @Test
    void anEmptyFolderLeftByAStoppedJobIsRefusedWithWhatToDelete() throws Exception {
        // A job killed before it moved its results in (a merge at its time limit, say) leaves its claim empty.
        Path out = Files.createDirectory(dir.resolve("claimed"));
        Cli again = Cli.run("run", BASELINE, "--out", out.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains(out + " already exists, empty: a job that was stopped before its results were "
                + "moved in leaves it so; if no job is writing it, delete it"), again.err());
        assertTrue(again.err().contains(".claimed.partial-*"), again.err());
        assertEquals(1, again.err().lines().count(), again.err());
    }

    @Test
    void aBrokenScenarioGivesItsProblemsExitCode2AndWritesNothing() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), Files.readString(Path.of(BASELINE))
                .replace("horizonMonths: 120", "horizonMonths: 0")
                .replace("data/", Path.of("scenarios/data").toAbsolutePath() + "/")
                .replace("extends: params/", "extends: " + Path.of("scenarios/params").toAbsolutePath() + "/"));
        Path out = dir.resolve("never");
        Cli cli = Cli.run("run", bad.toString(), "--out", out.toString());
        assertEquals(2, cli.exitCode());
        assertEquals("", cli.out());
        assertTrue(cli.err().startsWith(bad + ":21:16: horizonMonths: must be between 1 and 1200, got 0"), cli.err());
        assertFalse(cli.err().contains("Exception"), "no stack trace: " + cli.err());
        assertFalse(cli.err().contains("\tat "), "no stack trace: " + cli.err());
        assertFalse(Files.exists(out));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(bad), left.toList(), "no temporary folder is left behind");
        }
    }

    @Test
    void aMissingScenarioFileIsAClearError() {
        Cli cli = Cli.run("run", dir.resolve("nope.yaml").toString(), "--out", dir.resolve("x").toString());
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("nope.yaml"), cli.err());
        assertFalse(cli.err().contains("\tat "), cli.err());
    }

    @Test
    void validateSaysOkOrListsProblemsAndWritesNothing() throws Exception {
        Cli ok = Cli.run("validate", BASELINE, "scenarios/no-japan.yaml", "scenarios/backtest-rolling.yaml");
        assertEquals(0, ok.exitCode(), ok.err());
        assertTrue(ok.out().contains("baseline.yaml: ok (baseline: 12 states, 4 patrons, 28 events, 2025-07 to 2035-06)"),
                ok.out());
        assertTrue(ok.out().contains("no-japan.yaml: ok"), ok.out());
        // A rolling back-test says the years it forecasts, not the span of its first forecast.
        assertTrue(ok.out().contains("one-year forecasts from each January 2008 to 2024)"), ok.out());

        Path bad = Files.writeString(dir.resolve("bad.yaml"), "extends: nowhere.yaml\n");
        Cli no = Cli.run("validate", BASELINE, bad.toString());
        assertEquals(2, no.exitCode());
        assertTrue(no.err().contains(bad + ":1:10: extends: file not found"), no.err());
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(1, left.count());
        }
    }

    @Test
    void helpListsEveryCommandAndEachCommandHasItsOwnHelp() {
        Cli cli = Cli.run("--help");
        assertEquals(0, cli.exitCode());
        Set<String> commands = new CommandLine(new BallastCommand()).getSubcommands().keySet();
        assertTrue(commands.size() >= 10, commands.toString());
        for (String command : commands) {
            assertTrue(cli.out().contains("\n  " + command + " "), command + " in\n" + cli.out());
            Cli help = Cli.run(command, "--help");
            assertEquals(0, help.exitCode(), command + ": " + help.err());
            assertTrue(help.out().contains("Usage: ballast " + command), command + ": " + help.out());
        }
        for (String command : commands) {
            if (!command.equals("help")) {
                Cli version = Cli.run(command, "--version");
                assertEquals(0, version.exitCode(), command + ": " + version.err());
                assertTrue(version.out().startsWith("Ballast "), command + " --version said: " + version.out());
            }
        }
        Cli run = Cli.run("run", "--help");
        assertTrue(run.out().contains("--seed"), run.out());
        assertTrue(run.out().contains("--out"), run.out());
        assertTrue(cli.out().contains("130"), "the exit codes include Ctrl-C's");
    }

    @Test
    void anUnknownCommandIsExitCode2AndOneLineWithADidYouMean() {
        for (String[] args : List.of(new String[] {"frobnicate", "--help"}, new String[] {"frobnicate"},
                new String[] {"--help", "frobnicate"})) {
            Cli cli = Cli.run(args);
            assertEquals(2, cli.exitCode(), String.join(" ", args));
            assertEquals("", cli.out(), "no help on stdout for " + String.join(" ", args));
            assertEquals(1, cli.err().lines().count(), cli.err());
            assertTrue(cli.err().startsWith("ballast: unknown command 'frobnicate'; the commands are batch, run"),
                    cli.err());
        }
        Cli typo = Cli.run("sweeep", "scenarios/baseline.yaml");
        assertEquals(2, typo.exitCode());
        assertTrue(typo.err().contains("unknown command 'sweeep' (did you mean 'sweep'?)"), typo.err());
    }

    @Test
    void aBadArgumentIsExitCode2WithoutAStackTrace() {
        String out = dir.resolve("never").toString();
        Cli unknown = Cli.run("run", BASELINE, "--sed", "3", "--out", out);
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("--sed"), unknown.err());
        Cli notANumber = Cli.run("run", BASELINE, "--seed", "soon", "--out", out);
        assertEquals(2, notANumber.exitCode());
        assertTrue(notANumber.err().contains("soon"), notANumber.err());
        Cli negative = Cli.run("run", BASELINE, "--seed", "-1", "--out", out);
        assertEquals(2, negative.exitCode(), negative.err());
        assertTrue(negative.err().contains("--seed must be at least 0, got -1"), negative.err());
        Cli none = Cli.run();
        assertEquals(2, none.exitCode());
        assertFalse(Files.exists(Path.of(out)));
    }

    @Test
    void calibrateRefusesATrainingWindowWithoutAMoveInEachDirectionBeforeAnyWork() throws Exception {
        // Counted by the calibration's replay: 1990-01 holds no move (26 ally-months); 1990-01 to 1991-12 one move
        // to Beijing (Saudi Arabia, 664 ally-months) and none back (17 months at risk); the first move back the fit
        // scores is Nauru's, 2005-05. Before the refusal, both windows wrote a calibrated.yaml with variance 100.
        Path out = dir.resolve("never");
        Cli empty = Cli.run("calibrate", "--train", "1990-01:1990-01", "--out", out.toString());
        assertEquals(2, empty.exitCode(), empty.err());
        assertEquals("ballast: the training window 1990-01:1990-01 holds 0 recorded moves to Beijing (in 26 "
                + "ally-months) and 0 recorded moves back to Taipei (in 0 months at risk of moving back); toPrcPerYear "
                + "and toRocPerYear, fitted with flat priors, need at least 1 move to Beijing and 1 move back to "
                + "Taipei (the record has both by 2005-05: end the window there or later)", empty.err().strip());
        Cli oneWay = Cli.run("calibrate", "scenarios/calibration.yaml", "--train", "1990-01:1991-12", "--out",
                out.toString());
        assertEquals(2, oneWay.exitCode(), oneWay.err());
        assertTrue(oneWay.err().startsWith("ballast: the training window 1990-01:1991-12 holds 1 recorded move to "
                + "Beijing (in 664 ally-months) and 0 recorded moves back to Taipei (in 17 months at risk of moving "
                + "back); toRocPerYear, fitted with a flat prior, needs at least 1 move back to Taipei (the record's "
                + "first is in 2005-05"), oneWay.err());
        for (Cli c : List.of(empty, oneWay)) {
            assertEquals(1, c.err().lines().count(), c.err());
            assertEquals("", c.out());
        }
        assertEquals(List.of(), listing(dir), "nothing written");
    }

    @Test
    void calibrateRefusesAFitThatLeavesAParameterUndeterminedInsteadOfWritingVariance100() throws Exception {
        // A DPP president first governed in Taipei in 2000: in 1990-1991 the term is 0 in every month, so with a flat
        // prior nothing bounds its weight; the fit's curvature along it is 0 (it used to be floored to 0.01, a
        // variance of 100, and written).
        String text = Files.readString(Path.of("scenarios/calibration.yaml"))
                .replace("data/", Path.of("scenarios/data").toAbsolutePath() + "/");
        text = text.substring(0, text.indexOf("  fit:\n")) + "  fit:\n    toPrcPerYear: {prior: flat}\n"
                + "    taipeiDpp: {prior: flat}\n";
        Path scenario = Files.writeString(dir.resolve("calibration.yaml"), text);
        Path out = dir.resolve("never");
        Cli cli = Cli.run("calibrate", scenario.toString(), "--train", "1990-01:1991-12", "--out", out.toString());
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals("ballast: the training window 1990-01:1991-12 does not determine taipeiDpp: at the fit the "
                + "penalised log-likelihood is flat or not at a maximum along it (curvature under 0.01, a standard "
                + "deviation above 10 on the fitting scale); choose a longer window, give it a normal prior, or leave "
                + "it out of calibrate: fit", cli.err().lines().filter(l -> l.startsWith("ballast:")).findFirst()
                .orElse(cli.err()));
        assertFalse(cli.err().contains("Exception"), cli.err());
        assertEquals(List.of("calibration.yaml"), listing(dir), "no results folder, no temporary one");
    }

    private static List<String> listing(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
