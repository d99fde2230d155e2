package ballast.output;

import ballast.experiment.Shard;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The folder of one shard of a batch, sweep or sensitivity analysis ({@code --shard I/N}). While it
 * runs it is a batch or experiment folder like any other, whose plan names the shard, and it resumes
 * the same way. When it is done it holds, instead of tables:
 *
 * <ul>
 *   <li>{@code manifest.json}: what the shard is a part of (the scenario's and data files' SHA-256,
 *       the master seed, the replication count, the design's SHA-256, shard I of N and the units it
 *       ran), the Ballast version and git commit, and the SHA-256 of its counts;</li>
 *   <li>{@code counts.bin} (a batch: its counts in the form of a batch journal, with a CRC-32C) or
 *       {@code counts.txt} (a sweep or sensitivity analysis: its journal, one block per line with a
 *       CRC-32);</li>
 *   <li>{@code plan.json}: the job's plan, design points included, with its checksum, so that a merge
 *       can write the tables without being told the arguments again.</li>
 * </ul>
 */
public final class ShardFolder {
    public static final String BATCH_COUNTS = "counts.bin";
    public static final String POINT_COUNTS = "counts.txt";
    public static final String PLAN = "plan.json";
    /** The {@code kind} of a shard's manifest. */
    static final String KIND = "shard";
    private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final ObjectMapper COMPACT = new ObjectMapper();

    private ShardFolder() {
    }

    /**
     * Which units a shard ran: {@code [firstUnit, endUnit)}, a unit being replication {@code i} of
     * point {@code p}, numbered {@code p * replications + i}.
     */
    public record Part(int index, int count, long firstUnit, long endUnit) {
        public Part {
            new Shard(index, count);
            if (firstUnit < 0 || endUnit <= firstUnit) {
                throw new IllegalArgumentException("a shard's units must be a non-empty range, got [" + firstUnit + ", "
                        + endUnit + ")");
            }
        }

        /** Returns the shard, I of N. */
        public Shard shard() {
            return new Shard(index, count);
        }

        /** Returns how many replications the shard ran. */
        public long replications() {
            return endUnit - firstUnit;
        }
    }

    /** The counts file of a shard and its SHA-256. */
    public record Counts(String file, String sha256, long bytes) {
        public Counts {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(sha256, "sha256");
        }
    }

    /**
     * What a job is, as far as its shards must agree: two shards merge only if these are equal
     * (source files compared by content, not by path).
     *
     * @param job {@code batch}, {@code sweep} or {@code sensitivity}
     * @param designSha256 SHA-256 of the design (factors, points, settings, common seeds); null for a batch
     * @param shards into how many shards the job was cut
     */
    public record Job(String job, String scenarioName, String scenarioFile, String scenarioSha256,
            Map<String, String> sources, long masterSeed, long replications, int points, boolean commonSeeds,
            String designSha256, int shards) {
        public Job {
            sources = Collections.unmodifiableMap(new LinkedHashMap<>(sources));
        }

        /** Returns the replications of the whole job (all points). */
        public long units() {
            return points * replications;
        }

        /** Returns e.g. "a batch of baseline (10,000 replications, seed 7)". */
        public String describe() {
            return String.format(Locale.ROOT, "%s of %s (%s, master seed %d)", article(job), scenarioName,
                    points == 1 && "batch".equals(job) ? String.format(Locale.ROOT, "%,d replications", replications)
                            : String.format(Locale.ROOT, "%,d points x %,d replications", points, replications),
                    masterSeed);
        }

        /**
         * Returns why the shards in {@code here} (of this job) and {@code there} (of {@code other})
         * cannot be merged, as one line, or null if they can.
         */
        public String mismatch(Path here, Job other, Path there) {
            String a = here.toString();
            String b = there.toString();
            if (!job.equals(other.job)) {
                return a + " is a shard of " + article(job) + " and " + b + " of " + article(other.job)
                        + ": shards of different jobs cannot be merged";
            }
            if (!scenarioSha256.equals(other.scenarioSha256)) {
                return a + " and " + b + " are shards of different scenarios (" + scenarioName + ", SHA-256 "
                        + abbreviate(scenarioSha256) + ", and " + other.scenarioName + ", SHA-256 "
                        + abbreviate(other.scenarioSha256) + ")";
            }
            List<String> mine = List.copyOf(sources.values());
            List<String> theirs = List.copyOf(other.sources.values());
            if (!mine.equals(theirs)) {
                List<String> names = List.copyOf(sources.keySet());
                for (int i = 0; i < Math.min(mine.size(), theirs.size()); i++) {
                    if (!mine.get(i).equals(theirs.get(i))) {
                        return a + " and " + b + " were run on different data (" + names.get(i) + ": SHA-256 "
                                + abbreviate(mine.get(i)) + " and " + abbreviate(theirs.get(i)) + ")";
                    }
                }
                return a + " and " + b + " were run on different data (" + mine.size() + " and " + theirs.size()
                        + " files read)";
            }
            if (masterSeed != other.masterSeed) {
                return a + " and " + b + " have different master seeds (" + masterSeed + " and " + other.masterSeed
                        + ")";
            }
            if (replications != other.replications || points != other.points) {
                return String.format(Locale.ROOT, "%s and %s have different replication counts (%,d and %,d%s)", a, b,
                        replications, other.replications, "batch".equals(job) ? "" : " per point, at " + points
                                + " and " + other.points + " points");
            }
            if (!Objects.equals(designSha256, other.designSha256) || commonSeeds != other.commonSeeds) {
                return a + " and " + b + " are shards of different designs (SHA-256 " + abbreviate(designSha256)
                        + " and " + abbreviate(other.designSha256) + ")";
            }
            if (shards != other.shards) {
                return a + " and " + b + " come from different cuts of the job (into " + shards + " and " + other.shards
                        + " shards)";
            }
            return null;
        }
    }

