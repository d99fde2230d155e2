package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.output.BatchFolder;
import ballast.output.Manifest;
import ballast.output.ShardFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --shard}, {@code ballast merge} and {@code ballast status} as a user runs them: shards merged in
 * any order give the bytes of one process; a merge refuses shards that do not belong together, in one
 * line each, and writes nothing then.
 */
class MergeCliTest {
    private static final String TINY = BallastTestFiles.fixture("tiny.yaml");

    @TempDir
    Path dir;

    @Test
    void batchShardsMergedInAnyOrderGiveTheTablesAndChartsOfOneProcess() throws Exception {
        Path shards = dir.resolve("shards");
        for (int i = 1; i <= 3; i++) {
            Cli cli = Cli.run("batch", TINY, "-n", "1300", "--seed", "4", "--shard", i + "/3", "--out",
                    shards.resolve("s" + i).toString());
            assertEquals(0, cli.exitCode(), cli.err());
            assertEquals(shards.resolve("s" + i) + System.lineSeparator(), cli.out());
            assertTrue(Files.exists(shards.resolve("s" + i).resolve(ShardFolder.BATCH_COUNTS)));
            assertFalse(Files.exists(shards.resolve("s" + i).resolve(BatchFolder.PLAN)), "a finished shard has no plan");
        }
        Cli one = Cli.run("batch", TINY, "-n", "1300", "--seed", "4", "--out", dir.resolve("one").toString());
        assertEquals(0, one.exitCode(), one.err());
        Cli shuffled = Cli.run("merge", shards.resolve("s3").toString(), shards.resolve("s1").toString(),
                shards.resolve("s2").toString(), "--out", dir.resolve("shuffled").toString());
        assertEquals(0, shuffled.exitCode(), shuffled.err());
        assertEquals(dir.resolve("shuffled") + System.lineSeparator(), shuffled.out());
        Cli parent = Cli.run("merge", shards.toString(), "--out", dir.resolve("parent").toString());
        assertEquals(0, parent.exitCode(), parent.err());
        assertSameResults(dir.resolve("one"), dir.resolve("shuffled"));
        assertSameResults(dir.resolve("one"), dir.resolve("parent"));
        String manifest = Files.readString(dir.resolve("parent").resolve(Manifest.FILE));
        assertTrue(manifest.contains("\"count\" : 3") && manifest.contains("\"replications\" : 1300"), manifest);

        Cli status = Cli.run("status", shards.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("done: 3 of 3 shards; 1,300 of 1,300 replications saved (100.0%)"),
                status.out());
    }

    @Test
    void sweepAndSensitivityShardsMergeToTheBytesOfOneProcess() throws Exception {
        List<List<String>> jobs = List.of(
                List.of("sweep", TINY, "--param", "rule.toPrcPerYear=0.01:0.05:3", "--param", "rule.offer=0:1:2",
                        "-n", "250", "--seed", "6"),
                List.of("sensitivity", TINY, "--method", "morris", "--samples", "3", "--param",
                        "rule.toPrcPerYear=0.01:0.05", "--param", "rule.offer=0:1", "-n", "40", "--bootstrap", "100"));
        for (List<String> job : jobs) {
            Path root = dir.resolve(job.get(0));
            // 1,500 and 360 replications in 4 shards: every boundary cuts a point or a block.
            for (int i = 1; i <= 4; i++) {
                Cli cli = run(job, "--shard", i + "/4", "--out", root.resolve("shards/" + i).toString());
                assertEquals(0, cli.exitCode(), cli.err());
            }
            Cli one = run(job, "--out", root.resolve("one").toString());
            assertEquals(0, one.exitCode(), one.err());
            Cli merged = Cli.run("merge", root.resolve("shards/4").toString(), root.resolve("shards/2").toString(),
                    root.resolve("shards/1").toString(), root.resolve("shards/3").toString(), "--out",
                    root.resolve("merged").toString());
            assertEquals(0, merged.exitCode(), merged.err());
            assertSameResults(root.resolve("one"), root.resolve("merged"));
        }
    }

