package ballast.cli;

import ballast.cluster.ClusterFolder;
import ballast.cluster.JobSpec;
import ballast.cluster.Scheduler;
import ballast.cluster.Slurm;
import ballast.experiment.Shard;
import ballast.output.BatchFolder;
import ballast.output.ExperimentFolder;
import ballast.output.Provenance;
import ballast.output.ResultFolder;
import ballast.shell.ShellWords;
import java.io.PrintWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * {@code ballast slurm}: cuts a batch, sweep or sensitivity analysis into shards and writes a SLURM
 * job array that runs them (one task per shard) and a merge job that waits for the array; with
 * {@code --submit}, submits both.
 */
@Command(name = "slurm", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Cuts a batch, sweep or sensitivity analysis into N shards and writes, into a new folder, a SLURM "
                + "job array (shards.sbatch: one task per shard, each running Ballast with --shard I/N) and a merge job "
                + "(merge.sbatch) that runs when every task has succeeded; prints the folder's path, and the sbatch "
                + "command on stderr. --submit submits both and prints their job ids.",
            "Usage: ballast slurm batch|sweep|sensitivity ARGS... --shards N [OPTIONS], ARGS being those of the job "
                + "(without --out, --shard, --resume). The arguments are checked, every design point included, before "
                + "anything is written.",
            "Assumes a shared file system: the compute nodes must see this folder, the scenario and its data files "
                + "at the same paths. A failed task runs again alone (sbatch --array=I shards.sbatch) and resumes its "
                + "shard; the merge job is then submitted again (the command is printed). 'ballast status DIR' says "
                + "how far the job is."})
final class SlurmCommand implements Callable<Integer> {
    private static final Set<String> JOBS = Set.of("batch", "sweep", "sensitivity");
    private static final List<String> REFUSED = List.of("--out", "--shard", "--resume", "--keep-runs", "--list-params",
            "--threads", "--help", "-h", "--version", "-V");

    @Option(names = "--shards", required = true, paramLabel = "N", converter = JobOptions.Count.class,
            description = "Shards, one task of the array each (1 to " + Shard.MAX_SHARDS + "; SLURM's MaxArraySize, "
                    + "often 1001, may allow fewer).")
    long shards;

    @Option(names = "--partition", paramLabel = "P", description = "SLURM partition (default: the cluster's).")
    String partition;

    @Option(names = "--time", paramLabel = "T", description = "Time limit per task, e.g. 2:00:00 (default: the "
            + "partition's).")
    String time;

    @Option(names = "--mem", paramLabel = "M", description = "Memory per task, e.g. 4G (default: the cluster's); the "
            + "JVM's heap is sized to it.")
    String memory;

    @Option(names = "--cpus-per-task", paramLabel = "C", defaultValue = "1",
            description = "Cores per task; each shard runs on that many threads (default: ${DEFAULT-VALUE}).")
    int cpusPerTask;

    @Option(names = "--setup", paramLabel = "LINE",
            description = "A shell line run before Ballast in every job, e.g. 'module load java/17' (repeatable); with "
                    + "it the jobs run the 'java' that the line puts on the PATH.")
    List<String> setup;

    @Option(names = "--submit", description = "Submit both jobs now (sbatch must be on the PATH) and print their ids.")
    boolean submit;

    @Option(names = "--out", paramLabel = "DIR",
            description = "The job's folder; it must not exist (default: results/<scenario>/slurm-<kind>-<UTC time>/).")
    Path out;

    @Unmatched
    List<String> job = new ArrayList<>();

    @Spec
    CommandSpec spec;

    @ParentCommand
    BallastCommand root;

    /** Where default results folders go (tests point it elsewhere). */
    Path resultsRoot = OutputOptions.RESULTS;

    /** The scheduler the scripts are written for. */
    Scheduler scheduler = new Slurm();

