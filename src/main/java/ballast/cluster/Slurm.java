package ballast.cluster;

import ballast.shell.ShellWords;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SLURM: an array job ({@code sbatch --array=1-N}) and a job that depends on it
 * ({@code --dependency=afterok:ID}, which waits until every task has succeeded, and is cancelled if one
 * fails, {@code --kill-on-invalid-dep=yes}). Scripts are plain
 * {@code sbatch} scripts; a task's log is {@code LOGS/<name>-<task>.log}, appended to when the task is
 * run again. States come from {@code squeue}, which knows a job while it is queued or running and
 * for a few minutes after ({@code MinJobAge}).
 */
public final class Slurm implements Scheduler {
    private static final Pattern JOB_ID = Pattern.compile("([0-9]+)(;.*)?");
    private static final Pattern TASK = Pattern.compile("[0-9]+_([0-9]+)");
    private static final Pattern PENDING_TASKS = Pattern.compile("[0-9]+_\\[([0-9,\\-]+)(%[0-9]+)?\\]");
    private static final Pattern TASKS = Pattern.compile("[0-9]+(-[0-9]+)?(,[0-9]+(-[0-9]+)?)*");
    private static final long TIMEOUT_SECONDS = 60;

    @Override
    public String name() {
        return "SLURM";
    }

    @Override
    public String scriptExtension() {
        return "sbatch";
    }

    @Override
    public String arrayScript(JobSpec job, int tasks, String command) {
        if (tasks < 1) {
            throw new IllegalArgumentException("an array needs at least one task, got " + tasks);
        }
        List<String> directives = new ArrayList<>();
        directives.add("--array=1-" + tasks);
        directives.add("--output=" + job.logs().resolve(job.name() + "-%a.log"));
        return script(job, directives, "task=\"$SLURM_ARRAY_TASK_ID\"", command);
    }

    @Override
    public String script(JobSpec job, String command) {
        // If a task fails, the dependency can never be met: SLURM cancels the job instead of keeping it queued.
        return script(job, List.of("--output=" + job.logs().resolve(job.name() + "-%j.log"), "--kill-on-invalid-dep=yes"),
                null, command);
    }

    private static String script(JobSpec job, List<String> first, String taskLine, String command) {
        List<String> directives = new ArrayList<>();
        directives.add("--job-name=" + job.name());
        directives.addAll(first);
        directives.add("--open-mode=append");
        directives.add("--chdir=" + job.workingDirectory());
        directives.add("--cpus-per-task=" + job.cpusPerTask());
        directives.add("--ntasks=1");
        if (job.partition() != null) {
            directives.add("--partition=" + job.partition());
        }
        if (job.time() != null) {
            directives.add("--time=" + job.time());
        }
        if (job.memory() != null) {
            directives.add("--mem=" + job.memory());
        }
        StringBuilder s = new StringBuilder("#!/bin/bash\n");
        for (String d : directives) {
            s.append("#SBATCH ").append(directive(d)).append('\n');
        }
        s.append("set -euo pipefail\n");
        for (String line : job.setup()) {
            s.append(line).append('\n');
        }
        if (taskLine != null) {
            s.append(taskLine).append('\n');
        }
        s.append(command).append('\n');
        return s.toString();
    }

    /**
     * Writes {@code --name=value} as sbatch reads an {@code #SBATCH} line: it splits the line at
     * white space outside double quotes, drops the quotes, takes a backslash as escaping the next
     * character, and ends the line at an unescaped {@code #}. So the value is quoted, and {@code \},
     * {@code "} and {@code #} in it escaped (a folder named {@code runs #2} stays one path).
     */
    static String directive(String option) {
        int eq = option.indexOf('=');
        if (option.substring(eq + 1).chars().noneMatch(c -> Character.isWhitespace(c) || "\\\"'#".indexOf(c) >= 0)) {
            return option;
        }
        StringBuilder value = new StringBuilder();
        for (char c : option.substring(eq + 1).toCharArray()) {
            if (c == '\\' || c == '"' || c == '#') {
                value.append('\\');
            }
            value.append(c);
        }
        return option.substring(0, eq + 1) + '"' + value + '"';
    }

