package ballast.output;

import ballast.experiment.BatchSummary;
import ballast.experiment.BlockSet;
import ballast.experiment.DesignRun;
import ballast.experiment.Shard;
import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import ballast.model.RunResult;
import ballast.model.Term;
import ballast.output.table.RunTables;
import ballast.shell.ShellWords;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.CRC32C;
import java.util.zip.CheckedOutputStream;
import java.util.zip.GZIPOutputStream;

/**
 * The folder of a batch while it runs and after. While it runs it holds {@code batch.json} (what the
 * batch is: enough to resume it, with a checksum) and {@code journal.bin} (the counts of every
 * finished block and which blocks those are, with a CRC-32C over the whole file). The journal is
 * replaced atomically after each block: written beside, forced to disk and renamed, so a crash or a
 * power cut leaves either the old or the new one, never a torn one; a journal that fails its checks
 * anyway (a bad disk, a copy cut short) is refused, never half-trusted. The folder is locked while a
 * process runs it, and finishing can be redone after a crash at any step ({@link JobFolder}).
 */
public final class BatchFolder implements AutoCloseable {
    public static final String PLAN = "batch.json";
    public static final String JOURNAL = "journal.bin";
    public static final String RUNS = "runs";
    private static final long MAGIC = 0x42414c4c4153544aL; // "BALLASTJ"
    private static final int FORMAT = 3;