    /** The job to cut: its kind, its scenario's name, its replications and what its results folder is called. */
    private record Checked(String kind, String scenarioName, long units, String resultsKind, String describe) {
    }

    @Override
    public Integer call() throws Exception {
        Instant started = Instant.now();
        if (job.isEmpty() || !JOBS.contains(job.get(0))) {
            throw new UserException("name the job to cut into shards, batch, sweep or sensitivity, then its arguments, "
                    + "e.g. 'ballast slurm batch scenarios/baseline.yaml -n 1M --shards 100'"
                    + (job.isEmpty() ? "" : "; got '" + job.get(0) + "'"));
        }
        String kind = job.get(0);
        List<String> args = new ArrayList<>(job.subList(1, job.size()));
        for (String a : args) {
            for (String refused : REFUSED) {
                if (a.equals(refused) || a.startsWith(refused + "=")) {
                    throw new UserException(refused + " is not for 'ballast slurm " + kind + "': " + switch (refused) {
                        case "--out" -> "--out names the job's folder and goes before or after the job's arguments";
                        case "--threads" -> "each task runs on as many threads as it has cores; give --cpus-per-task";
                        default -> "each task runs its own shard into the job's folder";
                    });
                }
            }
        }
        int shardCount = (int) JobOptions.checkedCount("--shards", shards, 1, Shard.MAX_SHARDS);
        JobOptions.checkedCount("--cpus-per-task", cpusPerTask, 1, JobOptions.MAX_THREADS);
        Checked checked = check(kind, args, started);
        try {
            new Shard(1, shardCount).first(checked.units());
        } catch (IllegalArgumentException e) {
            throw new UserException("--shards " + shardCount + ": " + e.getMessage());
        }
        args.add("--threads");
        args.add(Integer.toString(cpusPerTask));
        ResultFolder.Target target = out != null ? ResultFolder.Target.exactly(out)
                : ResultFolder.Target.byDefault(resultsRoot, checked.scenarioName(), "slurm-" + checked.resultsKind(),
                        started);
        Path dir;
        try (ResultFolder folder = ResultFolder.create(target)) {
            dir = folder.target();
            write(folder.dir(), dir, kind, args, shardCount, checked, started);
            folder.commit();
        }
        PrintWriter err = spec.commandLine().getErr();
        Path array = ClusterFolder.arrayScript(dir, scheduler);
        Path merge = ClusterFolder.afterScript(dir, scheduler);
        long smallest = checked.units() / shardCount;
        long largest = (checked.units() + shardCount - 1) / shardCount;
        err.printf(Locale.ROOT, "ballast: %s job of %,d shards of %s written to %s: %s (one task per shard, %s "
                + "replications each, %d core%s) and %s (the merge, once every task has succeeded)%n", scheduler.name(),
                shardCount, checked.describe(), dir, array.getFileName(), smallest == largest ? String.format(
                        Locale.ROOT, "%,d", smallest) : String.format(Locale.ROOT, "%,d to %,d", smallest, largest),
                cpusPerTask, cpusPerTask == 1 ? "" : "s", merge.getFileName());
        err.println("ballast: the compute nodes must see this folder, the scenario and its data files at the same paths "
                + "(a shared file system)" + (setup == null ? ", and run the same Java as here (or give --setup)" : ""));
        if (submit) {
            Scheduler.Submission s;
            try {
                s = scheduler.submit(array, merge);
            } catch (Scheduler.SchedulerException e) {
                err.println("ballast: " + e.getMessage());
                err.println("ballast: the scripts are written; submit them yourself, once what SLURM refused is put "
                        + "right (edit the #SBATCH lines, or write the job again with other options), with:");
                err.println("  " + scheduler.submitCommand(array, merge));
                spec.commandLine().getOut().println(dir);
                return Errors.IO;
            }
            ClusterFolder.writeJobs(dir, s);
            err.printf(Locale.ROOT, "ballast: submitted array job %s (%,d tasks) and merge job %s, which runs when "
                    + "every task has succeeded%n", s.arrayJob(), shardCount, s.afterJob());
        } else {
            err.println("Submit with:");
            err.println("  " + scheduler.submitCommand(array, merge));
        }
        err.println("Progress: ./ballast status " + ShellWords.quote(dir) + "; the merged tables go to "
                + dir.resolve(ClusterFolder.MERGED));
        err.println("If a task fails, the merge job is cancelled; run the failed tasks again (each resumes its shard) "
                + "with a new merge, e.g. for " + rerunExample(shardCount).replace(",", " and ") + ":");
        err.println("  " + scheduler.rerunCommand(array, rerunExample(shardCount).replaceAll("[^0-9,]", ""), merge));
        spec.commandLine().getOut().println(dir);
        return 0;
    }

