package ballast.cluster;

import ballast.shell.ShellWords;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The folder of a job run on a cluster ({@code ballast slurm}): {@code cluster.json} (what was asked
 * and how it runs), the array's and the merge's scripts, {@code shards/} (one folder per shard),
 * {@code logs/}, {@code merged/} (the tables, once the merge has run) and, once submitted,
 * {@code jobs.json} (the scheduler's job ids).
 */
public final class ClusterFolder {
    /** What was asked: the scheduler, the job and its arguments, the shards, the resources. */
    public static final String PLAN = "cluster.json";
    /** The scheduler's ids of the submitted jobs. */
    public static final String JOBS = "jobs.json";
    public static final String SHARDS = "shards";
    public static final String LOGS = "logs";
    public static final String MERGED = "merged";
    /** The array's and the merge's scripts, before the scheduler's extension. */
    public static final String ARRAY_SCRIPT = "shards";
    public static final String AFTER_SCRIPT = "merge";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private ClusterFolder() {
    }

    /** Returns the scheduler called {@code name} ({@link Scheduler#name()}), or null if Ballast has none of that name. */
    public static Scheduler scheduler(String name) {
        for (Scheduler s : List.<Scheduler>of(new Slurm())) {
            if (s.name().equals(name)) {
                return s;
            }
        }
        return null;
    }

    /** Returns whether {@code dir} is the folder of a cluster job. */
    public static boolean is(Path dir) {
        // exists, not isRegularFile: something else in its place is a damaged job, which read() reports
        return Files.exists(dir.resolve(PLAN));
    }

    /** Returns the array script of the cluster job in {@code dir}. */
    public static Path arrayScript(Path dir, Scheduler scheduler) {
        return dir.resolve(ARRAY_SCRIPT + "." + scheduler.scriptExtension());
    }

    /** Returns the merge script of the cluster job in {@code dir}. */
    public static Path afterScript(Path dir, Scheduler scheduler) {
        return dir.resolve(AFTER_SCRIPT + "." + scheduler.scriptExtension());
    }

    /** Writes {@code cluster.json}. */
    public static void writePlan(Path dir, Map<String, Object> plan) throws IOException {
        Files.writeString(dir.resolve(PLAN), JSON.writeValueAsString(plan) + "\n", StandardCharsets.UTF_8);
    }

    // cluster.json and jobs.json hold a few hundred bytes (the job's arguments at most a few kilobytes).
    private static final long MAX_BYTES = 1 << 20;

    /** A {@code cluster.json} or {@code jobs.json} that is not what Ballast wrote; the message names it. */
    public static final class Damaged extends IOException {
        private static final long serialVersionUID = 1L;

        public Damaged(Path file) {
            super(file + " is damaged (not the JSON 'ballast slurm' wrote); the shards and their tables are "
                    + "unaffected: '" + ShellWords.command("ballast", "status", file.getParent().resolve(SHARDS))
                    + "' still counts them");
        }
    }

    /** Returns what {@code cluster.json} of {@code dir} says (job, scenario, shards, replications, ...). */
    public static JsonNode plan(Path dir) throws IOException {
        return read(dir.resolve(PLAN));
    }

    private static JsonNode read(Path file) throws IOException {
        // Ballast writes a few hundred bytes; anything else in its place (a device, a pipe, a huge file) is damage.
        if (Files.exists(file) && (!Files.isRegularFile(file) || Files.size(file) > MAX_BYTES)) {
            throw new Damaged(file);
        }
        try {
            JsonNode root = JSON.readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new Damaged(file);
            }
            return root;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Damaged(file);
        }
    }

    /** Returns the scheduler named in the {@code cluster.json} of {@code dir}, or null. */
    public static Scheduler schedulerOf(Path dir) throws IOException {
        return scheduler(plan(dir).path("scheduler").asText(""));
    }

    /** Saves the ids of a submission in {@code jobs.json} (replaced atomically). */
    public static void writeJobs(Path dir, Scheduler.Submission submission) throws IOException {
        Map<String, Object> jobs = new LinkedHashMap<>();
        jobs.put("arrayJob", submission.arrayJob());
        jobs.put("afterJob", submission.afterJob());
        jobs.put("submittedAt", Instant.now().toString());
        Path tmp = dir.resolve("." + JOBS + ".tmp");
        Files.writeString(tmp, JSON.writeValueAsString(jobs) + "\n", StandardCharsets.UTF_8);
        Files.move(tmp, dir.resolve(JOBS), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /** Returns the ids saved in {@code jobs.json}, or null if the job was not submitted by Ballast. */
    public static Scheduler.Submission readJobs(Path dir) throws IOException {
        Path file = dir.resolve(JOBS);
        if (!Files.exists(file)) {
            return null;
        }
        JsonNode root = read(file);
        if (!root.path("arrayJob").isTextual() || !root.path("afterJob").isTextual()) {
            throw new Damaged(file);
        }
        return new Scheduler.Submission(root.get("arrayJob").asText(), root.get("afterJob").asText());
    }
}
