package ballast.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * A results folder that appears whole or not at all. Its name is claimed first, by creating it empty
 * (atomically: two commands started in the same second never get the same folder); files are
 * written into a hidden sibling folder, which {@link #commit()} renames onto the claimed, still
 * empty folder in one atomic step; {@link #close()} without a commit deletes both. An existing
 * folder is never overwritten.
 *
 * <pre>{@code
 * try (ResultFolder out = ResultFolder.create(Target.exactly(dir))) {
 *     write(out.dir());
 *     Path done = out.commit();
 * }
 * }</pre>
 */
public final class ResultFolder implements AutoCloseable {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
    private static final Pattern KIND = Pattern.compile("[a-z]+(-[a-z]+)*");
    /** Suffixes tried for a default folder before giving up (-2 ... -MAX_SUFFIX). */
    static final int MAX_SUFFIX = 10_000;

    private final Path target;
    private final Path work;
    private final Thread cleanup;
    private boolean committed;

    /**
     * Where a new results folder goes: a folder the user named ({@link #exactly}), or the default
     * folder of a job's kind ({@link #byDefault}). Every command that writes results picks its folder
     * through this class, so the layout is the same for all of them.
     */
    public static final class Target {
        private final Path exactly;
        private final Path root;
        private final String subject;
        private final String kind;
        private final Instant now;

        private Target(Path exactly, Path root, String subject, String kind, Instant now) {
            this.exactly = exactly;
            this.root = root;
            this.subject = subject;
            this.kind = kind;
            this.now = now;
        }

        /** The folder {@code dir}, which must not exist. */
        public static Target exactly(Path dir) {
            return new Target(dir, null, null, null, null);
        }

        /**
         * The default folder {@code root/<subject>/<kind>-<UTC time>/}, e.g.
         * {@code results/baseline/batch-20261124T050607Z/}, with {@code -2}, {@code -3}, ... if that
         * name is taken. {@code subject} (a scenario's name) is made a safe folder name: characters
         * other than letters, digits, {@code . _ - +} become {@code _}, and so does a leading dot.
         *
         * @param kind lowercase words joined by hyphens: {@code run}, {@code batch}, {@code sweep},
         *     {@code sobol}, {@code slurm-batch}, ...
         */
        public static Target byDefault(Path root, String subject, String kind, Instant now) {
            if (!KIND.matcher(kind).matches()) {
                throw new IllegalArgumentException("a kind of results is lowercase words joined by hyphens, got '" + kind
                        + "'");
            }
            return new Target(null, root, safeName(subject), kind, now);
        }

        /**
         * Creates the folder, empty, and returns its absolute path. A default folder takes the first
         * free suffix; creating a directory is atomic, so two commands never claim the same one.
         *
         * @throws FileAlreadyExistsException if a folder named {@link #exactly} exists
         */
        public Path claim() throws IOException {
            if (exactly != null) {
                Path dir = exactly.toAbsolutePath().normalize();
                makeParents(dir.getParent());
                try {
                    return Files.createDirectory(dir);
                } catch (FileAlreadyExistsException e) {
                    throw new FileAlreadyExistsException(exactly.toString(), null,
                            Files.isDirectory(dir) && isEmpty(dir) ? EMPTY_CLAIM : "results are never overwritten");
                }
            }
            Path parent = root.resolve(subject).toAbsolutePath().normalize();
            makeParents(parent);
            String base = kind + "-" + STAMP.format(now);
            for (int i = 1; i <= MAX_SUFFIX; i++) {
                try {
                    return Files.createDirectory(parent.resolve(i == 1 ? base : base + "-" + i));
                } catch (FileAlreadyExistsException e) {
                    // taken (perhaps a moment ago by another command): try the next suffix
                }
            }
            throw new IOException("no free folder name " + parent.resolve(base) + "-N for N up to " + MAX_SUFFIX);
        }
    }

    /**
     * Creates {@code dir} and its missing parents; a file where a folder must be is named as such
     * ({@code createDirectories} would say it "already exists", which reads as a refusal to overwrite).
     */
    private static void makeParents(Path dir) throws IOException {
        for (Path p = dir; p != null; p = p.getParent()) {
            if (Files.exists(p)) {
                if (!Files.isDirectory(p)) {
                    throw new java.nio.file.FileSystemException(p.toString(), null,
                            "is a file, not a folder, so no results folder can be made in it");
                }
                break;
            }
        }
        Files.createDirectories(dir);
    }

    /** The reason of the refusal of a folder that exists but is empty (a claim whose job was stopped). */
    public static final String EMPTY_CLAIM = "exists, empty";

    /** Returns {@code name} as one safe folder name (never empty, never starting with a dot, no separators). */
    static String safeName(String name) {
        StringBuilder b = new StringBuilder();
        name.codePoints().limit(100).forEach(c -> b.appendCodePoint(
                Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+' ? c : '_'));
        if (b.length() == 0 || b.charAt(0) == '.') {
            b.insert(0, '_');
        }
        return b.toString();
    }

    private ResultFolder(Path target, Path work) {
        this.target = target;
        this.work = work;
        // Ctrl-C runs shutdown hooks: leave no half-written folder behind.
        this.cleanup = new Thread(() -> {
            deleteQuietly(work);
            deleteIfEmpty(target);
        }, "ballast-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Claims {@code target} and starts writing a results folder for it.
     *
     * @throws FileAlreadyExistsException if the folder the user named exists (results are never overwritten)
     * @throws IOException if a folder cannot be made
     */
    public static ResultFolder create(Target target) throws IOException {
        Path claimed = target.claim();
        try {
            Path work = Files.createTempDirectory(claimed.getParent(), "." + claimed.getFileName() + ".partial-");
            // A temporary folder is private (rwx------); the results get what the claimed folder got
            // from the user's umask, as batch and sweep folders do, so colleagues can read them.
            if (Files.getFileStore(work).supportsFileAttributeView("posix")) {
                Files.setPosixFilePermissions(work, Files.getPosixFilePermissions(claimed));
            }
            return new ResultFolder(claimed, work);
        } catch (IOException | RuntimeException e) {
            deleteIfEmpty(claimed);
            throw e;
        }
    }

    /** Claims the folder {@code dir} and starts writing into it: {@code create(Target.exactly(dir))}. */
    public static ResultFolder create(Path dir) throws IOException {
        return create(Target.exactly(dir));
    }

    /** Returns the folder to write into until {@link #commit()}. */
    public Path dir() {
        return work;
    }

    /** Returns the folder the results will have, claimed (and empty) until {@link #commit()}. */
    public Path target() {
        return target;
    }

    /**
     * Moves the finished folder onto its claimed, empty target in one rename, and returns the target.
     *
     * @throws FileAlreadyExistsException if something was put into the target meanwhile
     */
    public Path commit() throws IOException {
        try {
            // rename(2) replaces an empty directory atomically, and refuses a non-empty one.
            Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (DirectoryNotEmptyException | FileAlreadyExistsException e) {
            throw new FileAlreadyExistsException(target.toString(), null, "results are never overwritten");
        } catch (IOException e) {
            if (Files.isDirectory(target) && !isEmpty(target)) {
                throw new FileAlreadyExistsException(target.toString(), null, "results are never overwritten");
            }
            throw e;
        }
        committed = true;
        return target;
    }

    @Override
    public void close() {
        if (!committed) {
            deleteQuietly(work);
            deleteIfEmpty(target);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook does the cleanup.
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }

    /** Removes a claimed folder if nothing was put into it. */
    static void deleteIfEmpty(Path dir) {
        try {
            Files.deleteIfExists(dir);
        } catch (IOException e) {
            // Not empty (someone else's files) or not ours to remove: leave it.
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a hidden leftover is harmless and never mistaken for results.
        }
    }
}