    /** Returns tasks of a job of {@code shardCount} shards, to show how failed tasks run again: "tasks 3,5" or "task 1". */
    private static String rerunExample(int shardCount) {
        return shardCount >= 5 ? "tasks 3,5" : "task " + shardCount;
    }

    /** Checks the job's arguments as the job itself would (every design point included); writes nothing. */
    private Checked check(String kind, List<String> args, Instant started) throws Exception {
        CommandLine sub = spec.root().commandLine().getSubcommands().get(kind);
        try {
            sub.parseArgs(args.toArray(String[]::new));
        } catch (CommandLine.ParameterException e) {
            throw new UserException(kind + ": " + e.getMessage());
        }
        Object command = sub.getCommand();
        if (command instanceof BatchCommand batch) {
            BatchFolder.Plan plan = batch.checkedPlan(started);
            return new Checked(kind, plan.scenarioName(), plan.replications(), "batch", String.format(Locale.ROOT,
                    "a batch of %s (%,d replications)", plan.scenarioName(), plan.replications()));
        }
        ExperimentFolder.Plan plan;
        String resultsKind;
        if (command instanceof SweepCommand sweep) {
            if (sweep.scenarioFile == null) {
                throw new UserException("sweep: name a scenario file");
            }
            plan = sweep.plan(started);
            resultsKind = "sweep";
        } else {
            SensitivityCommand sensitivity = (SensitivityCommand) command;
            if (sensitivity.scenarioFile == null) {
                throw new UserException("sensitivity: name a scenario file");
            }
            plan = sensitivity.plan(started);
            resultsKind = SensitivityCommand.folderKind(plan);
        }
        long points = plan.points().length;
        return new Checked(kind, plan.scenarioName(), points * plan.replications(), resultsKind, String.format(
                Locale.ROOT, "a %s of %s (%,d points x %,d replications)", kind.equals("sweep") ? "sweep"
                        : resultsKind + " analysis", plan.scenarioName(), points, plan.replications()));
    }

