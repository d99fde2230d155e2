package ballast.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.experiment.BatchSummary;
import ballast.experiment.BlockSet;
import ballast.experiment.DesignRun;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32C;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Journals and plans are verified before anything in them is used: damage is refused with one line
 * that names the file and says what to do, never read as counts; only a torn last line of an
 * experiment's journal (what a crash leaves) is dropped.
 */
class JournalTest {
    private static final Scenario TINY = load();

    @TempDir
    Path dir;

    private static Scenario load() {
        try {
            return ScenarioLoader.load(Path.of(JournalTest.class.getResource("/fixtures/tiny.yaml").toURI()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static BatchFolder.Plan plan(long replications) {
        return new BatchFolder.Plan("/nowhere/tiny.yaml", "tiny", "0".repeat(64), Map.of("/nowhere/states.csv", "ab"),
                42, replications, DesignRun.BLOCK_SIZE, false, "ballast batch tiny.yaml", "2026-01-01T00:00:00Z");
    }

    /** A batch folder of {@code replications} whose first {@code blocks} blocks are journaled. */
    private BatchFolder batchWithJournal(String name, long replications, int blocks) throws Exception {
        BatchFolder folder = BatchFolder.create(ResultFolder.Target.exactly(dir.resolve(name)), plan(replications));
        BatchSummary total = BatchSummary.runningTotal(TINY.parameters());
        BlockSet done = new BlockSet();
        DesignRun<BatchSummary> run = DesignRun.batch(TINY, replications);
        run.run(done, 1, (point, block, part, doneBlocks) -> {
            total.merge(part);
            if (doneBlocks.count() >= blocks) {
                run.stop();
            }
            return null;
        });
        folder.save(BatchFolder.journal(folder.plan(), total, done));
        return folder;
    }

    /** Journals the first two blocks of a batch of 2,600 in folder "b" and returns the journal's path. */
    private Path journalOfB() throws Exception {
        try (BatchFolder folder = batchWithJournal("b", 2_600, 2)) {
            return folder.dir().resolve(BatchFolder.JOURNAL);
        }
    }

    /** Resumes folder "b" and returns why its journal is refused. */
    private FolderException refusal() throws Exception {
        try (BatchFolder folder = BatchFolder.open(dir.resolve("b"))) {
            return assertThrows(FolderException.class, () -> folder.load(TINY.parameters()));
        }
    }

    @Test
    void anIntactJournalGivesBackItsCountsAndBlocks() throws Exception {
        try (BatchFolder folder = batchWithJournal("b", 2_600, 2)) {
            BatchFolder.Progress p = folder.load(TINY.parameters());
            assertEquals(1_000, p.summary().replications());
            assertEquals(2, p.doneBlocks().count());
        }
    }

    @Test
    void aFlippedBitAnywhereInTheBatchJournalIsRefusedNamingTheFile() throws Exception {
        Path journal = journalOfB();
        byte[] good = Files.readAllBytes(journal);
        for (int k = 0; k < 64; k++) {
            int at = (int) ((long) k * (good.length - 1) / 63);
            byte[] bad = good.clone();
            bad[at] ^= (byte) (1 << (k % 8));
            Files.write(journal, bad);
            FolderException e = refusal();
            assertEquals(FolderException.Reason.DAMAGED, e.reason(), "bit " + (k % 8) + " of byte " + at);
            assertTrue(e.getMessage().startsWith(journal + " "), e.getMessage());
            assertTrue(e.getMessage().contains("delete it and run 'ballast batch --resume"), e.getMessage());
        }
    }

    @Test
    void aBatchJournalCutShortIsRefused() throws Exception {
        Path journal = journalOfB();
        byte[] good = Files.readAllBytes(journal);
        for (int length : new int[] {0, 7, 12, 40, good.length / 2, good.length - 1}) {
            Files.write(journal, java.util.Arrays.copyOf(good, length));
            FolderException e = refusal();
            assertTrue(e.getMessage().contains("is damaged"), length + " bytes: " + e.getMessage());
        }
    }

    @Test
    void anAbsurdBlockCountIsRefusedBeforeAnythingIsAllocated() throws Exception {
        Path journal = journalOfB();
        byte[] bytes = Files.readAllBytes(journal);
        // magic 8, format 4, replications 8, block size 4, states 4, months 4: then the number of block runs.
        ByteBuffer.wrap(bytes).putInt(32, Integer.MAX_VALUE);
        rewriteChecksum(bytes);
        Files.write(journal, bytes);
        assertTrue(refusal().getMessage().contains("a count of 2147483647 block runs"), refusal().getMessage());
    }

    @Test
    void theJournalOfAnotherBatchIsRefused() throws Exception {
        byte[] other;
        try (BatchFolder folder = batchWithJournal("a", 2_600, 2)) {
            other = Files.readAllBytes(folder.dir().resolve(BatchFolder.JOURNAL));
        }
        try (BatchFolder folder = BatchFolder.create(ResultFolder.Target.exactly(dir.resolve("b")), plan(3_000))) {
            folder.save(other);
            FolderException e = assertThrows(FolderException.class, () -> folder.load(TINY.parameters()));
            assertTrue(e.getMessage().contains("the journal of another batch"), e.getMessage());
        }
    }

    @Test
    void theJournalDoesNotGrowWithTheReplicationCount() throws Exception {
        long small;
        try (BatchFolder folder = batchWithJournal("small", 2_000, 3)) {
            small = Files.size(folder.dir().resolve(BatchFolder.JOURNAL));
        }
        try (BatchFolder folder = batchWithJournal("huge", DesignRun.MAX_REPLICATIONS, 3)) {
            long huge = Files.size(folder.dir().resolve(BatchFolder.JOURNAL));
            assertEquals(small, huge, "the finished blocks are a run of numbers, not one bit or object per block");
            assertEquals(3, folder.load(TINY.parameters()).doneBlocks().count());
        }
    }

    @Test
    void aTornOrAlteredPlanIsRefusedWithOneLineNamingIt() throws Exception {
        Path planFile;
        try (BatchFolder folder = BatchFolder.create(ResultFolder.Target.exactly(dir.resolve("b")), plan(2_600))) {
            planFile = folder.dir().resolve(BatchFolder.PLAN);
        }
        String good = Files.readString(planFile);
        Map<String, String> damaged = new LinkedHashMap<>();
        damaged.put("not valid JSON", good.substring(0, good.length() / 2));
        damaged.put("its checksum does not match", good.replace("\"replications\" : 2600", "\"replications\" : 2700"));
        damaged.put("lacks its format, checksum or plan", "{}");
        damaged.put("does not hold together", good.replace("\"blockSize\" : 500", "\"blockSize\" : 7"));
        damaged.put("written by another version", "{\"scenarioFile\": \"x.yaml\", \"replications\": 5}");
        for (Map.Entry<String, String> d : damaged.entrySet()) {
            Files.writeString(planFile, d.getValue());
            FolderException e = assertThrows(FolderException.class, () -> BatchFolder.open(dir.resolve("b")).close());
            assertTrue(e.getMessage().startsWith(planFile.toString()) && e.getMessage().contains(d.getKey()),
                    e.getMessage());
            assertEquals(1, e.getMessage().lines().count());
        }
        Files.writeString(planFile, good);
        BatchFolder.open(dir.resolve("b")).close();
    }

    /**
     * A device, pipe or folder in a job file's place reports a size of 0 or none: read, it would never
     * end ({@code /dev/zero}: an OutOfMemoryError) or never start (a FIFO). Each is refused by name.
     */
    @Test
    void somethingThatIsNotARegularFileInPlaceOfAPlanOrJournalIsRefusedNotRead() throws Exception {
        Path journal = journalOfB();
        Path plan = journal.resolveSibling(BatchFolder.PLAN);
        byte[] goodJournal = Files.readAllBytes(journal);
        Files.delete(journal);
        Files.createDirectory(journal);
        FolderException folderInPlace = refusal();
        assertTrue(folderInPlace.getMessage().startsWith(journal + " is damaged (a folder where a file should be)"),
                folderInPlace.getMessage());
        FolderException status = assertThrows(FolderException.class,
                () -> BatchFolder.savedReplications(dir.resolve("b"), null));
        assertTrue(status.getMessage().startsWith(journal + " is damaged"), status.getMessage());
        Files.delete(journal);
        Files.write(journal, goodJournal);

        Path zero = Path.of("/dev/zero");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.exists(zero), "needs /dev/zero");
        byte[] goodPlan = Files.readAllBytes(plan);
        Files.delete(plan);
        Files.createSymbolicLink(plan, zero);
        FolderException device = assertThrows(FolderException.class, () -> BatchFolder.open(dir.resolve("b")).close());
        assertTrue(device.getMessage().startsWith(plan + " is damaged (not a regular file)"), device.getMessage());
        Files.delete(plan);
        Files.write(plan, goodPlan);

        try (ExperimentFolder folder = experimentWithThreeBlocks()) {
            Path lines = folder.dir().resolve(ExperimentFolder.JOURNAL);
            Files.delete(lines);
            Files.createSymbolicLink(lines, zero);
            FolderException e = assertThrows(FolderException.class, () -> blocks(folder));
            assertTrue(e.getMessage().startsWith(lines + " is damaged (not a regular file)"), e.getMessage());
            FolderException counted = assertThrows(FolderException.class,
                    () -> ExperimentFolder.savedReplications(folder.dir(), "sweep"));
            assertTrue(counted.getMessage().startsWith(lines + " is damaged"), counted.getMessage());
        }
    }

    @Test
    void aSecondProcessCannotOpenAFolderInUse() throws Exception {
        try (BatchFolder first = BatchFolder.create(ResultFolder.Target.exactly(dir.resolve("b")), plan(2_600))) {
            FolderException e = assertThrows(FolderException.class, () -> BatchFolder.open(first.dir()));
            assertEquals(FolderException.Reason.IN_USE, e.reason());
            assertTrue(e.getMessage().contains("in use by another ballast process"), e.getMessage());
        }
        BatchFolder.open(dir.resolve("b")).close();
    }

    private ExperimentFolder experiment(String name) throws Exception {
        ExperimentFolder.Plan plan = new ExperimentFolder.Plan("sweep", "/nowhere/tiny.yaml", "tiny", "0".repeat(64),
                Map.of(), 42, 1_000, false, List.of(new ExperimentFolder.FactorPlan("rule.offer", 0, 1, 2)),
                new double[][] {{0}, {1}}, Map.of("design", "grid"), "ballast sweep", "2026-01-01T00:00:00Z");
        return ExperimentFolder.create(ResultFolder.Target.exactly(dir.resolve(name)), plan);
    }

    /** An experiment "e" with blocks 0 and 1 of point 0 and block 0 of point 1 journaled. */
    private ExperimentFolder experimentWithThreeBlocks() throws Exception {
        ExperimentFolder folder = experiment("e");
        folder.append(0, 0, new long[] {500, 1});
        folder.append(0, 1, new long[] {500, 2});
        folder.append(1, 0, new long[] {500, 3});
        folder.closeJournal();
        return folder;
    }

    private static List<String> blocks(ExperimentFolder folder) throws Exception {
        List<String> read = new ArrayList<>();
        folder.load((point, block, counts) -> read.add(point + "/" + block + ":" + counts[0]));
        return read;
    }

    @Test
    void aTornLastLineOfAnExperimentJournalIsDroppedAndItsBlockRunsAgain() throws Exception {
        try (ExperimentFolder folder = experimentWithThreeBlocks()) {
            Path journal = folder.dir().resolve(ExperimentFolder.JOURNAL);
            String intact = Files.readString(journal);
            Files.writeString(journal, "1 1 500,4,0", StandardOpenOption.APPEND); // a crash mid-write
            assertEquals(List.of("0/0:500", "0/1:500", "1/0:500"), blocks(folder));
            assertEquals(intact, Files.readString(journal), "the torn line is cut off, so appends go on after the last");

            String[] lines = intact.split("\n");
            lines[2] = lines[2].replace("500,3", "500,9");  // the last complete line fails its checksum
            Files.writeString(journal, String.join("\n", lines) + "\n");
            assertEquals(List.of("0/0:500", "0/1:500"), blocks(folder));
        }
    }

    @Test
    void aBadLineBeforeIntactOnesIsRefusedNamingTheFileAndLine() throws Exception {
        try (ExperimentFolder folder = experimentWithThreeBlocks()) {
            Path journal = folder.dir().resolve(ExperimentFolder.JOURNAL);
            String intact = Files.readString(journal);
            byte[] flipped = intact.getBytes(StandardCharsets.US_ASCII);
            flipped[intact.indexOf('\n') + 3] ^= 1;  // one bit of line 2
            Files.write(journal, flipped);
            FolderException e = assertThrows(FolderException.class, () -> blocks(folder));
            assertTrue(e.getMessage().startsWith(journal + " is damaged (line 2: "), e.getMessage());
            assertTrue(e.getMessage().contains("keep only its first 1 lines"), e.getMessage());
            assertEquals(flipped.length, Files.size(journal), "a damaged journal is left as it is");

            Files.writeString(journal, intact);
            FolderException misfit = assertThrows(FolderException.class, () -> folder.load((p, b, counts) -> {
                if (p == 1) {
                    throw new IllegalArgumentException("block 0 of point 1 is not in this experiment");
                }
            }));
            assertTrue(misfit.getMessage().contains("line 3: block 0 of point 1 is not in this experiment"),
                    misfit.getMessage());
        }
    }

    @Test
    void aFinishedFolderIsNotResumedAndALeftoverJournalIsTidied() throws Exception {
        try (ExperimentFolder folder = experiment("e")) {
            folder.append(0, 0, new long[] {500, 1});
            folder.finish(out -> Files.writeString(out.resolve(Manifest.FILE), "{}"), JobFolder.Checkpoint.NONE);
        }
        Path e = dir.resolve("e");
        Files.writeString(e.resolve(ExperimentFolder.JOURNAL), "left by a crash\n");
        NoSuchFileException finished = assertThrows(NoSuchFileException.class, () -> ExperimentFolder.open(e, "sweep"));
        assertTrue(finished.getReason().contains("finished sweep"), finished.getReason());
        assertFalse(Files.exists(e.resolve(ExperimentFolder.JOURNAL)));
        assertFalse(Files.exists(e.resolve(JobFolder.LOCK)));
    }

    private static void rewriteChecksum(byte[] bytes) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, bytes.length - 4);
        ByteBuffer.wrap(bytes).putInt(bytes.length - 4, (int) crc.getValue());
    }
}
