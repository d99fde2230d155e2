package ballast.output;

import ballast.shell.ShellWords;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The folder of a resumable job (a batch, a sweep, a sensitivity analysis) while it runs, as
 * {@link BatchFolder} and {@link ExperimentFolder} share it:
 *
 * <ul>
 *   <li><b>A lock.</b> Whoever runs or resumes the job holds a lock on {@code .ballast.lock} in the
 *       folder ({@link FileChannel#tryLock()}); a second process is refused. The operating system
 *       drops the lock when the process ends, however it ends.</li>
 *   <li><b>A verified plan.</b> The plan is saved once, as JSON with a SHA-256 of its contents;
 *       a plan that fails the check is refused, never guessed at.</li>
 *   <li><b>Finishing that can be redone.</b> The final files are written into a hidden folder and
 *       moved in one by one, each replacing what an earlier, interrupted finishing left; only then is
 *       the plan removed (the moment the job counts as finished), then the journal and the lock file.
 *       A crash or power cut at any step leaves a folder that {@code --resume} finishes: the plan and
 *       journal are still there until every final file is.</li>
 * </ul>
 */
public final class JobFolder implements AutoCloseable {
    /** The lock file, hidden, in the job's folder. */
    public static final String LOCK = ".ballast.lock";
    static final String PARTIAL = ".tables.partial";
    /** Plans are written in this format; another is refused. */
    static final int PLAN_FORMAT = 2;
    /** No plan is larger (a design's points are bounded, see {@code Design}). */
    static final long MAX_PLAN_BYTES = 128L << 20;
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private final Path dir;
    private final FileChannel lock;

    /** Writes a job's final files into a folder. */
    @FunctionalInterface
    public interface TableWriter {
        void write(Path dir) throws IOException;
    }

    /**
     * Told each step of finishing as it is done; a test makes it throw to stand for a crash at that
     * point. Production code passes {@link #NONE}.
     */
    @FunctionalInterface
    public interface Checkpoint {
        /** No checkpoint. */
        Checkpoint NONE = step -> { };

        void reached(String step) throws IOException;
    }

    @FunctionalInterface
    interface Content {
        void write(OutputStream out) throws IOException;
    }

    private JobFolder(Path dir, FileChannel lock) {
        this.dir = dir;
        this.lock = lock;
    }

    /** Claims {@code target} (a new, empty folder), locks it and saves {@code plan} as {@code planName}. */
    static JobFolder create(ResultFolder.Target target, String planName, Object plan) throws IOException {
        Path dir = target.claim();
        JobFolder folder = null;
        try {
            folder = new JobFolder(dir, lock(dir));
            folder.writePlan(planName, plan);
            return folder;
        } catch (IOException | RuntimeException e) {
            if (folder != null) {
                folder.close();
            }
            deleteTree(dir);
            throw e;
        }
    }

    /**
     * Locks the unfinished job in {@code dir}, whose plan is {@code planName}.
     *
     * @param noun what the job is, for messages ("batch", "sweep")
     * @param leftovers files that only an unfinished job has (journals): removed if the job turns out
     *     to be finished (a crash in the last steps of finishing can leave them)
     * @throws NoSuchFileException if {@code dir} is not an unfinished job
     * @throws FolderException if another process holds it
     */
    static JobFolder open(Path dir, String planName, String noun, List<String> leftovers) throws IOException {
        Path abs = dir.toAbsolutePath().normalize();
        // Finished: a manifest and no plan of any job (an unfinished job of another kind is left alone).
        boolean finished = Files.exists(abs.resolve(Manifest.FILE)) && !Files.exists(abs.resolve(BatchFolder.PLAN))
                && !Files.exists(abs.resolve(ExperimentFolder.PLAN));
        if (!Files.exists(abs.resolve(planName)) && !finished) {
            throw new NoSuchFileException(dir.toString(), null, "cannot resume: " + (Files.isDirectory(abs)
                    ? "it has no " + planName + ", so it is not an unfinished " + noun : "no such folder"));
        }
        JobFolder folder = new JobFolder(abs, lock(abs));
        if (!Files.exists(abs.resolve(planName))) {
            // Finished, perhaps by a process that crashed after removing the plan: tidy what it left.
            try (folder) {
                for (String name : leftovers) {
                    Files.deleteIfExists(abs.resolve(name));
                    Files.deleteIfExists(abs.resolve(tmpName(name)));
                }
                deleteTree(abs.resolve(PARTIAL));
                Files.deleteIfExists(abs.resolve(LOCK));
            }
            boolean shard = Files.exists(abs.resolve(ShardFolder.PLAN)); // a finished shard keeps its plan
            throw new NoSuchFileException(dir.toString(), null, shard
                    ? "cannot resume: it is a finished shard (it has " + Manifest.FILE + "); '"
                            + ShellWords.command("ballast", "status", dir)
                            + "' checks it, 'ballast merge' adds it to the other shards"
                    : "cannot resume: it is a finished " + finishedKind(abs, noun) + " (it has " + Manifest.FILE
                            + ")");
        }
        return folder;
    }

    /**
     * Returns what the finished folder {@code dir} holds, from its manifest's kind ("run", "sweep",
     * "comparison"), or {@code noun} if the manifest does not say (so that a batch --resume
     * of a run's folder does not call it a finished batch).
     */
    private static String finishedKind(Path dir, String noun) {
        Path file = dir.resolve(Manifest.FILE);
        try {
            if (!Files.isRegularFile(file) || Files.size(file) > MAX_PLAN_BYTES) {
                return noun;
            }
            String kind = COMPACT.readTree(file.toFile()).path(Manifest.KIND).asText("");
            return switch (kind) {
                case Manifest.BATCH, Manifest.RUN, Manifest.SWEEP -> kind;
                case Manifest.SENSITIVITY -> "sensitivity analysis";
                case Manifest.BACKTEST -> "back-test";
                case Manifest.COMPARE -> "comparison";
                case Manifest.CALIBRATE -> "calibration";
                default -> noun;
            };
        } catch (IOException | RuntimeException e) {
            return noun;
        }
    }

    private static FileChannel lock(Path dir) throws IOException {
        FileChannel channel = FileChannel.open(dir.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        FileLock held;
        try {
            held = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            held = null; // this JVM holds it already
        }
        if (held == null) {
            channel.close();
            throw FolderException.inUse(dir);
        }
        return channel;
    }

    Path dir() {
        return dir;
    }

    private void writePlan(String name, Object plan) throws IOException {
        ObjectNode root = PRETTY.createObjectNode();
        root.put("format", PLAN_FORMAT);
        root.put("sha256", Provenance.sha256(COMPACT.writeValueAsBytes(plan)));
        root.set("plan", PRETTY.valueToTree(plan));
        byte[] bytes = PRETTY.writeValueAsBytes(root);
        replace(dir, name, out -> out.write(bytes));
        syncDirectory(dir);
    }

    /**
     * Refuses a job's file that is not a regular file: a device, a pipe or a folder put in its place
     * reports a size of 0 (or none), and reading it could block forever or never end. A file that does
     * not exist passes; its caller decides what that means.
     *
     * @param toDo what the user can do, for the message
     * @throws FolderException if {@code file} exists and is not a regular file
     */
    static void requireRegularFile(Path file, String toDo) throws FolderException {
        if (Files.exists(file) && !Files.isRegularFile(file)) {
            throw FolderException.damaged(file, Files.isDirectory(file) ? "a folder where a file should be"
                    : "not a regular file", toDo);
        }
    }

    /**
     * Reads and checks a plan saved by {@link #create}: valid JSON, this format, and the SHA-256 of
     * its contents as saved; the plan's own constructor checks its values.
     *
     * @param toDo what the user can do if it is damaged, for the message
     * @throws FolderException if it fails a check
     */
    static <T> T readPlan(Path file, Class<T> type, String toDo) throws IOException {
        requireRegularFile(file, toDo);
        if (Files.size(file) > MAX_PLAN_BYTES) {
            throw FolderException.damaged(file, "it is larger than any plan, " + Files.size(file) + " bytes", toDo);
        }
        JsonNode root;
        try {
            root = COMPACT.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw FolderException.damaged(file, "not valid JSON at line " + e.getLocation().getLineNr(), toDo);
        }
        if (root == null || !root.isObject()) {
            throw FolderException.damaged(file, "not a JSON object", toDo);
        }
        if (!root.has("format") && root.has("scenarioFile")) {
            throw FolderException.otherVersion(file, toDo);
        }
        if (root.path("format").asInt(-1) != PLAN_FORMAT || !root.path("sha256").isTextual()
                || !root.path("plan").isObject()) {
            throw root.path("format").isInt() && root.path("format").asInt() != PLAN_FORMAT
                    ? FolderException.otherVersion(file, toDo)
                    : FolderException.damaged(file, "it lacks its format, checksum or plan", toDo);
        }
        T plan;
        try {
            plan = COMPACT.treeToValue(root.get("plan"), type);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw FolderException.damaged(file, "its plan does not hold together: " + shorten(why), toDo);
        }
        if (plan == null || !Provenance.sha256(COMPACT.writeValueAsBytes(plan)).equals(root.get("sha256").asText())) {
            throw FolderException.damaged(file, "its checksum does not match its contents", toDo);
        }
        return plan;
    }

    private static String shorten(String text) {
        String line = String.valueOf(text).lines().findFirst().orElse("");
        return line.length() <= 160 ? line : line.substring(0, 157) + "...";
    }

    /**
     * Writes through {@code tables} into a hidden folder, moves the files in (replacing any that an
     * interrupted finishing moved in before), removes the plan (the job is now finished), then
     * {@code bookkeeping} (journals) and the lock file. Tells {@code checkpoint} after each step.
     */
    Path finish(TableWriter tables, Checkpoint checkpoint, String planName, String... bookkeeping) throws IOException {
        Path work = dir.resolve(PARTIAL);
        deleteTree(work);
        Files.createDirectory(work);
        tables.write(work);
        checkpoint.reached("tables written");
        List<Path> files;
        try (Stream<Path> list = Files.list(work)) {
            files = list.sorted().toList();
        }
        for (Path f : files) {
            Path target = dir.resolve(f.getFileName().toString());
            deleteTree(target);
            Files.move(f, target, StandardCopyOption.ATOMIC_MOVE);
            checkpoint.reached("moved " + f.getFileName());
        }
        Files.delete(work);
        syncDirectory(dir);
        checkpoint.reached("work folder removed");
        Files.delete(dir.resolve(planName));
        syncDirectory(dir);
        checkpoint.reached("plan removed");
        for (String name : bookkeeping) {
            Files.deleteIfExists(dir.resolve(name));
            Files.deleteIfExists(dir.resolve(tmpName(name)));
            checkpoint.reached("removed " + name);
        }
        Files.deleteIfExists(dir.resolve(LOCK));
        checkpoint.reached("lock removed");
        return dir;
    }

    /** Releases the lock (the lock file stays while the job is unfinished: removing it could let two in). */
    @Override
    public void close() throws IOException {
        lock.close();
    }

    static String tmpName(String name) {
        return "." + name + ".tmp";
    }

    /** Writes beside, forces to disk, renames over: readers see the old file or the new one, whole. */
    static void replace(Path dir, String name, Content content) throws IOException {
        Path target = dir.resolve(name);
        Path tmp = target.resolveSibling(tmpName(target.getFileName().toString()));
        try (FileOutputStream file = new FileOutputStream(tmp.toFile());
                OutputStream out = new BufferedOutputStream(file, 1 << 16)) {
            content.write(out);
            out.flush();
            file.getFD().sync();
        }
        Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Forces a folder's entries (renames, removals) to disk, where the system allows it. */
    static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // Not every system can open a folder for syncing; the renames are still atomic.
        }
    }

    static void deleteTree(Path p) throws IOException {
        if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(p)) {
            for (Path f : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(f);
            }
        }
    }
}