    /** Writes the scripts, {@code cluster.json}, the shards' and logs' folders (and Ballast's jar) into {@code work}. */
    private void write(Path work, Path dir, String kind, List<String> args, int shardCount, Checked checked,
            Instant started) throws Exception {
        Files.createDirectory(work.resolve(ClusterFolder.SHARDS));
        Files.createDirectory(work.resolve(ClusterFolder.LOGS));
        Path workingDirectory = Path.of("").toAbsolutePath();
        List<String> setupLines = setup == null ? List.of() : setup;
        String name = "ballast-" + checked.scenarioName().replaceAll("[^A-Za-z0-9_.+-]", "_");
        JobSpec tasks;
        JobSpec after;
        try {
            tasks = new JobSpec(name, dir.resolve(ClusterFolder.LOGS), workingDirectory, partition, time, memory,
                    cpusPerTask, setupLines);
            after = new JobSpec(name + "-merge", dir.resolve(ClusterFolder.LOGS), workingDirectory, partition, time,
                    memory, 1, setupLines);
        } catch (IllegalArgumentException e) {
            throw new UserException(e.getMessage());
        }
        List<String> java = javaCommand(work, dir, tasks);
        List<String> task = new ArrayList<>(java);
        task.add(kind);
        task.addAll(args);
        String shardsDir = ShellWords.quote(dir.resolve(ClusterFolder.SHARDS)) + "/";
        int width = Math.max(4, Integer.toString(shardCount).length());
        String taskCommand = "exec " + ShellWords.join(task) + " --shard \"$task/" + shardCount + "\" --out "
                + shardsDir
                + "\"$(printf '%0" + width + "d' \"$task\")\"";
        List<String> merge = new ArrayList<>(java);
        merge.addAll(List.of("merge", dir.resolve(ClusterFolder.SHARDS).toString(), "--out",
                dir.resolve(ClusterFolder.MERGED).toString()));
        Path array = ClusterFolder.arrayScript(dir, scheduler);
        Files.writeString(ClusterFolder.arrayScript(work, scheduler), scheduler.arrayScript(tasks, shardCount,
                "# Task I runs shard I of the " + shardCount + " of " + checked.describe() + "; written by: "
                        + root.invocation()
                        + "\n# Tasks that failed run again alone, resuming their shards, then the merge (e.g. "
                        + rerunExample(shardCount).replace(",", " and ") + "):\n#   " + scheduler.rerunCommand(array,
                                rerunExample(shardCount).replaceAll("[^0-9,]", ""), ClusterFolder.afterScript(dir,
                                        scheduler))
                        + "\n" + taskCommand));
        Files.writeString(ClusterFolder.afterScript(work, scheduler), scheduler.script(after, "# The merge of the "
                + shardCount + " shards of " + checked.describe() + "; it runs once every task of "
                + array.getFileName() + " has succeeded\n" + "exec " + ShellWords.join(merge)));
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("scheduler", scheduler.name());
        plan.put("job", kind);
        plan.put("arguments", args);
        plan.put("shards", shardCount);
        plan.put("replications", checked.units());
        plan.put("scenario", checked.scenarioName());
        plan.put("workingDirectory", workingDirectory.toString());
        plan.put("partition", partition);
        plan.put("time", time);
        plan.put("memory", memory);
        plan.put("cpusPerTask", cpusPerTask);
        plan.put("setup", setupLines);
        plan.put("java", java);
        plan.put("version", Provenance.version());
        plan.put("gitCommit", Provenance.gitCommit());
        plan.put("commandLine", root.invocation());
        plan.put("createdAt", started.toString());
        ClusterFolder.writePlan(work, plan);
    }

    /**
     * Returns how the jobs start this Ballast: the same Java (or the one {@code --setup} puts on the
     * PATH), the same code (the jar, copied into the folder, so that rebuilding Ballast later does not
     * change a job that is still running; or the classes this process runs from), and the git commit
     * this process knows, since the copy is no longer in a checkout.
     */
    private List<String> javaCommand(Path work, Path dir, JobSpec tasks) throws URISyntaxException,
            java.io.IOException {
        List<String> java = new ArrayList<>();
        java.add(setup == null ? Path.of(System.getProperty("java.home"), "bin", "java").toString() : "java");
        if (tasks.jvmMemory() != null) {
            java.add("-XX:MaxRAM=" + tasks.jvmMemory());
            java.add("-XX:MaxRAMPercentage=75");
        }
        String commit = Provenance.gitCommit();
        if (commit != null) {
            java.add("-D" + Provenance.COMMIT_PROPERTY + "=" + commit);
        }
        Path code = Path.of(BallastCommand.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        String classPath;
        if (Files.isRegularFile(code) && code.getFileName().toString().endsWith(".jar")) {
            Files.copy(code, work.resolve(code.getFileName()));
            classPath = dir.resolve(code.getFileName()).toString();
        } else {
            classPath = System.getProperty("java.class.path");
        }
        java.add("-cp");
        java.add(classPath);
        java.add(BallastCommand.class.getName());
        return java;
    }
}
