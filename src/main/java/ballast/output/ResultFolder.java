package ballast.output;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A results folder that appears whole or not at all. Files are written into a hidden sibling
 * folder, which {@link #commit()} renames to the target in one atomic step; {@link #close()} without
 * a commit deletes it. An existing target is never overwritten.
 *
 * <pre>{@code
 * try (ResultFolder out = ResultFolder.create(target)) {
 *     write(out.dir());
 *     Path done = out.commit();
 * }
 * }</pre>
 */
public final class ResultFolder implements AutoCloseable {
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("uuuuMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);

    private final Path target;
    private final Path work;
    private final Thread cleanup;
    private boolean committed;

    private ResultFolder(Path target, Path work) {
        this.target = target;
        this.work = work;
        // Ctrl-C runs shutdown hooks: leave no half-written folder behind.
        this.cleanup = new Thread(() -> deleteQuietly(work), "ballast-cleanup");
        Runtime.getRuntime().addShutdownHook(cleanup);
    }

    /**
     * Returns {@code results/<scenario>/<UTC time>} under {@code root}, with {@code -2}, {@code -3}, ...
     * appended if a folder of that second already exists.
     */
    public static Path defaultTarget(Path root, String scenario, Instant now) {
        Path base = root.resolve(scenario).resolve(STAMP.format(now));
        Path candidate = base;
        for (int i = 2; Files.exists(candidate); i++) {
            candidate = base.resolveSibling(base.getFileName() + "-" + i);
        }
        return candidate;
    }

    /**
     * Starts a results folder for {@code target}.
     *
     * @throws FileAlreadyExistsException if {@code target} exists (results are never overwritten)
     * @throws IOException if the working folder cannot be made
     */
    public static ResultFolder create(Path target) throws IOException {
        Path absolute = target.toAbsolutePath().normalize();
        if (Files.exists(absolute)) {
            throw new FileAlreadyExistsException(target.toString(), null, "results are never overwritten");
        }
        Path parent = absolute.getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, "." + absolute.getFileName() + ".partial-");
        return new ResultFolder(absolute, work);
    }

    /** Returns the folder to write into until {@link #commit()}. */
    public Path dir() {
        return work;
    }

    /**
     * Moves the finished folder to its target and returns the target.
     *
     * @throws FileAlreadyExistsException if the target appeared meanwhile
     */
    public Path commit() throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString(), null, "results are never overwritten");
        }
        Files.move(work, target, StandardCopyOption.ATOMIC_MOVE);
        committed = true;
        return target;
    }

    @Override
    public void close() {
        if (!committed) {
            deleteQuietly(work);
        }
        try {
            Runtime.getRuntime().removeShutdownHook(cleanup);
        } catch (IllegalStateException e) {
            // Already shutting down: the hook does the cleanup.
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
