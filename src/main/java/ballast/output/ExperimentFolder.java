package ballast.output;

import ballast.experiment.Design;
import ballast.experiment.DesignRun;
import ballast.experiment.Shard;
import ballast.shell.ShellWords;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.zip.CRC32;

/**
 * The folder of a sweep or sensitivity analysis while it runs and after. While it runs it holds
 * {@code experiment.json} (what the experiment is, design points included, with a checksum: enough to
 * resume it) and {@code journal.txt}, to which every finished block of replications of a point is
 * appended as one line with a CRC-32. A crash can tear only the line being written, the last one: a
 * torn last line is dropped when the experiment is resumed (that block is simply run again). A line
 * that fails its check with intact lines after it is damage, not a crash, and is refused: the counts
 * around it cannot be trusted. The folder is locked while a process runs it, and finishing can be
 * redone after a crash at any step ({@link JobFolder}).
 */
public final class ExperimentFolder implements AutoCloseable {
    public static final String PLAN = "experiment.json";
    public static final String JOURNAL = "journal.txt";
    private static final Set<String> KINDS = Set.of("sweep", "sensitivity");
    private static final int MAX_LINE = 1 << 16;
    /** Appended lines are forced to disk at least this often, so a power cut loses at most this much work. */
    private static final long FORCE_EVERY_NANOS = 2_000_000_000L;

    private final JobFolder folder;
    private final Plan plan;
    private FileChannel journal;
    private long forcedAt;

    /** A factor as the plan stores it. */
    public record FactorPlan(String path, double low, double high, int levels) {
        public FactorPlan {
            Objects.requireNonNull(path, "path");
        }
    }

