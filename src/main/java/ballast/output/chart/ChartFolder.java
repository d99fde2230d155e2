package ballast.output.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Writes figures into a folder all or nothing: into a hidden folder beside it first, then moved in,
 * so a failure leaves no half-written chart; existing charts are replaced only when asked.
 */
public final class ChartFolder {
    private ChartFolder() {
    }

    /** Returns the folder for charts of {@code width} in results folder {@code dir}: {@code charts/<width>/}. */
    public static Path of(Path dir, ChartWidth width) {
        return dir.resolve("charts").resolve(width.label());
    }

    /**
     * Writes {@code figures} in {@code formats} into {@code target}.
     *
     * @throws FileAlreadyExistsException if a chart exists and not {@code replace}; nothing is written then
     */
    public static List<Path> write(List<Figure> figures, Path target, List<ChartFormat> formats, boolean replace)
            throws IOException {
        if (!replace) {
            for (Figure f : figures) {
                for (ChartFormat format : formats) {
                    Path file = target.resolve(f.name() + "." + format.extension());
                    if (Files.exists(file)) {
                        throw new FileAlreadyExistsException(file.toString());
                    }
                }
            }
        }
        Path parent = target.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path work = Files.createTempDirectory(parent, ".charts-");
        try {
            // Figures are drawn on all cores (each has its own chart objects); the files keep figure order.
            List<Path> drawn = new ArrayList<>();
            try {
                figures.parallelStream().map(f -> {
                    try {
                        return ChartWriter.write(f, work, formats);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                }).toList().forEach(drawn::addAll);
            } catch (UncheckedIOException e) {
                throw e.getCause();
            }
            Files.createDirectories(target);
            List<Path> written = new ArrayList<>();
            for (Path file : drawn) {
                Path into = target.resolve(file.getFileName().toString());
                Files.move(file, into, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
                written.add(into);
            }
            return written;
        } finally {
            try (Stream<Path> left = Files.walk(work)) {
                for (Path p : left.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
