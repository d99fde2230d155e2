package ballast.output;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The folder of a sweep or sensitivity analysis while it runs and after. While it runs it holds
 * {@code experiment.json} (what the experiment is, design points included: enough to resume it) and
 * {@code journal.txt}, to which every finished block of replications of a point is appended as one
 * line with a CRC-32. A line torn by a crash fails its check and is dropped when the experiment is
 * resumed (that block is simply run again), so nothing finished is lost and nothing is counted twice.
 */
public final class ExperimentFolder {
    public static final String PLAN = "experiment.json";
    public static final String JOURNAL = "journal.txt";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private final Path dir;
    private final Plan plan;
    private FileChannel journal;

    /** A factor as the plan stores it. */
    public record FactorPlan(String path, double low, double high, int levels) {
    }

    /**
     * What an experiment is, saved when it starts.
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
     */
    public record Plan(String kind, String scenarioFile, String scenarioName, String scenarioSha256,
            Map<String, String> sources, long masterSeed, long replications, boolean commonSeeds,
            List<FactorPlan> factors, double[][] points, Map<String, Object> settings, String commandLine,
            String startedAt) {
    }

    private ExperimentFolder(Path dir, Plan plan) {
        this.dir = dir;
        this.plan = plan;
    }

    /**
     * Creates the folder of a new experiment and saves its plan.
     *
     * @throws FileAlreadyExistsException if {@code target} exists (results are never overwritten)
     */
    public static ExperimentFolder create(Path target, Plan plan) throws IOException {
        Path dir = target.toAbsolutePath().normalize();
        if (Files.exists(dir)) {
            throw new FileAlreadyExistsException(target.toString(), null, "results are never overwritten");
        }
        Files.createDirectories(dir.getParent());
        Files.createDirectory(dir);
        try {
            BatchFolder.replace(dir, PLAN, out -> out.write(JSON.writeValueAsBytes(plan)));
        } catch (IOException | RuntimeException e) {
            BatchFolder.deleteTree(dir);
            throw e;
        }
        return new ExperimentFolder(dir, plan);
    }

    /**
     * Opens an unfinished experiment of {@code kind}.
     *
     * @throws NoSuchFileException if {@code dir} is not one (finished, another kind, or no such folder)
     */
    public static ExperimentFolder open(Path dir, String kind) throws IOException {
        Path planFile = dir.resolve(PLAN);
        if (!Files.exists(planFile)) {
            String why = Files.exists(dir.resolve(Manifest.FILE)) ? "it is finished (it has manifest.json)"
                    : Files.isDirectory(dir) ? "it has no " + PLAN + ", so it is not an unfinished " + kind
                    : "no such folder";
            throw new NoSuchFileException(dir.toString(), null, "cannot resume: " + why);
        }
        Plan plan = JSON.readValue(planFile.toFile(), Plan.class);
        if (!plan.kind().equals(kind)) {
            throw new NoSuchFileException(dir.toString(), null, "cannot resume: it is a " + plan.kind()
                    + ", not a " + kind + " (use 'ballast " + plan.kind() + " --resume')");
        }
        return new ExperimentFolder(dir.toAbsolutePath().normalize(), plan);
    }

    public Path dir() {
        return dir;
    }

    public Plan plan() {
        return plan;
    }

    /** A journaled block: its point, its index within the point, and its counts. */
    public record Block(int point, int block, long[] counts) {
    }

    /**
     * Reads the journal: every intact line, first occurrence of each block only. Cuts off a torn last
     * line, so appending goes on after the last intact one.
     */
    public List<Block> load() throws IOException {
        Path file = dir.resolve(JOURNAL);
        if (!Files.exists(file)) {
            return List.of();
        }
        byte[] bytes = Files.readAllBytes(file);
        Map<Long, Block> blocks = new LinkedHashMap<>();
        int start = 0;
        int intactEnd = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] != '\n') {
                continue;
            }
            Block b = parse(new String(bytes, start, i - start, StandardCharsets.US_ASCII));
            if (b != null) {
                blocks.putIfAbsent(((long) b.point() << 32) | b.block(), b);
                intactEnd = i + 1;
            }
            start = i + 1;
        }
        if (intactEnd < bytes.length) {
            try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
                ch.truncate(intactEnd);
            }
        }
        return List.copyOf(blocks.values());
    }

    /** Appends a finished block. Not thread-safe: the runner calls it one block at a time. */
    public void append(int point, int block, long[] counts) throws IOException {
        if (journal == null) {
            journal = FileChannel.open(dir.resolve(JOURNAL), StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                    StandardOpenOption.APPEND);
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
    }

    private static long crc(CharSequence text) {
        CRC32 crc = new CRC32();
        crc.update(text.toString().getBytes(StandardCharsets.US_ASCII));
        return crc.getValue();
    }

    /** Returns the block of a journal line, or null if the line is not intact. */
    static Block parse(String line) {
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
            long[] counts = new long[numbers.length];
            for (int i = 0; i < numbers.length; i++) {
                counts[i] = Long.parseLong(numbers[i]);
            }
            return new Block(Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), counts);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Closes the journal, writes the final files through {@code tables}, and removes the plan and journal. */
    public Path finish(BatchFolder.TableWriter tables) throws IOException {
        closeJournal();
        return BatchFolder.finish(dir, tables, JOURNAL, PLAN);
    }

    /** Closes the journal (after an interruption; the folder stays resumable). */
    public void closeJournal() throws IOException {
        if (journal != null) {
            journal.force(false);
            journal.close();
            journal = null;
        }
    }
}
