package ballast.output;

import ballast.experiment.BatchSummary;
import ballast.model.RunResult;
import ballast.output.table.RunTables;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.BitSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * The folder of a batch while it runs and after. While it runs it holds {@code batch.json} (what the
 * batch is: enough to resume it) and {@code journal.bin} (the counts of every finished block and which
 * blocks those are). The journal is replaced atomically after each block: written beside, forced to
 * disk and renamed, so a crash or a power cut leaves either the old or the new one, never a torn one.
 * When the batch is done, its tables are written beside, moved in, and the plan and journal removed.
 */
public final class BatchFolder {
    public static final String PLAN = "batch.json";
    public static final String JOURNAL = "journal.bin";
    public static final String RUNS = "runs";
    private static final long MAGIC = 0x42414c4c4153544aL; // "BALLASTJ"
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Plan plan;

    /**
     * What a batch is, saved when it starts.
     *
     * @param scenarioFile the scenario file, absolute
     * @param scenarioName its name
     * @param scenarioSha256 hash of the resolved scenario
     * @param sources every file read, absolute, with its SHA-256 (a resume refuses if one changed)
     * @param masterSeed the seed replications derive from
     * @param replications how many
     * @param blockSize replications per journaled block
     * @param keepRuns whether each replication's path and switches are kept
     * @param commandLine the command that started it
     * @param startedAt when, ISO-8601
     */
    public record Plan(String scenarioFile, String scenarioName, String scenarioSha256, Map<String, String> sources,
            long masterSeed, long replications, int blockSize, boolean keepRuns, String commandLine,
            String startedAt) {
    }

    /** What a journal holds. */
    public record Progress(BatchSummary summary, BitSet doneBlocks) {
    }

    private BatchFolder(Path dir, Plan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    /**
     * Creates the folder of a new batch and saves its plan.
     *
     * @throws FileAlreadyExistsException if {@code target} exists (results are never overwritten)
     */
    public static BatchFolder create(Path target, Plan plan) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(target.toString(), null, "results are never overwritten");
        }
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir);
        BatchFolder folder = new BatchFolder(dir, plan);
        try {
            folder.replace(PLAN, out -> out.write(JSON.writeValueAsBytes(plan)));
        } catch (IOException | RuntimeException e) {
            deleteTree(dir);
            throw e;
        }
        return folder;
    }

    /**
     * Opens an unfinished batch folder.
     *
     * @throws NoSuchFileException if {@code dir} has no plan (not a batch folder, or a finished one)
     */
    public static BatchFolder open(Path dir) throws IOException {
        Path planFile = dir.resolve(PLAN);
        if (!Files.exists(planFile)) {
            String why = Files.exists(dir.resolve(Manifest.FILE)) ? "it is a finished batch (it has manifest.json)"
                    : Files.isDirectory(dir) ? "it has no " + PLAN + ", so it is not an unfinished batch"
                    : "no such folder";
            throw new NoSuchFileException(dir.toString(), null, "cannot resume: " + why);
        }
        return new BatchFolder(dir.toAbsolutePath().normalize(), JSON.readValue(planFile.toFile(), Plan.class));
    }

    public Path dir() {
        return dir;
    }

    public Plan plan() {
        return plan;
    }

    /** Returns the saved progress, or null if no block was saved. */
    public Progress load() throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.exists(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            if (in.readLong() != MAGIC) {
                throw new IOException(file + " is not a Ballast journal");
            }
            long[] words = new long[in.readInt()];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readLong();
            }
            return new Progress(BatchSummary.read(in, true), BitSet.valueOf(words));
        }
    }

    /**
     * Returns the journal's bytes for the counts of the finished blocks: a snapshot, so the counts can
     * go on changing while {@link #save(byte[])} writes it.
     */
    public static byte[] journal(BatchSummary summary, BitSet doneBlocks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        DataOutputStream out = new DataOutputStream(bytes);
        out.writeLong(MAGIC);
        long[] words = doneBlocks.toLongArray();
        out.writeInt(words.length);
        for (long w : words) {
            out.writeLong(w);
        }
        summary.write(out);
        out.flush();
        return bytes.toByteArray();
    }

    /** Saves a journal made by {@link #journal}, atomically and durably. */
    public void save(byte[] journal) throws IOException {
        replace(JOURNAL, out -> out.write(journal));
    }

    /**
     * Keeps one block's replications: {@code runs/paths-NNNNNN.csv.gz} (replication, month, allies,
     * shares) and {@code runs/switches-NNNNNN.csv.gz} (replication and the columns of switches.csv).
     */
    public void saveRuns(int block, long first, List<RunResult> runs) throws IOException {
        Files.createDirectories(dir.resolve(RUNS));
        String n = String.format("%06d", block);
        replace(RUNS + "/paths-" + n + ".csv.gz", out -> gzip(out, w -> {
            for (int k = 0; k < runs.size(); k++) {
                RunTables.writeAlliesRows(runs.get(k), first + k, w, k == 0);
            }
        }));
        replace(RUNS + "/switches-" + n + ".csv.gz", out -> gzip(out, w -> {
            for (int k = 0; k < runs.size(); k++) {
                RunTables.writeSwitchRows(runs.get(k), first + k, w, k == 0);
            }
        }));
    }

    /** Writes through {@code tables} into a hidden folder, moves the files in, and removes the plan and journal. */
    public Path finish(TableWriter tables) throws IOException {
        return finish(dir, tables, JOURNAL, PLAN);
    }

    /**
     * Writes through {@code tables} into a hidden folder in {@code dir}, moves the files in, then
     * deletes {@code remove} (the files that made {@code dir} resumable).
     */
    static Path finish(Path dir, TableWriter tables, String... remove) throws IOException {
        Path work = dir.resolve(".tables.partial");
        deleteTree(work);
        Files.createDirectory(work);
        tables.write(work);
        try (Stream<Path> files = Files.list(work)) {
            for (Path f : files.sorted().toList()) {
                Files.move(f, dir.resolve(f.getFileName()), StandardCopyOption.REPLACE_EXISTING,
                        StandardCopyOption.ATOMIC_MOVE);
            }
        }
        Files.delete(work);
        for (String name : remove) {
            Files.deleteIfExists(dir.resolve(name));
        }
        return dir;
    }

    /** Writes a batch's final files into a folder. */
    @FunctionalInterface
    public interface TableWriter {
        void write(Path dir) throws IOException;
    }

    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    @FunctionalInterface
    private interface Rows {
        void write(Writer w) throws IOException;
    }

    private static void gzip(OutputStream out, Rows rows) throws IOException {
        GZIPOutputStream gz = new GZIPOutputStream(out, 1 << 16);
        Writer w = new OutputStreamWriter(gz, StandardCharsets.UTF_8);
        rows.write(w);
        w.flush();
        gz.finish();
    }

    private void replace(String name, Content content) throws IOException {
        replace(dir, name, content);
    }

    // Write beside, force to disk, rename over: readers see the old file or the new one, whole.
    static void replace(Path dir, String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (FileOutputStream file = new FileOutputStream(tmp.toFile());
                OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            content.write(out);
            out.flush();
            file.getFD().sync();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