    /**
     * A finished shard's {@code manifest.json}.
     *
     * @param kind always {@code shard}
     * @param shardJob what the shard is part of
     * @param shard which units it ran
     * @param counts its counts file
     */
    public record ShardManifest(String tool, String version, String gitCommit, String kind, Job shardJob, Part shard,
            Counts counts, String commandLine, String startedAt, String finishedAt) {
        public ShardManifest {
            Objects.requireNonNull(version, "version");
            if (!KIND.equals(kind)) {
                throw new IllegalArgumentException("kind must be " + KIND + ", got " + kind);
            }
            Objects.requireNonNull(shardJob, "shardJob");
            Objects.requireNonNull(shard, "shard");
            Objects.requireNonNull(counts, "counts");
            if (shard.count() != shardJob.shards() || shard.endUnit() > shardJob.units()) {
                throw new IllegalArgumentException("shard " + shard.shard() + " does not fit its job");
            }
        }

        /** Returns "Ballast 0.1.0 (commit 1a2b3c4)" or "Ballast 0.1.0" without a known commit. */
        public String versionText() {
            return "Ballast " + version + (gitCommit == null ? "" : " (commit " + gitCommit + ")");
        }
    }

    /** What a folder holds, as far as shards go. */
    public enum State {
        /** A finished shard: manifest, counts and plan. */
        FINISHED,
        /** A shard started and not finished (running, interrupted, or killed): resumable. */
        UNFINISHED,
        /** Nothing yet, or only what a start cut short before its plan was saved leaves. */
        EMPTY,
        /** Anything else: a folder that is not a shard, or that does not exist. */
        OTHER
    }

    /**
     * What {@link #inspect} found in a folder.
     *
     * @param manifest for a finished shard, else null
     * @param job for a finished or unfinished shard, else null
     * @param part for a finished or unfinished shard, else null
     * @param savedReplications the replications saved so far (all of the shard's when finished)
     * @param why for {@link State#OTHER}, what the folder is instead
     */
    public record Found(Path dir, State state, ShardManifest manifest, Job job, Part part, long savedReplications,
            String why) {
    }

