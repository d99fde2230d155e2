package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.output.ExperimentFolder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballast sweep} as a user runs it: determinism over threads, resume after SIGKILL, bad ranges. */
class SweepCliTest {
    private static final String BASELINE = "scenarios/baseline.yaml";
    private static final List<String> TABLES = List.of("sweep.csv", "sweep_countries.csv");

    @TempDir
    Path dir;

    @Test
    void aGridGivesOneRowPerPointTheSameBytesOnOneAndTwoThreadsAndHeatMaps() throws Exception {
        for (String threads : List.of("1", "2")) {
            Cli cli = Cli.run("sweep", BASELINE, "--param", "patrons.japan.budgetUsdMillionsPerYear=0:120:3",
                    "--param", "rule.toPrcPerYear=0.01:0.05:2", "-n", "600", "--seed", "3", "--threads", threads,
                    "--out", dir.resolve("t" + threads).toString());
            assertEquals(0, cli.exitCode(), cli.err());
        }
        for (String t : TABLES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(t)), Files.readAllBytes(dir.resolve("t2")
                    .resolve(t)), t);
        }
        List<String> rows = Files.readAllLines(dir.resolve("t1/sweep.csv"));
        assertEquals(1 + 6, rows.size());
        assertTrue(rows.get(0).startsWith("point,patrons.japan.budgetUsdMillionsPerYear,rule.toPrcPerYear,replications,"));
        assertTrue(rows.get(1).startsWith("0,0,0.01,600,"), rows.get(1));
        assertTrue(rows.get(6).startsWith("5,120,0.05,600,"), rows.get(6));
        // Higher base rate to Beijing, fewer allies: the sweep's outputs respond to the field it varies.
        assertTrue(allies(rows.get(1)) > allies(rows.get(2)), rows.get(1) + " vs " + rows.get(2));
        assertTrue(Files.size(dir.resolve("t1/charts/7in/sweep_allies.png")) > 1000);
        assertFalse(Files.exists(dir.resolve("t1").resolve(ExperimentFolder.JOURNAL)));
    }

    @Test
    void aLatinHypercubePutsOnePointInEveryStratumOfEachRange() throws Exception {
        Cli cli = Cli.run("sweep", BASELINE, "--design", "lhs", "--points", "8", "--param",
                "countries.HTI.fragility=0:1", "--param", "rule.toPrcPerYear=0.001:0.02", "-n", "20", "--out",
                dir.resolve("lhs").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> rows = Files.readAllLines(dir.resolve("lhs/sweep.csv"));
        assertEquals(9, rows.size());
        Set<Integer> fragility = new HashSet<>();
        Set<Integer> rate = new HashSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            fragility.add((int) Math.floor(Double.parseDouble(c[1]) * 8));
            rate.add((int) Math.floor((Double.parseDouble(c[2]) - 0.001) / 0.019 * 8));
        }
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), fragility);
        assertEquals(Set.of(0, 1, 2, 3, 4, 5, 6, 7), rate);
        assertFalse(Files.exists(dir.resolve("lhs/charts")), "no heat map without a grid");
    }

    @Test
    void aSweepKilledMidwayResumesToTheSameBytesAsAnUninterruptedOne() throws Exception {
        Path killed = dir.resolve("killed");
        String[] sweep = {"sweep", BASELINE, "--param", "countries.HTI.fragility=0:1:12", "-n", "700", "--seed", "9"};
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-cp", System.getProperty("java.class.path"),
                "ballast.cli.BallastCommand"));
        command.addAll(List.of(sweep));
        command.addAll(List.of("--threads", "1", "--out", killed.toString()));
        Process child = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("child.log").toFile()).start();
        Path journal = killed.resolve(ExperimentFolder.JOURNAL);
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while ((!Files.exists(journal) || Files.size(journal) == 0) && child.isAlive()
                && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        Cli meanwhile = Cli.run("sweep", "--resume", killed.toString());
        assertTrue(child.isAlive(), "the child still runs: " + Files.readString(dir.resolve("child.log")));
        assertEquals(2, meanwhile.exitCode(), meanwhile.err());
        assertTrue(meanwhile.err().contains("is in use by another ballast process"), meanwhile.err());
        child.destroyForcibly(); // SIGKILL: no shutdown hooks
        child.waitFor(30, TimeUnit.SECONDS);
        assertTrue(Files.exists(journal), Files.readString(dir.resolve("child.log")));
        assertFalse(Files.exists(killed.resolve("manifest.json")), "the child was killed before it finished");
        // A crash in the middle of a write leaves a torn line; it must be dropped, not trusted.
        Files.writeString(journal, "3 1 700,12,0,55", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);

        Cli resumed = Cli.run("sweep", "--resume", killed.toString(), "--threads", "2");
        assertEquals(0, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("ballast: resuming"), resumed.err());
        Cli whole = Cli.run(concat(sweep, "--out", dir.resolve("whole").toString()));
        assertEquals(0, whole.exitCode(), whole.err());
        for (String t : TABLES) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("whole").resolve(t)), Files.readAllBytes(killed.resolve(t)),
                    t);
        }
        Cli again = Cli.run("sweep", "--resume", killed.toString());
        assertEquals(2, again.exitCode());
        assertTrue(again.err().contains("finished"), again.err());
    }

    @Test
    void aSweepCutWhileFinishingIsFinishedByAResumeWithTheSameTables() throws Exception {
        String[] sweep = {"sweep", BallastTestFiles.fixture("tiny.yaml"), "--param", "rule.offer=0:1:2", "--param",
            "rule.contagion=0:1:2", "-n", "40"};
        Path whole = dir.resolve("whole");
        assertEquals(0, Cli.run(concat(sweep, "--out", whole.toString())).exitCode());
        Path cut = dir.resolve("cut");
        Cli crashed = Cli.runWith(made -> {
            if (made instanceof SweepCommand c) {
                c.finishing = reached -> {
                    if (reached.equals("moved charts")) {
                        throw new java.io.IOException("power cut after " + reached);
                    }
                };
            }
        }, concat(sweep, "--out", cut.toString()));
        assertEquals(1, crashed.exitCode(), crashed.err());
        assertTrue(Files.isDirectory(cut.resolve("charts/7in")) && Files.exists(cut.resolve(ExperimentFolder.PLAN)));
        Cli resumed = Cli.run("sweep", "--resume", cut.toString());
        assertEquals(0, resumed.exitCode(), resumed.err());
        for (String t : TABLES) {
            assertArrayEquals(Files.readAllBytes(whole.resolve(t)), Files.readAllBytes(cut.resolve(t)), t);
        }
        assertTrue(Files.size(cut.resolve("charts/7in/sweep_allies.png")) > 1000);
        assertFalse(Files.exists(cut.resolve(ExperimentFolder.JOURNAL)));
    }

    @Test
    void aWrongFieldOrRangeIsOneClearLineAndNothingIsWritten() {
        Path out = dir.resolve("never");
        Cli unknown = Cli.run("sweep", BASELINE, "--param", "patrons.japan.budget=0:200:5", "--out", out.toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("did you mean 'patrons.japan.budgetUsdMillionsPerYear'"), unknown.err());
        Cli outside = Cli.run("sweep", BASELINE, "--param", "countries.HTI.fragility=0:1.5:3", "--out", out.toString());
        assertEquals(2, outside.exitCode());
        assertTrue(outside.err().contains("countries.HTI.fragility must be between 0 and 1"), outside.err());
        Cli noLevels = Cli.run("sweep", BASELINE, "--param", "countries.HTI.fragility=0:1", "--out", out.toString());
        assertEquals(2, noLevels.exitCode());
        assertTrue(noLevels.err().contains("LEVELS"), noLevels.err());
        Cli whole = Cli.run("sweep", BASELINE, "--param", "rule.contagionWindowMonths=1.5:30:3", "--out",
                out.toString());
        assertEquals(2, whole.exitCode());
        assertTrue(whole.err().contains("whole number"), whole.err());
        for (Cli c : List.of(unknown, outside, noLevels, whole)) {
            assertEquals(1, c.err().lines().count(), c.err());
            assertFalse(c.err().contains("Exception"), c.err());
        }
        assertFalse(Files.exists(out));
    }

    @Test
    void levelsAboveWhatADesignMayHaveSayTheLimit() {
        Path out = dir.resolve("never");
        // 2147483648 does not fit an int: it was "LEVELS must be a whole number", which it is.
        for (String levels : List.of("2147483648", "100001", "99999999999999999999999")) {
            Cli cli = Cli.run("sweep", BASELINE, "--param", "rule.offer=0:1:" + levels, "--out", out.toString());
            assertEquals(2, cli.exitCode(), cli.err());
            assertEquals("ballast: --param rule.offer=0:1:" + levels + ": LEVELS must be at most 100,000 (the most "
                    + "points a design may have), got " + levels, cli.err().strip());
        }
        // Below -2^31 it was an internal error (exit 70); 0 of a one-value range ran one point.
        for (String levels : List.of("-99999999999999999999999", "-5", "0", "1")) {
            Cli cli = Cli.run("sweep", BASELINE, "--param", "rule.offer=0:1:" + levels, "--out", out.toString());
            assertEquals("ballast: --param rule.offer=0:1:" + levels + ": LEVELS must be at least 2, got " + levels,
                    cli.err().strip());
        }
        Cli none = Cli.run("sweep", BASELINE, "--param", "rule.offer=0.5:0.5:0", "--out", out.toString());
        assertEquals("ballast: --param rule.offer=0.5:0.5:0: LEVELS must be at least 1 (the range is one value), got 0",
                none.err().strip());
        Cli notWhole = Cli.run("sweep", BASELINE, "--param", "rule.offer=0:1:2.5", "--out", out.toString());
        assertEquals(2, notWhole.exitCode(), notWhole.err());
        assertTrue(notWhole.err().contains("LEVELS must be a whole number, got '2.5'"), notWhole.err());
        assertFalse(Files.exists(out));
    }

    @Test
    void aGridWhoseRoundedLevelsRepeatIsRefusedWithTheLevelsThatWork() {
        Path out = dir.resolve("never");
        // Levels of a whole-number field are rounded: 3 levels from 1 to 2 were run as 1, 2, 2.
        Cli repeated = Cli.run("sweep", BASELINE, "--param", "tickMonths=1:2:3", "--out", out.toString());
        assertEquals(2, repeated.exitCode(), repeated.err());
        assertEquals("ballast: --param tickMonths=1:2:3: tickMonths is a whole number, and 3 levels from 1 to 2 "
                + "round to 1, 2, 2, repeating design points; use at most 2 levels (2 gives every whole number from 1 "
                + "to 2)", repeated.err().strip());
        Cli oneValue = Cli.run("sweep", BASELINE, "--param", "rule.offer=0.5:0.5:3", "--out", out.toString());
        assertEquals(2, oneValue.exitCode(), oneValue.err());
        assertEquals("ballast: --param rule.offer=0.5:0.5:3: the range 0.5:0.5 is one value, so LEVELS must be 1, "
                + "got 3", oneValue.err().strip());
        assertFalse(Files.exists(out));
    }

    @Test
    void wholeNumberLevelsThatDoNotRepeatAreRoundedAndRun() throws Exception {
        // 0:10:4 is 0, 3.33, 6.67, 10: rounded to 0, 3, 7, 10 (README, Experiments).
        Cli cli = Cli.run("sweep", BallastTestFiles.fixture("tiny.yaml"), "--param",
                "rule.newGovernmentWindowMonths=0:10:4", "-n", "5", "--out", dir.resolve("ok").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        List<String> rows = Files.readAllLines(dir.resolve("ok/sweep.csv"));
        assertEquals(List.of("0", "3", "7", "10"), rows.subList(1, rows.size()).stream().map(r -> r.split(",")[1])
                .toList());
    }

    @Test
    void listParamsTakesNoParamAndSaysSo() {
        Cli cli = Cli.run("sweep", "--list-params", BASELINE, "--param", "rule.offer=0:1:3");
        assertEquals(2, cli.exitCode(), cli.err());
        assertEquals("", cli.out(), "nothing listed");
        assertEquals("ballast: --list-params lists every field of the scenario and runs nothing, so it takes no "
                + "--param (list the fields first, then sweep without --list-params)", cli.err().strip());
        Cli list = Cli.run("sweep", "--list-params", BASELINE);
        assertEquals(0, list.exitCode(), list.err());
        assertTrue(list.out().contains("rule.offer"), list.out());
    }

    private static double allies(String row) {
        return Double.parseDouble(row.split(",")[4]);
    }

    private static String[] concat(String[] a, String... b) {
        String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