    @Test
    void aShardRunAgainResumesItOrSaysItIsDoneAndAnotherJobInItsFolderIsRefused() throws Exception {
        Path shard = dir.resolve("shard");
        Cli cut = cutWhileFinishing("1/2", shard);
        assertEquals(1, cut.exitCode(), cut.err());
        assertTrue(Files.exists(shard.resolve(BatchFolder.PLAN)), "the cut shard is unfinished");

        Cli status = Cli.run("status", shard.toString());
        assertTrue(status.out().contains("shard 1: unfinished, 500 of 500 replications saved in " + shard), status.out());
        assertTrue(status.out().contains("not started: shard 2"), status.out());

        Cli again = Cli.run("batch", TINY, "-n", "1000", "--seed", "4", "--shard", "1/2", "--out", shard.toString());
        assertEquals(0, again.exitCode(), again.err());
        assertTrue(Files.exists(shard.resolve(ShardFolder.BATCH_COUNTS)));
        Cli third = Cli.run("batch", TINY, "-n", "1000", "--seed", "4", "--shard", "1/2", "--out", shard.toString());
        assertEquals(0, third.exitCode(), third.err());
        assertTrue(third.err().contains("already holds shard 1/2, finished; nothing to do"), third.err());
        Cli other = Cli.run("batch", TINY, "-n", "1000", "--seed", "5", "--shard", "1/2", "--out", shard.toString());
        assertEquals(2, other.exitCode(), other.err());
        assertTrue(other.err().contains(shard + " already holds shard 1/2 of a batch of tiny (1,000 replications, "
                + "master seed 4), not shard 1/2 of a batch of tiny (1,000 replications, master seed 5); choose "
                + "another --out"), other.err());
        Cli resumed = Cli.run("batch", "--resume", shard.toString());
        assertEquals(2, resumed.exitCode(), resumed.err());
        assertTrue(resumed.err().contains("it is a finished shard (it has manifest.json); 'ballast status " + shard
                + "' checks it, 'ballast merge' adds it to the other shards"), resumed.err());
        assertTrue(Files.exists(shard.resolve(ShardFolder.BATCH_COUNTS)), "the finished shard is left as it was");
    }

    @Test
    void aMergeRefusesShardsThatDoNotBelongTogetherInOneLineEachAndWritesNothing() throws Exception {
        Path a1 = shard("a1", "1/2", "-n", "1000", "--seed", "4");
        Path a2 = shard("a2", "2/2", "-n", "1000", "--seed", "4");
        Path otherSeed = shard("seed", "2/2", "-n", "1000", "--seed", "5");
        Path otherCount = shard("count", "2/2", "-n", "1200", "--seed", "4");
        Path otherCut = shard("cut", "2/3", "-n", "1000", "--seed", "4");
        Path scenario = dir.resolve("shorter.yaml");
        Files.writeString(scenario, "extends: " + TINY + "\nname: shorter\nhorizonMonths: 12\n");
        Path otherScenario = shard("scenario", "2/2", scenario.toString(), "-n", "1000", "--seed", "4");

        refused("different master seeds (4 and 5)", a1, otherSeed);
        refused("different replication counts (1,000 and 1,200)", a1, otherCount);
        refused("come from different cuts of the job (into 2 and 3 shards)", a1, otherCut);
        refused("are shards of different scenarios (tiny, SHA-256 ", a1, otherScenario);
        refused("shard 1/2 is there twice: " + a1 + " and " + copy(a1, "copy"), a1, dir.resolve("copy"), a2);
        refused(a1 + " is given twice", a1, a1, a2);
        refused("1 of the 2 shards of a batch of tiny (1,000 replications, master seed 4) is not done: shard 2 is "
                + "missing", a1);
        refused(dir.resolve("one") + " is neither a shard's folder nor a folder of shards (a finished result, not a "
                + "shard)", oneProcess(), a1);

        // Another version (or commit) wrote one of them.
        Path old = copy(a2, "old");
        Path manifest = old.resolve(Manifest.FILE);
        Files.writeString(manifest, Files.readString(manifest).replaceFirst("\"version\" : \"[^\"]*\"",
                "\"version\" : \"0.0.9\""));
        refused(old + " by Ballast 0.0.9", a1, old);

        // A finished shard whose counts file is gone: status says so, as merge does, instead of counting it done.
        Path lost = copy(a2, "lost");
        Files.delete(lost.resolve(ShardFolder.BATCH_COUNTS));
        Cli status = Cli.run("status", lost.toString());
        assertEquals(1, status.exitCode(), status.out() + status.err());
        assertTrue(status.err().contains(lost.resolve(Manifest.FILE) + " is damaged (its counts file counts.bin is "
                + "missing)"), status.err());
        assertFalse(status.out().contains("done"), status.out());
        Path cutShort = copy(a2, "cut-short");
        Path counts = cutShort.resolve(ShardFolder.BATCH_COUNTS);
        Files.write(counts, java.util.Arrays.copyOf(Files.readAllBytes(counts), 100));
        Cli cutStatus = Cli.run("status", cutShort.toString());
        assertEquals(1, cutStatus.exitCode(), cutStatus.out() + cutStatus.err());
        assertTrue(cutStatus.err().contains(counts + " is damaged (100 bytes, not the "), cutStatus.err());
        Cli lostResume = Cli.run("batch", "--resume", lost.toString());
        assertTrue(lostResume.err().contains("it is a finished shard"), "a shard without its counts is still one: "
                + lostResume.err());

        // A sweep's shards of another design, and a sweep's shard among a batch's.
        Path sweep1 = sweepShard("sweep1", "1/2", "rule.offer=0:1:2");
        Path sweep2 = sweepShard("sweep2", "2/2", "rule.offer=0:0.5:2");
        refused("are shards of different designs (SHA-256 ", sweep1, sweep2);
        refused(a1 + " is a shard of a batch and " + sweep1 + " of a sweep: shards of different jobs cannot be merged",
                a1, sweep1);

        // A shard whose data file changed between shards.
        Path copyDir = Files.createDirectories(dir.resolve("data"));
        Files.copy(Path.of(TINY), copyDir.resolve("tiny.yaml"));
        Path states = Files.copy(Path.of(TINY).resolveSibling("states.csv"), copyDir.resolve("states.csv"));
        Path before = shard("before", "1/2", copyDir.resolve("tiny.yaml").toString(), "-n", "1000", "--seed", "4");
        Files.writeString(states, Files.readString(states).replace("test fixture", "test fixture (revised)"));
        Path after = shard("after", "2/2", copyDir.resolve("tiny.yaml").toString(), "-n", "1000", "--seed", "4");
        refused("were run on different data (" + states + ": SHA-256 ", before, after);

        // An unfinished shard is named with the command that finishes it.
        Path unfinished = dir.resolve("unfinished");
        Cli cut = cutWhileFinishing("2/2", unfinished);
        assertEquals(1, cut.exitCode(), cut.err());
        refused("shard 2 is unfinished in " + unfinished + " (500 of 500 replications saved; 'ballast batch --resume "
                + unfinished + "' finishes it)", a1, unfinished);

        // And with every shard there, once, it merges.
        Cli fine = Cli.run("merge", a2.toString(), a1.toString(), "--out", dir.resolve("merged").toString());
        assertEquals(0, fine.exitCode(), fine.err());
    }

