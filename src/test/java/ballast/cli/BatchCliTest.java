package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.output.BatchFolder;
import ballast.output.JobFolder;
import ballast.output.Provenance;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballast batch} as a user runs it: determinism, resume after SIGKILL, replay of one replication. */
class BatchCliTest {
    private static final String BASELINE = "scenarios/baseline.yaml";
    private static final List<String> TABLES = List.of("allies_by_month.csv", "allies_distribution.csv",
            "shares_by_month.csv", "countries.csv", "survival.csv", "first_switch.csv", "switch_terms.csv",
            "allies_at_horizon.tex", "retention.tex", "money.csv", "money_by_year.csv");

    @TempDir
    Path dir;

    /**
     * Starts {@code ballast batch ARGS --threads 1 --out OUT} in a JVM of its own (logging to
     * {@code child.log}) and returns once it has saved its first block, or ended, or after 60 s.
     */
    private Process childBatch(Path out, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", System.getProperty("java.class.path"), "ballast.cli.BallastCommand", "batch"));
        command.addAll(List.of(args));
        command.addAll(List.of("--threads", "1", "--out", out.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(out.resolve(BatchFolder.JOURNAL)) && child.isAlive() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        return child;
    }

    @Test
    void tablesAreTheSameBytesOnOneTwoAndFourThreads() throws Exception {
        for (String threads : List.of("1", "2", "4")) {
            Cli cli = Cli.run("batch", BASELINE, "-n", "1300", "--seed", "5", "--threads", threads, "--out",
                    dir.resolve("t" + threads).toString());
            assertEquals(0, cli.exitCode(), cli.err());
            assertEquals(dir.resolve("t" + threads) + System.lineSeparator(), cli.out());
        }
        assertSameTables(dir.resolve("t1"), dir.resolve("t2"));
        assertSameTables(dir.resolve("t1"), dir.resolve("t4"));
        assertFalse(Files.exists(dir.resolve("t1").resolve(BatchFolder.JOURNAL)), "a finished batch has no journal");
        assertFalse(Files.exists(dir.resolve("t1").resolve(BatchFolder.PLAN)));
        assertTrue(Files.readString(dir.resolve("t1/manifest.json")).contains("\"replications\" : 1300"));
    }

    @Test
    void theManifestRecordsTheDataAsTheBatchReadThemThoughAFileIsEditedWhileItRuns() throws Exception {
        Path world = Files.createDirectories(dir.resolve("world"));
        Path scenario = Files.copy(Path.of(BallastTestFiles.fixture("tiny.yaml")), world.resolve("tiny.yaml"));
        Path states = Files.copy(Path.of(BallastTestFiles.fixture("states.csv")), world.resolve("states.csv"));
        String read = Provenance.sha256(states);
        Path out = dir.resolve("out");
        Process child = childBatch(out, scenario.toString(), "-n", "60000");
        assertTrue(child.isAlive(), "the batch still runs: " + Files.readString(dir.resolve("child.log")));
        Files.writeString(states, "\n", StandardCharsets.UTF_8, StandardOpenOption.APPEND);
        String edited = Provenance.sha256(states);
        assertTrue(child.waitFor(120, TimeUnit.SECONDS), "the batch ends");
        assertEquals(0, child.exitValue(), Files.readString(dir.resolve("child.log")));
        String manifest = Files.readString(out.resolve("manifest.json"));
        assertTrue(manifest.contains("\"sha256\" : \"" + read + "\""), manifest);
        assertFalse(manifest.contains(edited), "the edited file's hash is not the one the batch read");
    }

    @Test
    void anInterruptedBatchPrintsAResumeCommandTheShellTakesWhateverItsFolderIsCalled() throws Exception {
        Path out = dir.resolve("my batch's run");
        Process child = childBatch(out, BASELINE, "-n", "20000");
        child.destroy(); // SIGTERM, as Ctrl-C: the batch saves what it finished and says how to go on
        assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        String log = Files.readString(dir.resolve("child.log"));
        String resume = log.lines().filter(l -> l.startsWith("Resume with: ")).findFirst().orElseThrow(
                () -> new AssertionError(log)).substring("Resume with: ".length());
        // The shell splits the printed command into the launcher, two options and the folder, unchanged.
        Process words = new ProcessBuilder("bash", "-c", "set -- " + resume + "; printf '%s\\n' \"$@\"")
                .redirectErrorStream(true).start();
        String split = new String(words.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(words.waitFor(10, TimeUnit.SECONDS));
        assertEquals(List.of("./ballast", "batch", "--resume", out.toString()), split.lines().toList(), resume);
    }

    @Test
    void aBatchKilledMidwayResumesToTheSameBytesAsAnUninterruptedOne() throws Exception {
        Path killed = dir.resolve("killed");
        Process child = childBatch(killed, BASELINE, "-n", "8000", "--seed", "11");
        Path journal = killed.resolve(BatchFolder.JOURNAL);
        // While it runs, the folder is its own: a second --resume is refused, not run beside it.
        Cli meanwhile = Cli.run("batch", "--resume", killed.toString());
        assertTrue(child.isAlive(), "the child still runs: " + Files.readString(dir.resolve("child.log")));
        assertEquals(2, meanwhile.exitCode(), meanwhile.err());
        assertTrue(meanwhile.err().contains(killed + " is in use by another ballast process"), meanwhile.err());
        child.destroyForcibly(); // SIGKILL: no shutdown hooks, no last save
        child.waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(journal), "the child saved at least one block: " + Files.readString(
                dir.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("manifest.json")), "the child was killed before it finished");

        Cli resumed = Cli.run("batch", "--resume", killed.toString(), "--threads", "2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("ballast: resuming"), resumed.err());
        Cli whole = Cli.run("batch", BASELINE, "-n", "8000", "--seed", "11", "--out", dir.resolve("whole").toString());
        assertEquals(0, whole.exitCode(), whole.err());
        assertSameTables(dir.resolve("whole"), killed);
        assertTrue(Files.readString(killed.resolve("manifest.json")).contains("replicationsBeforeResume"));

        Cli again = Cli.run("batch", "--resume", killed.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("finished batch"), again.err());
    }

    @Test
    void aBatchCutWhileFinishingIsFinishedByAResumeWithTheSameTables() throws Exception {
        String tiny = BallastTestFiles.fixture("tiny.yaml");
        Path whole = dir.resolve("whole");
        assertEquals(0, Cli.run("batch", tiny, "-n", "1200", "--out", whole.toString()).exitCode());
        for (String step : List.of("moved charts", "plan removed")) {
            Path cut = dir.resolve("cut-" + step.replace(' ', '-'));
            Cli crashed = Cli.runWith(made -> {
                if (made instanceof BatchCommand b) {
                    b.finishing = reached -> {
                        if (reached.equals(step)) {
                            throw new IOException("power cut after " + reached);
                        }
                    };
                }
            }, "batch", tiny, "-n", "1200", "--out", cut.toString());
            assertEquals(1, crashed.exitCode(), crashed.err());
            Cli resumed = Cli.run("batch", "--resume", cut.toString());
            if (step.equals("plan removed")) {
                assertEquals(2, resumed.exitCode(), resumed.err());
                assertTrue(resumed.err().contains("finished batch"), resumed.err());
            } else {
                assertEquals(0, resumed.exitCode(), resumed.err());
            }
            assertSameTables(whole, cut);
            assertEquals(names(whole.resolve("charts/7in")), names(cut.resolve("charts/7in")));
            for (String bookkeeping : List.of(BatchFolder.PLAN, BatchFolder.JOURNAL, JobFolder.LOCK)) {
                assertFalse(Files.exists(cut.resolve(bookkeeping)), bookkeeping + " after a cut at " + step);
            }
        }
    }

    @Test
    void aDamagedJournalOrPlanIsRefusedInOneLineNamingTheFileNeverCounted() throws Exception {
        String tiny = BallastTestFiles.fixture("tiny.yaml");
        Path cut = dir.resolve("cut run"); // a space: the hint's command must still paste as one folder
        Cli crashed = Cli.runWith(made -> {
            if (made instanceof BatchCommand b) {
                b.finishing = reached -> {
                    throw new IOException("power cut after " + reached);
                };
            }
        }, "batch", tiny, "-n", "1200", "--out", cut.toString());
        assertEquals(1, crashed.exitCode(), crashed.err());
        Path journal = cut.resolve(BatchFolder.JOURNAL);
        byte[] good = Files.readAllBytes(journal);
        byte[] flipped = good.clone();
        flipped[good.length / 2] ^= 8;
        Files.write(journal, flipped);
        Cli bit = Cli.run("batch", "--resume", cut.toString());
        assertEquals(1, bit.exitCode(), bit.err());
        assertEquals("ballast: " + journal + " is damaged (its checksum does not match its contents), so it cannot be "
                + "trusted; delete it and run 'ballast batch --resume \"" + cut + "\"' to run the batch again from the "
                + "start" + System.lineSeparator(), bit.err());
        Files.write(journal, java.util.Arrays.copyOf(good, good.length - 100));
        Cli shorter = Cli.run("batch", "--resume", cut.toString());
        assertEquals(1, shorter.exitCode());
        assertTrue(shorter.err().startsWith("ballast: " + journal + " is damaged"), shorter.err());
        Files.write(journal, good);
        Path plan = cut.resolve(BatchFolder.PLAN);
        String text = Files.readString(plan);
        Files.writeString(plan, text.substring(0, text.length() / 2));
        Cli torn = Cli.run("batch", "--resume", cut.toString());
        assertEquals(1, torn.exitCode());
        assertEquals(1, torn.err().lines().count(), torn.err());
        assertTrue(torn.err().startsWith("ballast: " + plan + " is damaged (not valid JSON"), torn.err());
        Files.writeString(plan, text);
        assertEquals(0, Cli.run("batch", "--resume", cut.toString()).exitCode(), "intact again, it finishes");
    }

    @Test
    void runReplaysOneReplicationOfABatchExactly() throws Exception {
        Path batch = dir.resolve("kept");
        assertEquals(0, Cli.run("batch", BASELINE, "-n", "700", "--seed", "3", "--keep-runs", "--out",
                batch.toString()).exitCode());
        Path single = dir.resolve("single");
        Cli run = Cli.run("run", BASELINE, "--seed", "3", "--replication", "537", "--out", single.toString());
        assertEquals(0, run.exitCode(), run.err());

        List<String> kept = gunzipLines(batch.resolve("runs/paths-000001.csv.gz"));
        List<String> replayed = new ArrayList<>();
        for (String line : kept.subList(1, kept.size())) {
            if (line.startsWith("537,")) {
                replayed.add(line.substring("537,".length()));
            }
        }
        List<String> allies = Files.readAllLines(single.resolve("allies.csv"));
        assertEquals(allies.subList(1, allies.size()), replayed);

        List<String> keptSwitches = new ArrayList<>();
        for (String line : gunzipLines(batch.resolve("runs/switches-000001.csv.gz"))) {
            if (line.startsWith("537,")) {
                keptSwitches.add(line.substring("537,".length()));
            }
        }
        List<String> switches = Files.readAllLines(single.resolve("switches.csv"));
        assertEquals(switches.subList(1, switches.size()), keptSwitches);
    }

    @Test
    void aCertainOutcomeGivesExactlyTheExpectedTables() throws Exception {
        // Exposure weight 20 on full exposure makes the hazard exactly 1 in the first month; no way back.
        Path copy = Files.copy(Path.of(BallastTestFiles.fixture("states.csv")), dir.resolve("states.csv"));
        assertTrue(Files.exists(copy));
        Path scenario = Files.writeString(dir.resolve("certain.yaml"), Files.readString(
                Path.of(BallastTestFiles.fixture("tiny.yaml")))
                .replace("horizonMonths: 24", "horizonMonths: 3\nrule: {toPrcPerYear: 100, toRocPerYear: 0, exposure: 20}"
                        + "\ncountryDefaults: {prcExposure: 1}"));
        Cli cli = Cli.run("batch", scenario.toString(), "-n", "1000", "--out", dir.resolve("out").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        Path out = dir.resolve("out");
        assertEquals("""
                month,replications,allies_mean,allies_q025,allies_q10,allies_q25,allies_median,allies_q75,allies_q90,allies_q975,allies_min,allies_max
                2030-01,1000,0.000000,0,0,0,0,0,0,0,0,0
                2030-02,1000,0.000000,0,0,0,0,0,0,0,0,0
                2030-03,1000,0.000000,0,0,0,0,0,0,0,0,0
                """, Files.readString(out.resolve("allies_by_month.csv")));
        assertEquals("""
                country,month,months_from_start,runs_first_switching,share_of_runs
                TUV,2030-01,1,1000,1.000000
                TUV,2030-02,2,0,0.000000
                TUV,2030-03,3,0,0.000000
                PLW,2030-01,1,1000,1.000000
                PLW,2030-02,2,0,0.000000
                PLW,2030-03,3,0,0.000000
                PRY,2030-01,1,1000,1.000000
                PRY,2030-02,2,0,0.000000
                PRY,2030-03,3,0,0.000000
                """, Files.readString(out.resolve("first_switch.csv")));
        List<String> countries = Files.readAllLines(out.resolve("countries.csv"));
        // Wilson interval of 0 in 1000: [0, z^2 / (1000 + z^2)] = [0, 0.003827].
        assertEquals("TUV,Small Island,roc,1000,0.000000,0.000000,0.003827,1.000000,1,1,1,1.000000,0.000000",
                countries.get(1));
        assertTrue(Files.readString(out.resolve("shares_by_month.csv"))
                .contains("2030-03,gdp,0.000000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000,0.0000"));

        // The money: every state is with Taipei in the first of the three months only, so Beijing's
        // 200 a year goes to offers then (a mean of 200 / 3 over the months) and to aid never
        // (its aid share is 0); Taipei's 50 to aid then; Japan's 10 buys 10 / 12 / 25 points then.
        List<String> money = Files.readAllLines(out.resolve("money.csv"));
        assertEquals("patron,country,kind,replications,usd_millions_per_year_mean,points_per_year_mean", money.get(0));
        assertEquals(1 + 3 * 2 + 3 * 2 + 3, money.size(), "offer and aid rows per recogniser and state, engagement per partner");
        assertEquals(200.0 / 3, sumOfColumn(money, "prc", "offer", 4), 1e-5);
        assertEquals(0.0, sumOfColumn(money, "prc", "aid", 4), 0.0);
        assertEquals(50.0 / 3, sumOfColumn(money, "roc", "aid", 4), 1e-5);
        assertEquals(10.0 / 3, sumOfColumn(money, "japan", "engagement", 4), 1e-5);
        assertEquals(10.0 / 12 / 25 / 0.25, sumOfColumn(money, "japan", "engagement", 5), 1e-5, "points a year");
        assertFalse(money.stream().anyMatch(r -> r.startsWith("usa,")), "a backer spends nothing");
        List<String> byYear = Files.readAllLines(out.resolve("money_by_year.csv"));
        assertEquals("year,months,patron,country,kind,usd_millions_per_year_mean,points_per_year_mean", byYear.get(0));
        assertTrue(byYear.get(1).startsWith("2030,3,prc,TUV,offer,"), byYear.get(1));
    }

    /** Sums column {@code column} of a money table's rows for {@code patron} and {@code kind}. */
    private static double sumOfColumn(List<String> rows, String patron, String kind, int column) {
        return rows.stream().skip(1).map(r -> r.split(","))
                .filter(r -> r[0].equals(patron) && r[2].equals(kind))
                .mapToDouble(r -> Double.parseDouble(r[column])).sum();
    }

    @Test
    void badBatchArgumentsAreOneLineAndExitCode2() {
        Cli none = Cli.run("batch");
        assertEquals(2, none.exitCode());
        assertTrue(none.err().contains("name a scenario file"), none.err());
        Cli zero = Cli.run("batch", BASELINE, "-n", "0", "--out", dir.resolve("x").toString());
        assertEquals(2, zero.exitCode());
        assertTrue(zero.err().contains("-n must be at least 1, got 0"), zero.err());
        Cli both = Cli.run("batch", BASELINE, "--resume", dir.toString());
        assertEquals(2, both.exitCode());
        Cli notABatch = Cli.run("batch", "--resume", dir.toString());
        assertEquals(2, notABatch.exitCode());
        assertTrue(notABatch.err().contains("not an unfinished batch"), notABatch.err());
        assertFalse(Files.exists(dir.resolve("x")));
    }

    private static void assertSameTables(Path expected, Path actual) throws IOException {
        for (String table : TABLES) {
            assertArrayEquals(Files.readAllBytes(expected.resolve(table)), Files.readAllBytes(actual.resolve(table)),
                    table);
        }
    }

    private static List<String> names(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    private static List<String> gunzipLines(Path file) throws IOException {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(new GZIPInputStream(Files.newInputStream(file)),
                StandardCharsets.UTF_8)); Stream<String> lines = r.lines()) {
            return lines.toList();
        }
    }
}