    /**
     * What an experiment is, saved when it starts. The points are copied in and out (the rule of
     * {@link Design}).
     *
     * @param kind {@code sweep} or {@code sensitivity}
     * @param scenarioFile the scenario file, absolute
     * @param scenarioName its name
     * @param scenarioSha256 hash of the resolved scenario
     * @param sources every file read, absolute, with its SHA-256 (a resume refuses if one changed)
     * @param masterSeed the seed everything derives from
     * @param replications replications per point
     * @param commonSeeds whether every point uses the same replication seeds
     * @param factors what varies
     * @param points the design, {@code points[point][factor]}
     * @param settings what else the kind needs (design, method, outputs, ...)
     * @param commandLine the command that started it
     * @param startedAt when, ISO-8601
     * @param shard the part of the points' replications this folder runs ({@code --shard}), or null for all
     */
    public record Plan(String kind, String scenarioFile, String scenarioName, String scenarioSha256,
            Map<String, String> sources, long masterSeed, long replications, boolean commonSeeds,
            List<FactorPlan> factors, double[][] points, Map<String, Object> settings, String commandLine,
            String startedAt, @JsonInclude(JsonInclude.Include.NON_NULL) Shard shard) {

        /** @throws IllegalArgumentException if a value is missing or out of range */
        public Plan {
            if (!KINDS.contains(kind)) {
                throw new IllegalArgumentException("kind must be one of " + KINDS + ", got " + kind);
            }
            Objects.requireNonNull(scenarioFile, "scenarioFile");
            Objects.requireNonNull(scenarioName, "scenarioName");
            Objects.requireNonNull(scenarioSha256, "scenarioSha256");
            // In order: the plan's checksum is over its JSON, so the order must survive a reread.
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(sources, "sources")));
            settings = Collections.unmodifiableMap(new LinkedHashMap<>(Objects.requireNonNull(settings, "settings")));
            factors = List.copyOf(factors);
            Objects.requireNonNull(commandLine, "commandLine");
            Objects.requireNonNull(startedAt, "startedAt");
            DesignRun.checkReplications(replications);
            if (Objects.requireNonNull(points, "points").length < 1) {
                throw new IllegalArgumentException("a design needs at least one point");
            }
            points = copy(points, factors.size());
            if (shard != null) {
                shard.first(points.length * replications); // a shard must hold at least one replication
            }
        }

        /** The plan of a whole experiment (no shard). */
        public Plan(String kind, String scenarioFile, String scenarioName, String scenarioSha256,
                Map<String, String> sources, long masterSeed, long replications, boolean commonSeeds,
                List<FactorPlan> factors, double[][] points, Map<String, Object> settings, String commandLine,
                String startedAt) {
            this(kind, scenarioFile, scenarioName, scenarioSha256, sources, masterSeed, replications, commonSeeds,
                    factors, points, settings, commandLine, startedAt, null);
        }

        @Override
        public double[][] points() {
            return copy(points, factors.size());
        }

        private static double[][] copy(double[][] points, int factors) {
            Design.checkSize(points.length, "the plan's design");
            double[][] out = new double[points.length][];
            for (int p = 0; p < points.length; p++) {
                if (points[p] == null || points[p].length != factors) {
                    throw new IllegalArgumentException("point " + p + " does not have one value per factor");
                }
                out[p] = points[p].clone();
            }
            return out;
        }
    }

    /** Receives the journal's blocks as they are read. */
    @FunctionalInterface
    public interface BlockReader {
        /**
         * One journaled block.
         *
         * @throws IllegalArgumentException if it does not fit the experiment (the journal is then refused)
         */
        void block(int point, int block, long[] counts);
    }

    private ExperimentFolder(JobFolder folder, Plan plan) {
        this.folder = folder;
        this.plan = plan;
    }

    /**
     * Claims the folder of a new experiment, locks it and saves its plan.
     *
     * @throws FileAlreadyExistsException if a folder the user named exists (results are never overwritten)
     */
    public static ExperimentFolder create(ResultFolder.Target target, Plan plan) throws IOException {
        return new ExperimentFolder(JobFolder.create(target, PLAN, plan), plan);
    }

    /**
     * Opens and locks an unfinished experiment of {@code kind}.
     *
     * @throws NoSuchFileException if {@code dir} is not one (finished, another kind, or no such folder)
     * @throws FolderException if its plan is damaged or another process holds it
     */
    public static ExperimentFolder open(Path dir, String kind) throws IOException {
        JobFolder folder = JobFolder.open(dir, PLAN, noun(kind), List.of(JOURNAL));
        try {
            Plan plan = JobFolder.readPlan(folder.dir().resolve(PLAN), Plan.class,
                    "the " + noun(kind) + " cannot be resumed; start it again in a new folder");
            if (!plan.kind().equals(kind)) {
                throw new NoSuchFileException(dir.toString(), null, "cannot resume: it is a " + noun(plan.kind())
                        + ", not a " + noun(kind) + " (use 'ballast " + plan.kind() + " --resume')");
            }
            return new ExperimentFolder(folder, plan);
        } catch (IOException | RuntimeException e) {
            folder.close();
            throw e;
        }
    }

    private static String noun(String kind) {
        return "sensitivity".equals(kind) ? "sensitivity analysis" : kind;
    }

    public Path dir() {
        return folder.dir();
    }

    public Plan plan() {
        return plan;
    }

    /**
     * Reads the journal, handing every block to {@code reader} as its line is read (nothing per line
     * is kept). A torn last line is cut off, so appending goes on after the last intact one.
     *
     * @throws FolderException if a line other than the last fails its check, or an intact line does
     *     not fit the experiment
     */
    public void load(BlockReader reader) throws IOException {
        Path file = dir().resolve(JOURNAL);
        if (!Files.exists(file)) {
            return;
        }
        String resume = "run '" + ShellWords.command("ballast", plan.kind(), "--resume", dir()) + "'";
        JobFolder.requireRegularFile(file, "delete it and " + resume + " to run its blocks again");
        // A line that failed its check is fine only if it is the last (a crash tore it).
        var state = new Object() {
            int lineNumber;
            long lineEnd;
            long intactEnd;
            int badLine;
            String badWhy;
        };
        long offset = readLines(file, (text, end) -> {
            state.lineNumber++;
            state.lineEnd = end;
            if (state.badWhy != null) {
                throw damagedAt(file, state.badLine, state.badWhy, resume);
            }
            long[] parsed = text == null ? null : parse(text);
            if (parsed == null) {
                state.badLine = state.lineNumber;
                state.badWhy = text == null ? "a line too long to be a block" : "a line fails its checksum";
                return;
            }
            try {
                reader.block((int) parsed[0], (int) parsed[1], java.util.Arrays.copyOfRange(parsed, 2, parsed.length));
            } catch (IllegalArgumentException e) {
                throw damagedAt(file, state.lineNumber, e.getMessage(), resume);
            }
            state.intactEnd = end;
        });
        if (state.badWhy != null && offset > state.lineEnd) {
            throw damagedAt(file, state.badLine, state.badWhy, resume); // a torn line follows the bad one
        }
        long intactEnd = state.intactEnd;
        if (intactEnd < offset) {
            // The last line was torn by a crash: cut it off; its block runs again.
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(intactEnd);
                ch.force(false);
            }
        }
    }

    private static FolderException damagedAt(Path file, int line, String why, String resume) {
        return FolderException.damaged(file, "line " + line + ": " + why + ", and it is not the last line",
                "delete it, or keep only its first " + (line - 1) + " lines, and " + resume
                        + " to run the lost blocks again");
    }

    /** Appends a finished block. Not thread-safe: the runner calls it one block at a time. */
    public void append(int point, int block, long[] counts) throws IOException {
        if (journal == null) {
            journal = FileChannel.open(dir().resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
            forcedAt = System.nanoTime();
        }
        StringBuilder line = new StringBuilder(16 + counts.length * 6).append(point).append(' ').append(block)
                .append(' ');
        for (int i = 0; i < counts.length; i++) {
            line.append(i == 0 ? "" : ",").append(counts[i]);
        }
        line.append(' ').append(Long.toHexString(crc(line))).append('\n');
        ByteBuffer buffer = ByteBuffer.wrap(line.toString().getBytes(StandardCharsets.US_ASCII));
        while (buffer.hasRemaining()) {
            journal.write(buffer);
        }
        if (System.nanoTime() - forcedAt > FORCE_EVERY_NANOS) {
            journal.force(false);
            forcedAt = System.nanoTime();
        }
    }

    private static long crc(CharSequence text) {
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /** Returns {point, block, counts...} of a journal line, or null if the line is not intact. */
    static long[] parse(String line) {
        int lastSpace = line.lastIndexOf(' ');
        if (lastSpace < 0) {
            return null;
        }
        String body = line.substring(0, lastSpace + 1);
        try {
            if (Long.parseLong(line.substring(lastSpace + 1), 16) != crc(body)) {
                return null;
            }
            String[] parts = body.trim().split(" ");
            if (parts.length != 3) {
                return null;
            }
            String[] numbers = parts[2].split(",");
            long[] out = new long[2 + numbers.length];
            out[0] = Integer.parseInt(parts[0]);
            out[1] = Integer.parseInt(parts[1]);
            for (int i = 0; i < numbers.length; i++) {
                out[2 + i] = Long.parseLong(numbers[i]);
            }
            return out;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Returns how many replications the journal in {@code dir} has saved, counting its intact lines,
     * without locking the folder: for {@code ballast status} while an experiment runs.
     */
    static long savedReplications(Path dir, String kind) throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.exists(file)) {
            return 0;
        }
        JobFolder.requireRegularFile(file, "delete it and run '" + ShellWords.command("ballast", kind, "--resume", dir)
                + "' to run its blocks again");
        long[] n = {0};
        readLines(file, (text, end) -> {
            long[] parsed = text == null ? null : parse(text);
            if (parsed != null && parsed.length > 2) {
                n[0] += parsed[2]; // a point's counts start with its replications
            }
        });
        return n[0];
    }

    /** Receives a complete line of a journal: its text (null if too long to be a block's) and the offset after it. */
    private interface LineReader {
        void line(String text, long end) throws IOException;
    }

    /**
     * Hands each complete line of {@code file} to {@code reader}, read byte by byte into a bounded
     * buffer (a damaged journal may hold no line break at all); a last line without its line break is
     * not handed over (a crash tore it). Returns the file's length in bytes.
     */
    private static long readLines(Path file, LineReader reader) throws IOException {
        long offset = 0;
        byte[] line = new byte[MAX_LINE];
        int length = 0;
        boolean tooLong = false;
        try (InputStream in = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            for (int c = in.read(); c != -1; c = in.read()) {
                offset++;
                if (c != '\n') {
                    if (length < MAX_LINE) {
                        line[length++] = (byte) c;
                    } else {
                        tooLong = true;
                    }
                    continue;
                }
                reader.line(tooLong ? null : new String(line, 0, length, StandardCharsets.US_ASCII), offset);
                length = 0;
                tooLong = false;
            }
        }
        return offset;
    }

    /**
     * Closes the journal and writes the files of a finished shard ({@link ShardFolder}) instead of
     * tables, and removes the plan and journal; redone in full by a resume if a crash stops it.
     */
    public Path finishShard(JobFolder.Checkpoint checkpoint) throws IOException {
        closeJournal();
        return folder.finish(work -> ShardFolder.writeExperiment(work, dir(), plan), checkpoint, PLAN, JOURNAL);
    }

    /**
     * Closes the journal, writes the final files through {@code tables}, and removes the plan and
     * journal; redone in full by a resume if a crash stops it at any step.
     */
    public Path finish(JobFolder.TableWriter tables, JobFolder.Checkpoint checkpoint) throws IOException {
        closeJournal();
        return folder.finish(tables, checkpoint, PLAN, JOURNAL);
    }

    /** Closes the journal (after an interruption; the folder stays resumable). */
    public void closeJournal() throws IOException {
        if (journal != null) {
            journal.force(false);
            journal.close();
            journal = null;
        }
    }

    /** Closes the journal and releases the folder's lock. */
    @Override
    public void close() throws IOException {
        try {
            closeJournal();
        } finally {
            folder.close();
        }
    }
}