    /**
     * Looks at {@code dir} without locking it (a shard may be running there): a finished shard, an
     * unfinished one (with how much of it is saved), an empty one, or something else.
     *
     * @throws FolderException if a shard's manifest or plan is damaged, or a finished shard's counts
     *     file is missing or not of the size its manifest records
     */
    public static Found inspect(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return new Found(dir, State.OTHER, null, null, null, 0, Files.exists(dir) ? "not a folder" : "no such folder");
        }
        Path batchPlan = dir.resolve(BatchFolder.PLAN);
        Path experimentPlan = dir.resolve(ExperimentFolder.PLAN);
        if (Files.exists(batchPlan) || Files.exists(experimentPlan)) {
            String toDo = "the shard cannot be resumed; delete the folder and run the shard again";
            if (Files.exists(batchPlan)) {
                BatchFolder.Plan plan = JobFolder.readPlan(batchPlan, BatchFolder.Plan.class, toDo);
                if (plan.shard() == null) {
                    return other(dir, "an unfinished batch, not a shard");
                }
                return new Found(dir, State.UNFINISHED, null, job(plan), part(plan), BatchFolder.savedReplications(dir,
                        plan), null);
            }
            ExperimentFolder.Plan plan = JobFolder.readPlan(experimentPlan, ExperimentFolder.Plan.class, toDo);
            if (plan.shard() == null) {
                return other(dir, "an unfinished " + plan.kind() + ", not a shard");
            }
            return new Found(dir, State.UNFINISHED, null, job(plan), part(plan),
                    ExperimentFolder.savedReplications(dir, plan.kind()), null);
        }
        Path manifestFile = dir.resolve(Manifest.FILE);
        if (Files.exists(manifestFile)) {
            ShardManifest m = readManifest(manifestFile);
            if (m == null) {
                return other(dir, "a finished result, not a shard");
            }
            Found finished = new Found(dir, State.FINISHED, m, m.shardJob(), m.shard(), m.shard().replications(), null);
            // A cheap look at the counts (merge checks their SHA-256), so that status does not call a
            // shard done whose counts are gone or cut short.
            countsFile(finished, "batch".equals(m.shardJob().job()) ? BATCH_COUNTS : POINT_COUNTS, false);
            return finished;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            boolean leftovers = entries.map(p -> p.getFileName().toString())
                    .allMatch(n -> n.equals(JobFolder.LOCK) || n.startsWith(".") && n.endsWith(".tmp"));
            return leftovers ? new Found(dir, State.EMPTY, null, null, null, 0, null)
                    : other(dir, "it holds neither a shard's manifest nor a plan");
        }
    }

    /**
     * Removes what a start cut short before its plan was saved leaves in {@code dir} (the lock file,
     * temporary files) and the folder itself, so that the shard can claim it anew, atomically.
     *
     * @throws FolderException if another process holds the folder
     * @throws IOException if anything else is in it (it is then left alone)
     */
    public static void clearLeftovers(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir.resolve(JobFolder.LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE)) {
            FileLock held;
            try {
                held = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                held = null;
            }
            if (held == null) {
                throw FolderException.inUse(dir);
            }
            try (Stream<Path> entries = Files.list(dir)) {
                for (Path p : entries.toList()) {
                    String name = p.getFileName().toString();
                    if (name.startsWith(".") && name.endsWith(".tmp")) {
                        Files.delete(p);
                    }
                }
            }
            Files.delete(dir.resolve(JobFolder.LOCK));
        }
        Files.delete(dir);
    }

    private static Found other(Path dir, String why) {
        return new Found(dir, State.OTHER, null, null, null, 0, why);
    }

    /**
     * Reads a {@code manifest.json}; returns null if it is not a shard's (another result's manifest).
     *
     * @throws FolderException if it says it is a shard's but does not hold together
     */
    static ShardManifest readManifest(Path file) throws IOException {
        String toDo = "run the shard again in a new folder";
        JobFolder.requireRegularFile(file, toDo);
        if (Files.size(file) > JobFolder.MAX_PLAN_BYTES) {
            throw FolderException.damaged(file, "larger than any manifest", toDo);
        }
        JsonNode root;
        try {
            root = COMPACT.readTree(Files.readAllBytes(file));
        } catch (JsonProcessingException e) {
            throw FolderException.damaged(file, "not valid JSON at line " + e.getLocation().getLineNr(), toDo);
        }
        if (root == null || !KIND.equals(root.path("kind").asText(null))) {
            return null;
        }
        try {
            return COMPACT.treeToValue(root, ShardManifest.class);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            String why = e instanceof JsonProcessingException j ? j.getOriginalMessage() : e.getMessage();
            throw FolderException.damaged(file, "it does not hold together: " + String.valueOf(why).lines()
                    .findFirst().orElse(""), toDo);
        }
    }

    /** Returns the job a batch plan with a shard is part of. */
    public static Job job(BatchFolder.Plan plan) {
        return new Job("batch", plan.scenarioName(), plan.scenarioFile(), plan.scenarioSha256(), plan.sources(),
                plan.masterSeed(), plan.replications(), 1, true, null, plan.shard().count());
    }

    /** Returns the job an experiment plan with a shard is part of. */
    public static Job job(ExperimentFolder.Plan plan) {
        return new Job(plan.kind(), plan.scenarioName(), plan.scenarioFile(), plan.scenarioSha256(), plan.sources(),
                plan.masterSeed(), plan.replications(), plan.points().length, plan.commonSeeds(), designSha256(plan),
                plan.shard().count());
    }

    public static Part part(BatchFolder.Plan plan) {
        Shard s = plan.shard();
        return new Part(s.index(), s.count(), s.first(plan.replications()), s.end(plan.replications()));
    }

    public static Part part(ExperimentFolder.Plan plan) {
        Shard s = plan.shard();
        long units = plan.points().length * plan.replications();
        return new Part(s.index(), s.count(), s.first(units), s.end(units));
    }

    /** Returns the SHA-256 of what makes an experiment's design: its kind, factors, points, settings and seeding. */
    static String designSha256(ExperimentFolder.Plan plan) {
        Map<String, Object> design = new LinkedHashMap<>();
        design.put("kind", plan.kind());
        design.put("commonSeeds", plan.commonSeeds());
        design.put("factors", plan.factors());
        design.put("points", plan.points());
        design.put("settings", plan.settings());
        try {
            return Provenance.sha256(COMPACT.writeValueAsBytes(design));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a plan is plain data", e);
        }
    }

    /**
     * Writes the files of a finished batch shard into {@code work}: its counts ({@code journal},
     * the bytes {@link BatchFolder#journal} made of the shard's complete counts), a copy of its plan,
     * and its manifest.
     */
    static void writeBatch(Path work, Path folder, BatchFolder.Plan plan, byte[] journal) throws IOException {
        Files.write(work.resolve(BATCH_COUNTS), journal);
        Files.copy(folder.resolve(BatchFolder.PLAN), work.resolve(PLAN));
        writeManifest(work, job(plan), part(plan), BATCH_COUNTS, plan.commandLine(), plan.startedAt());
    }

    /**
     * Writes the files of a finished sweep or sensitivity shard into {@code work}: its journal (closed,
     * every line intact) as its counts, a copy of its plan, and its manifest.
     */
    static void writeExperiment(Path work, Path folder, ExperimentFolder.Plan plan) throws IOException {
        Path journal = folder.resolve(ExperimentFolder.JOURNAL);
        if (Files.exists(journal)) {
            Files.copy(journal, work.resolve(POINT_COUNTS));
        } else {
            Files.createFile(work.resolve(POINT_COUNTS));
        }
        Files.copy(folder.resolve(ExperimentFolder.PLAN), work.resolve(PLAN));
        writeManifest(work, job(plan), part(plan), POINT_COUNTS, plan.commandLine(), plan.startedAt());
    }

    private static void writeManifest(Path work, Job job, Part part, String countsFile, String commandLine,
            String startedAt) throws IOException {
        Path counts = work.resolve(countsFile);
        ShardManifest m = new ShardManifest("Ballast", Provenance.version(), Provenance.gitCommit(), KIND, job, part,
                new Counts(countsFile, Provenance.sha256(counts), Files.size(counts)), commandLine, startedAt,
                Instant.now().toString());
        Files.writeString(work.resolve(Manifest.FILE), PRETTY.writeValueAsString(m) + "\n", StandardCharsets.UTF_8);
    }

    /**
     * Reads the plan of the batch a finished shard is part of.
     *
     * @throws FolderException if it is damaged
     */
    public static BatchFolder.Plan batchPlan(Found shard) throws IOException {
        return JobFolder.readPlan(shard.dir().resolve(PLAN), BatchFolder.Plan.class, rerun(shard));
    }

    /**
     * Reads the plan of the sweep or sensitivity analysis a finished shard is part of.
     *
     * @throws FolderException if it is damaged
     */
    public static ExperimentFolder.Plan experimentPlan(Found shard) throws IOException {
        return JobFolder.readPlan(shard.dir().resolve(PLAN), ExperimentFolder.Plan.class, rerun(shard));
    }

    /** Returns what to do with a damaged shard. */
    static String rerun(Found shard) {
        return "delete " + shard.dir() + " and run shard " + shard.part().shard() + " again";
    }

    /**
     * Reads the counts of a finished batch shard, after checking them against its manifest (SHA-256)
     * and its plan (every block of the shard, each once).
     *
     * @throws FolderException if they are damaged or incomplete
     */
    public static BatchFolder.Progress batchCounts(Found shard, BatchFolder.Plan plan,
            ballast.model.ModelParameters parameters) throws IOException {
        Path file = countsFile(shard, BATCH_COUNTS);
        BatchFolder.Progress p = BatchFolder.read(file, plan, parameters, false, rerun(shard));
        if (p.summary().replications() != shard.part().replications()) {
            throw FolderException.damaged(file, String.format(Locale.ROOT, "it counts %,d replications, not the "
                    + "shard's %,d", p.summary().replications(), shard.part().replications()), rerun(shard));
        }
        return p;
    }

    /**
     * Hands every block of a finished sweep or sensitivity shard to {@code reader}, checking the
     * file's SHA-256 against the manifest as it is read; the caller checks that the blocks are the
     * shard's, each once.
     *
     * @throws FolderException if a line or the file is damaged
     */
    public static void pointCounts(Found shard, ExperimentFolder.BlockReader reader) throws IOException {
        Path file = countsFile(shard, POINT_COUNTS);
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), sha);
                BufferedReader lines = new BufferedReader(new InputStreamReader(in, StandardCharsets.US_ASCII),
                        1 << 16)) {
            int number = 0;
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                number++;
                long[] parsed = ExperimentFolder.parse(line);
                if (parsed == null) {
                    throw FolderException.damaged(file, "line " + number + " fails its checksum", rerun(shard));
                }
                try {
                    reader.block((int) parsed[0], (int) parsed[1], java.util.Arrays.copyOfRange(parsed, 2,
                            parsed.length));
                } catch (IllegalArgumentException e) {
                    throw FolderException.damaged(file, "line " + number + ": " + e.getMessage(), rerun(shard));
                }
            }
        }
        if (!HexFormat.of().formatHex(sha.digest()).equals(shard.manifest().counts().sha256())) {
            throw FolderException.damaged(file, "its SHA-256 is not the one its manifest records", rerun(shard));
        }
    }

    private static Path countsFile(Found shard, String expected) throws IOException {
        return countsFile(shard, expected, true);
    }

    private static Path countsFile(Found shard, String expected, boolean hash) throws IOException {
        Counts c = shard.manifest().counts();
        Path file = shard.dir().resolve(expected);
        JobFolder.requireRegularFile(file, rerun(shard));
        if (!expected.equals(c.file()) || !Files.exists(file)) {
            throw FolderException.damaged(shard.dir().resolve(Manifest.FILE), "its counts file " + expected
                    + " is missing", rerun(shard));
        }
        if (Files.size(file) != c.bytes()) {
            throw FolderException.damaged(file, String.format(Locale.ROOT, "%,d bytes, not the %,d its manifest "
                    + "records", Files.size(file), c.bytes()), rerun(shard));
        }
        if (hash && BATCH_COUNTS.equals(expected) && !Provenance.sha256(file).equals(c.sha256())) {
            throw FolderException.damaged(file, "its SHA-256 is not the one its manifest records", rerun(shard));
        }
        return file;
    }

    /** Returns "a batch", "a sweep" or "a sensitivity analysis". */
    static String article(String job) {
        return "sensitivity".equals(job) ? "a sensitivity analysis" : "a " + job;
    }

    private static String abbreviate(String sha) {
        return sha == null ? "none" : sha.length() > 12 ? sha.substring(0, 12) + "..." : sha;
    }
}