    private final JobFolder folder;
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
     * @param shard the part of the replications this folder runs ({@code --shard}), or null for all
     */
    public record Plan(String scenarioFile, String scenarioName, String scenarioSha256, Map<String, String> sources,
            long masterSeed, long replications, int blockSize, boolean keepRuns, String commandLine,
            String startedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard) {

        /** @throws IllegalArgumentException if a value is missing or out of range */
        public Plan {
            Objects.requireNonNull(scenarioFile, "scenarioFile");
            Objects.requireNonNull(scenarioName, "scenarioName");
            Objects.requireNonNull(scenarioSha256, "scenarioSha256");
            // In order: the plan's checksum is over its JSON, so the order must survive a reread.
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sources, "sources")));
            Objects.requireNonNull(commandLine, "commandLine");
            Objects.requireNonNull(startedAt, "startedAt");
            DesignRun.checkReplications(replications);
            if (blockSize != DesignRun.BLOCK_SIZE) {
                throw new IllegalArgumentException("blockSize must be " + DesignRun.BLOCK_SIZE + ", got " + blockSize);
            }
            if (shard != null) {
                shard.first(replications); // a shard must hold at least one replication
                if (keepRuns) {
                    throw new IllegalArgumentException("a shard keeps no runs");
                }
            }
        }

        /** The plan of a whole batch (no shard). */
        public Plan(String scenarioFile, String scenarioName, String scenarioSha256, Map<String, String> sources,
                long masterSeed, long replications, int blockSize, boolean keepRuns, String commandLine,
                String startedAt) {
            this(scenarioFile, scenarioName, scenarioSha256, sources, masterSeed, replications, blockSize, keepRuns,
                    commandLine, startedAt, null);
        }

        /** Returns the runner's view of this plan's replications: all of them, or its shard's. */
        public <S extends DesignRun.Summary> DesignRun<S> restrict(DesignRun<S> whole) {
            return shard == null ? whole : whole.shard(shard);
        }

        /** Returns the layout of this plan's blocks (which blocks and replications it has); it runs nothing. */
        DesignRun<?> layout() {
            return restrict(new DesignRun<BatchSummary>(1, replications, masterSeed, true, point -> {
                throw new IllegalStateException("a layout runs nothing");
            }, states -> null));
        }
    }

    /** What a journal holds: the counts and which blocks they are of. */
    public record Progress(BatchSummary summary, BlockSet doneBlocks) {
    }

    private BatchFolder(JobFolder folder, Plan plan) {
        this.folder = folder;
        this.plan = plan;
    }

    /**
     * Claims the folder of a new batch, locks it and saves its plan.
     *
     * @throws FileAlreadyExistsException if a folder the user named exists (results are never overwritten)
     */
    public static BatchFolder create(ResultFolder.Target target, Plan plan) throws IOException {
        return new BatchFolder(JobFolder.create(target, PLAN, plan), plan);
    }

    /**
     * Opens and locks an unfinished batch folder.
     *
     * @throws NoSuchFileException if {@code dir} has no plan (not a batch folder, or a finished one)
     * @throws FolderException if its plan is damaged or another process holds it
     */
    public static BatchFolder open(Path dir) throws IOException {
        JobFolder folder = JobFolder.open(dir, PLAN, "batch", List.of(JOURNAL));
        try {
            return new BatchFolder(folder, JobFolder.readPlan(folder.dir().resolve(PLAN), Plan.class,
                    "the batch cannot be resumed; start it again in a new folder"));
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    public Path dir() {
        return folder.dir();
    }

    public Plan plan() {
        return plan;
    }

    /**
     * Returns the saved progress, or null if no block was saved. The journal must pass its checksum
     * and fit the plan (which blocks the batch or its shard has) and {@code parameters} (the
     * scenario's states and months) before any of it is used or any memory is sized by it.
     *
     * @throws FolderException if it is damaged
     */
    public Progress load(ModelParameters parameters) throws IOException {
        Path file = dir().resolve(JOURNAL);
        if (!Files.exists(file)) {
            return null;
        }
        return read(file, plan, parameters, true, "delete it and run '"
                + ShellWords.command("ballast", "batch", "--resume", dir())
                + "' to run the batch again from the start");
    }

    /**
     * Reads the counts a journal holds (a batch's {@code journal.bin}, or the counts of a finished
     * shard, which have the same form), after checking its checksum and that it fits {@code plan} and
     * {@code parameters}.
     *
     * @param runningTotal whether to read the counts as a running total ({@link BatchSummary#read})
     * @param toDo what the user can do if it is damaged, for the message
     * @throws FolderException if it is damaged
     */
    public static Progress read(Path file, Plan plan, ModelParameters parameters, boolean runningTotal, String toDo)
            throws IOException {
        DesignRun<?> run = plan.layout();
        int states = parameters.countries().size();
        int ticks = parameters.ticks();
        JobFolder.requireRegularFile(file, toDo);
        long size = Files.size(file);
        if (size < 40 || size > maxJournalBytes(parameters, run.blocks())) {
            throw FolderException.damaged(file, size < 40 ? "cut short, " + size + " bytes"
                    : "larger than a journal of this batch can be, " + size + " bytes", toDo);
        }
        byte[] bytes = Files.readAllBytes(file);
        int body = bytes.length - 4;
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, body);
        int stored = ((bytes[body] & 0xff) << 24) | ((bytes[body + 1] & 0xff) << 16) | ((bytes[body + 2] & 0xff) << 8)
                | (bytes[body + 3] & 0xff);
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, 0, body));
        if (in.readLong() != MAGIC) {
            throw FolderException.damaged(file, "it is not a Ballast journal", toDo);
        }
        boolean intact = (int) crc.getValue() == stored;
        if (in.readInt() != FORMAT) {
            throw intact ? FolderException.otherVersion(file, "finish the batch with that version, or " + toDo)
                    : FolderException.damaged(file, "it is not a journal of this version, or its checksum does not "
                            + "match", toDo);
        }
        if (!intact) {
            throw FolderException.damaged(file, "its checksum does not match its contents", toDo);
        }
        try {
            if (in.readLong() != plan.replications() || in.readInt() != plan.blockSize() || in.readInt() != states
                    || in.readInt() != ticks) {
                throw new IOException("it is the journal of another batch");
            }
            List<long[]> list = readRuns(in);
            for (long[] r : list) {
                if (r[0] < run.firstBlock() || r[1] > run.endBlock()) {
                    throw new IOException("it holds blocks " + r[0] + " to " + (r[1] - 1) + ", which are not all in "
                            + (plan.shard() == null ? "the batch" : "shard " + plan.shard()));
                }
            }
            BlockSet done = BlockSet.of(list, run.blocks());
            BatchSummary summary = BatchSummary.read(in, runningTotal);
            if (summary.states() != states || summary.ticks() != ticks || in.available() != 0) {
                throw new IOException("its counts are not of this scenario");
            }
            if (summary.replications() != run.replicationsIn(done)) {
                throw new IOException("it counts " + summary.replications() + " replications for blocks of "
                        + run.replicationsIn(done));
            }
            return new Progress(summary, done);
        } catch (IOException | IllegalArgumentException e) {
            throw FolderException.damaged(file, e.getMessage(), toDo);
        }
    }

    /**
     * Returns how many replications the journal in {@code dir} has saved (0 if none), without
     * locking the folder or reading the counts: for {@code ballast status} while a batch runs.
     *
     * @throws FolderException if the journal is damaged
     */
    static long savedReplications(Path dir, Plan plan) throws IOException {
        Path file = dir.resolve(JOURNAL);
        String toDo = "delete it and run '" + ShellWords.command("ballast", "batch", "--resume", dir)
                + "' to run the batch again from the start";
        JobFolder.requireRegularFile(file, toDo);
        if (!Files.exists(file)) {
            return 0;
        }
        long size = Files.size(file);
        if (size < 40) {
            throw FolderException.damaged(file, "cut short, " + size + " bytes", toDo);
        }
        // Streamed through the checksum, keeping only the header and the block runs: status reads the
        // journal of a running batch without its plan's scenario, so without a bound on its size.
        CRC32C crc = new CRC32C();
        byte[] head = new byte[(int) Math.min(size - 4, STATUS_HEAD_BYTES)];
        byte[] tail = new byte[4];
        try (InputStream stream = Files.newInputStream(file)) {
            DataInputStream all = new DataInputStream(new BufferedInputStream(stream, 1 << 16));
            all.readFully(head);
            crc.update(head);
            byte[] buffer = new byte[1 << 16];
            for (long left = size - 4 - head.length; left > 0; left -= buffer.length) {
                int n = (int) Math.min(left, buffer.length);
                all.readFully(buffer, 0, n);
                crc.update(buffer, 0, n);
            }
            all.readFully(tail);
        } catch (java.io.EOFException e) {
            throw FolderException.damaged(file, "it was cut short while being read", toDo);
        }
        DataInputStream in = new DataInputStream(new ByteArrayInputStream(head));
        try {
            if (in.readLong() != MAGIC || in.readInt() != FORMAT
                    || (int) crc.getValue() != new DataInputStream(new ByteArrayInputStream(tail)).readInt()) {
                throw new IOException("its checksum does not match its contents, or it is of another version");
            }
            in.readLong();
            in.readInt();
            in.readInt();
            in.readInt();
            DesignRun<?> layout = plan.layout();
            return layout.replicationsIn(BlockSet.of(readRuns(in), layout.blocks()));
        } catch (IOException | IllegalArgumentException e) {
            throw FolderException.damaged(file, e.getMessage(), toDo);
        }
    }

    /**
     * Reads a journal's finished blocks: the number of runs, then each run's first and end block.
     *
     * @throws IOException if the number is more than the rest of the journal can hold
     */
    private static List<long[]> readRuns(DataInputStream in) throws IOException {
        int runs = in.readInt();
        if (runs < 0 || runs > in.available() / 16) {
            throw new IOException("a count of " + runs + " block runs");
        }
        List<long[]> list = new ArrayList<>(runs);
        for (int i = 0; i < runs; i++) {
            list.add(new long[] {in.readLong(), in.readLong()});
        }
        return list;
    }

    /**
     * Writes the files of a finished shard ({@link ShardFolder}) instead of tables, from the bytes
     * {@link #journal} made of its complete counts, and removes the plan and journal; redone in full
     * by a resume if a crash stops it at any step.
     */
    public Path finishShard(byte[] counts, JobFolder.Checkpoint checkpoint) throws IOException {
        return finish(work -> ShardFolder.writeBatch(work, dir(), plan, counts), checkpoint);
    }

    // A generous bound on a journal's size: every count a 10-byte number, every share row in use.
    // What status keeps of a journal: its header and up to 2^20 block runs (10^9 replications are 2
    // million blocks of 500, so at most a million runs of done blocks).
    private static final long STATUS_HEAD_BYTES = 36 + 16L * (1 << 20);

    private static long maxJournalBytes(ModelParameters p, long blocks) {
        long states = p.countries().size();
        long ticks = p.ticks();
        long counts = ticks * (states + 1) + states * ticks + states * (ticks + 1) + 2L * states
                + 2L * states * Term.count() + 2L * (BatchSummary.SHARE_RESOLUTION + 1) * (ticks + 1)
                + MoneyRecord.years(p) * p.patrons().size() * states * (MoneyKind.values().length + 1);
        return (1 << 16) + 16 * Math.min(blocks, 1 << 20) + 10 * counts;
    }

    /**
     * Returns the journal's bytes for the counts of the finished blocks of a batch of {@code plan}: a
     * snapshot, so the counts can go on changing while {@link #save(byte[])} writes it.
     */
    public static byte[] journal(Plan plan, BatchSummary summary, BlockSet doneBlocks) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(1 << 18);
        CRC32C crc = new CRC32C();
        DataOutputStream out = new DataOutputStream(new CheckedOutputStream(bytes, crc));
        out.writeLong(MAGIC);
        out.writeInt(FORMAT);
        out.writeLong(plan.replications());
        out.writeInt(plan.blockSize());
        out.writeInt(summary.states());
        out.writeInt(summary.ticks());
        List<long[]> runs = doneBlocks.runs();
        out.writeInt(runs.size());
        for (long[] run : runs) {
            out.writeLong(run[0]);
            out.writeLong(run[1]);
        }
        summary.write(out);
        out.flush();
        new DataOutputStream(bytes).writeInt((int) crc.getValue());
        return bytes.toByteArray();
    }

    /** Saves a journal made by {@link #journal}, atomically and durably. */
    public void save(byte[] journal) throws IOException {
        JobFolder.replace(dir(), JOURNAL, out -> out.write(journal));
    }

    /**
     * Keeps one block's replications: {@code runs/paths-NNNNNN.csv.gz} (replication, month, allies,
     * shares) and {@code runs/switches-NNNNNN.csv.gz} (replication and the columns of switches.csv).
     */
    public void saveRuns(int block, long first, List<RunResult> runs) throws IOException {
        Files.createDirectories(dir().resolve(RUNS));
        String n = String.format("%06d", block);
        JobFolder.replace(dir(), RUNS + "/paths-" + n + ".csv.gz", out -> gzip(out, w -> {
            for (int k = 0; k < runs.size(); k++) {
                RunTables.writeAlliesRows(runs.get(k), first + k, w, k == 0);
            }
        }));
        JobFolder.replace(dir(), RUNS + "/switches-" + n + ".csv.gz", out -> gzip(out, w -> {
            for (int k = 0; k < runs.size(); k++) {
                RunTables.writeSwitchRows(runs.get(k), first + k, w, k == 0);
            }
        }));
    }

    /**
     * Writes through {@code tables} into a hidden folder, moves the files in, and removes the plan
     * and journal; redone in full by a resume if a crash stops it at any step.
     */
    public Path finish(JobFolder.TableWriter tables, JobFolder.Checkpoint checkpoint) throws IOException {
        return folder.finish(tables, checkpoint, PLAN, JOURNAL);
    }

    /** Releases the folder's lock. */
    @Override
    public void close() throws IOException {
        folder.close();
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
}
