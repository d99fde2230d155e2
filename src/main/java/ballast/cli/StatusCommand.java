package ballast.cli;

import ballast.cluster.ClusterFolder;
import ballast.cluster.Scheduler;
import ballast.output.Manifest;
import ballast.output.ShardFolder;
import ballast.output.ShardSet;
import ballast.shell.ShellWords;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code ballast status}: how many shards (and replications) of a job are done, and what the scheduler says. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {"Says how many shards of a batch, sweep or sensitivity analysis are done, how many replications "
                + "are saved, which shards are unfinished or missing and how to finish them; for a 'ballast slurm' "
                + "folder also what SLURM says of its jobs and whether the merge is written. Writes nothing.",
            "DIR is a shard's folder, a folder holding shards' folders, or a 'ballast slurm' folder."})
final class StatusCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "DIR", description = "Shard folders, or folders that hold them.")
    List<Path> folders;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        return status(spec.commandLine().getOut());
    }

    private int status(PrintWriter out) throws Exception {
        ShardSet shards;
        try {
            shards = ShardSet.find(folders);
        } catch (ShardSet.Refusal r) {
            // A 'ballast slurm' job whose tasks have not yet started has no shard to read: say it from its plan.
            if (folders.size() == 1 && ClusterFolder.is(folders.get(0)) && !hasShards(folders.get(0))) {
                notStarted(folders.get(0), out);
                cluster(folders.get(0), out);
                return 0;
            }
            throw new UserException(r.getMessage());
        }
        ShardFolder.Job job = shards.job();
        long saved = 0;
        int finished = 0;
        for (ShardSet.Entry e : shards.entries()) {
            saved += e.savedReplications();
            finished += e.finished() ? 1 : 0;
        }
        out.printf(Locale.ROOT, "%s, in %,d %s%n", capitalise(job.describe()), job.shards(),
                job.shards() == 1 ? "shard" : "shards");
        out.printf(Locale.ROOT, "done: %,d of %,d shards; %,d of %,d replications saved (%.1f%%)%n", finished,
                job.shards(), saved, job.units(), 100.0 * saved / job.units());
        int shown = 0;
        for (ShardSet.Entry e : shards.entries()) {
            if (!e.finished() && shown++ < 20) {
                out.printf(Locale.ROOT, "shard %d: unfinished, %,d of %,d replications saved in %s (running, or "
                        + "stopped: '%s' finishes it)%n", e.index(), e.savedReplications(),
                        e.replications(), e.dir(), ShellWords.command("ballast", job.job(), "--resume", e.dir()));
            }
        }
        if (shown > 20) {
            out.printf(Locale.ROOT, "... and %,d more unfinished%n", shown - 20);
        }
        List<Integer> absent = shards.absent();
        if (!absent.isEmpty()) {
            out.printf(Locale.ROOT, "not started: %s %s%n", absent.size() == 1 ? "shard" : "shards",
                    ShardSet.ranges(absent));
        }
        if (shards.version() != null) {
            out.println("written by: " + shards.version());
        }
        for (Path folder : folders) {
            if (ClusterFolder.is(folder)) {
                cluster(folder, out);
            }
        }
        return 0;
    }

    private static boolean hasShards(Path dir) throws IOException {
        Path shards = dir.resolve(ClusterFolder.SHARDS);
        if (!Files.isDirectory(shards)) {
            return false;
        }
        try (var list = Files.list(shards)) {
            return list.findAny().isPresent();
        }
    }

    /** Prints the counts of a cluster job none of whose shards has started, from its {@code cluster.json}. */
    private static void notStarted(Path dir, PrintWriter out) throws IOException {
        var plan = ClusterFolder.plan(dir);
        int shardCount = plan.path("shards").asInt(0);
        long units = plan.path("replications").asLong(0);
        if (shardCount < 1 || units < 1) {
            throw new ClusterFolder.Damaged(dir.resolve(ClusterFolder.PLAN));
        }
        out.printf(Locale.ROOT, "A %s of %s (%,d replications), in %,d %s%n", plan.path("job").asText("job"),
                plan.path("scenario").asText("?"), units, shardCount, shardCount == 1 ? "shard" : "shards");
        out.printf(Locale.ROOT, "done: 0 of %,d shards; 0 of %,d replications saved (0.0%%)%n", shardCount, units);
        out.printf(Locale.ROOT, "not started: %s%n", shardCount == 1 ? "shard 1" : "shards 1 to " + shardCount);
    }

    /** Prints what the scheduler says of a cluster job's array and merge, and whether the merge is written. */
    private static void cluster(Path dir, PrintWriter out) throws IOException {
        Path merged = dir.resolve(ClusterFolder.MERGED);
        out.println("merged: " + (Files.exists(merged.resolve(Manifest.FILE)) ? merged
                : "not yet (the merge job writes " + merged + "; or run '"
                        + ShellWords.command("ballast", "merge", dir, "--out", merged)
                        + "')"));
        Scheduler scheduler = ClusterFolder.schedulerOf(dir);
        Scheduler.Submission jobs = ClusterFolder.readJobs(dir);
        if (scheduler == null || jobs == null) {
            return;
        }
        try {
            out.printf(Locale.ROOT, "%s: array job %s: %s; merge job %s: %s%n", scheduler.name(), jobs.arrayJob(),
                    summary(scheduler.state(jobs.arrayJob())), jobs.afterJob(), summary(scheduler.state(
                            jobs.afterJob())));
        } catch (Scheduler.SchedulerException e) {
            out.println(scheduler.name() + ": " + e.getMessage());
        }
    }

    /** Returns e.g. "3 COMPLETED, 1 RUNNING", or "no longer known to the scheduler". */
    private static String summary(Map<String, String> states) {
        if (states.isEmpty()) {
            return "no longer known to the scheduler (finished a while ago)";
        }
        Map<String, Integer> counts = new TreeMap<>();
        states.values().forEach(s -> counts.merge(s, 1, Integer::sum));
        StringBuilder b = new StringBuilder();
        counts.forEach((state, n) -> b.append(b.length() == 0 ? "" : ", ").append(n).append(' ').append(state));
        return b.toString();
    }

    private static String capitalise(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