    /** Runs shard {@code shard} of a batch of 1,000 into {@code out} with a power cut while it finishes. */
    private static Cli cutWhileFinishing(String shard, Path out) {
        return Cli.runWith(made -> {
            if (made instanceof BatchCommand b) {
                b.finishing = step -> {
                    throw new IOException("power cut after " + step);
                };
            }
        }, "batch", TINY, "-n", "1000", "--seed", "4", "--shard", shard, "--out", out.toString());
    }

    /** Runs a merge of {@code shards} that must be refused with {@code message}, in one line, writing nothing. */
    private void refused(String message, Path... shards) {
        List<String> args = new ArrayList<>(List.of("merge"));
        for (Path s : shards) {
            args.add(s.toString());
        }
        Path out = dir.resolve("refused");
        args.addAll(List.of("--out", out.toString()));
        Cli cli = Cli.run(args.toArray(String[]::new));
        assertEquals(2, cli.exitCode(), cli.err());
        assertTrue(cli.err().startsWith("ballast: cannot merge: "), cli.err());
        assertTrue(cli.err().contains(message), "expected '" + message + "' in: " + cli.err());
        assertEquals(1, cli.err().lines().count(), "one line: " + cli.err());
        assertFalse(Files.exists(out), "nothing is written when a merge is refused");
    }

    private Path shard(String name, String shard, String... args) {
        List<String> command = new ArrayList<>(List.of("batch"));
        if (args.length == 0 || args[0].startsWith("-")) {
            command.add(TINY);
        }
        command.addAll(List.of(args));
        command.addAll(List.of("--shard", shard, "--out", dir.resolve(name).toString()));
        Cli cli = Cli.run(command.toArray(String[]::new));
        assertEquals(0, cli.exitCode(), cli.err());
        return dir.resolve(name);
    }

    private Path sweepShard(String name, String shard, String param) {
        Cli cli = Cli.run("sweep", TINY, "--param", param, "-n", "100", "--seed", "4", "--shard", shard, "--out",
                dir.resolve(name).toString());
        assertEquals(0, cli.exitCode(), cli.err());
        return dir.resolve(name);
    }

    private Path oneProcess() {
        Cli cli = Cli.run("batch", TINY, "-n", "500", "--out", dir.resolve("one").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        return dir.resolve("one");
    }

    private Path copy(Path from, String name) throws IOException {
        Path to = Files.createDirectory(dir.resolve(name));
        try (Stream<Path> files = Files.list(from)) {
            for (Path f : files.toList()) {
                Files.copy(f, to.resolve(f.getFileName()));
            }
        }
        return to;
    }

    private static Cli run(List<String> job, String... more) {
        List<String> args = new ArrayList<>(job);
        args.addAll(List.of(more));
        return Cli.run(args.toArray(String[]::new));
    }

    /** Every file of a one-process result (tables and charts) is in the merged result, with the same bytes; only the manifest differs. */
    static void assertSameResults(Path one, Path merged) throws IOException {
        TreeMap<String, byte[]> expected = files(one);
        TreeMap<String, byte[]> actual = files(merged);
        expected.remove(Manifest.FILE);
        actual.remove(Manifest.FILE);
        assertEquals(expected.keySet(), actual.keySet());
        assertTrue(expected.keySet().stream().anyMatch(f -> f.endsWith(".pdf")), "charts are compared too");
        for (String f : expected.keySet()) {
            assertArrayEquals(expected.get(f), actual.get(f), f + " differs between " + one + " and " + merged);
        }
    }

    private static TreeMap<String, byte[]> files(Path root) throws IOException {
        TreeMap<String, byte[]> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readAllBytes(p));
            }
        }
        return out;
    }
}