    @Override
    public String submitCommand(Path array, Path after) {
        return submitCommand("", array, after);
    }

    @Override
    public String rerunCommand(Path array, String tasks, Path after) {
        if (!TASKS.matcher(tasks).matches()) {
            throw new IllegalArgumentException("tasks are numbers and ranges, e.g. 3 or 3,5-7; got '" + tasks + "'");
        }
        return submitCommand("--array=" + tasks + " ", array, after);
    }

    private static String submitCommand(String options, Path array, Path after) {
        return "jid=$(sbatch --parsable " + options + ShellWords.quote(array)
                + ") && sbatch --dependency=afterok:${jid%%;*} "
                + ShellWords.quote(after);
    }

    @Override
    public Submission submit(Path array, Path after) throws SchedulerException {
        String arrayJob = sbatch(List.of("sbatch", "--parsable", array.toString()), array);
        String afterJob;
        try {
            afterJob = sbatch(List.of("sbatch", "--parsable", "--dependency=afterok:" + arrayJob, after.toString()),
                    after);
        } catch (SchedulerException e) {
            throw new SchedulerException(e.getMessage() + " (the array job " + arrayJob + " was submitted; cancel it "
                    + "with 'scancel " + arrayJob + "' or submit the merge yourself)");
        }
        return new Submission(arrayJob, afterJob);
    }

    private static String sbatch(List<String> command, Path script) throws SchedulerException {
        Shell.Result r = run(command);
        Matcher m = JOB_ID.matcher(r.out().trim());
        if (r.exitCode() != 0 || !m.matches()) {
            throw new SchedulerException("sbatch refused " + script + ": " + r.firstLine());
        }
        return m.group(1);
    }

    @Override
    public Map<String, String> state(String jobId) throws SchedulerException {
        if (!JOB_ID.matcher(jobId).matches()) {
            throw new SchedulerException("'" + jobId + "' is not a SLURM job id");
        }
        Shell.Result r = run(List.of("squeue", "--array", "--states=all", "--noheader", "--jobs=" + jobId,
                "--format=%i|%T"));
        Map<String, String> states = new LinkedHashMap<>();
        if (r.exitCode() != 0) {
            if (r.err().contains("Invalid job id")) {
                return states; // no longer known: finished a while ago
            }
            throw new SchedulerException("squeue could not say how job " + jobId + " is: " + r.firstLine());
        }
        for (String line : r.out().lines().toList()) {
            String[] parts = line.trim().split("\\|");
            if (parts.length != 2) {
                continue;
            }
            Matcher task = TASK.matcher(parts[0]);
            Matcher pending = PENDING_TASKS.matcher(parts[0]);
            if (task.matches()) {
                states.put(task.group(1), parts[1]);
            } else if (pending.matches()) {
                // Tasks not yet started are one line: 12_[3-5,7%2].
                for (String range : pending.group(1).split(",")) {
                    String[] ends = range.split("-");
                    int from = Integer.parseInt(ends[0]);
                    int to = Integer.parseInt(ends[ends.length - 1]);
                    for (int t = from; t <= to; t++) {
                        states.put(Integer.toString(t), parts[1]);
                    }
                }
            } else {
                states.put(parts[0], parts[1]);
            }
        }
        return states;
    }

    private static Shell.Result run(List<String> command) throws SchedulerException {
        try {
            return Shell.run(command, TIMEOUT_SECONDS);
        } catch (IOException e) {
            throw new SchedulerException(command.get(0) + " could not be run (" + e.getMessage() + "): run this on a "
                    + "machine that submits SLURM jobs (a login node), or submit the scripts yourself");
        }
    }
}
