package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.cluster.ClusterFolder;
import ballast.cluster.JobSpec;
import ballast.cluster.Scheduler;
import ballast.cluster.Slurm;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ballast slurm} without a cluster: the scripts it writes, run by hand as SLURM would run them
 * (bash, with the task's number in {@code SLURM_ARRAY_TASK_ID}), merge to the bytes of one process;
 * wrong arguments are refused before anything is written. {@code SlurmClusterTest} submits them to a
 * real SLURM.
 */
class SlurmCliTest {
    private static final String TINY = BallastTestFiles.fixture("tiny.yaml");

    @TempDir
    Path dir;

    @Test
    void itWritesAnArrayOfShardsAndAMergeThatRunAsScriptsToTheBytesOfOneProcess() throws Exception {
        Path job = dir.resolve("job");
        Cli cli = Cli.run("slurm", "batch", TINY, "-n", "1300", "--seed", "7", "--shards", "3", "--partition", "short",
                "--time", "0:30:00", "--mem", "2G", "--cpus-per-task", "2", "--setup", "export BALLAST_SETUP_RAN=1",
                "--out", job.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(job + System.lineSeparator(), cli.out());
        assertTrue(cli.err().contains("jid=$(sbatch --parsable " + job.resolve("shards.sbatch") + ") && sbatch "
                + "--dependency=afterok:${jid%%;*} " + job.resolve("merge.sbatch")), cli.err());
        assertTrue(cli.err().contains("(a shared file system)"), cli.err());
        String array = Files.readString(job.resolve("shards.sbatch"));
        for (String expected : List.of("#SBATCH --array=1-3\n", "#SBATCH --partition=short\n",
                "#SBATCH --time=0:30:00\n", "#SBATCH --mem=2G\n", "#SBATCH --cpus-per-task=2\n",
                "#SBATCH --output=" + job.resolve("logs") + "/ballast-tiny-%a.log\n", "export BALLAST_SETUP_RAN=1\n",
                "task=\"$SLURM_ARRAY_TASK_ID\"\n", "-XX:MaxRAM=2g", " --threads 2 --shard \"$task/3\" --out "
                        + job.resolve("shards") + "/\"$(printf '%04d' \"$task\")\"")) {
            assertTrue(array.contains(expected), "'" + expected + "' in:\n" + array);
        }
        String merge = Files.readString(job.resolve("merge.sbatch"));
        assertTrue(merge.contains(" merge " + job.resolve("shards") + " --out " + job.resolve("merged")), merge);
        assertFalse(merge.contains("--array"), merge);
        assertTrue(merge.contains("#SBATCH --kill-on-invalid-dep=yes\n"), "a merge whose array failed is cancelled");
        assertTrue(cli.err().contains("jid=$(sbatch --parsable --array=3 " + job.resolve("shards.sbatch") + ") && "
                + "sbatch --dependency=afterok:${jid%%;*} " + job.resolve("merge.sbatch")), cli.err());
        assertTrue(Files.readString(job.resolve(ClusterFolder.PLAN)).contains("\"shards\" : 3"));

        // Before any task has run, status says so from the job's plan.
        Cli before = Cli.run("status", job.toString());
        assertEquals(0, before.exitCode(), before.err());
        assertTrue(before.out().contains("done: 0 of 3 shards; 0 of 1,300 replications saved"), before.out());
        assertTrue(before.out().contains("not started: shards 1 to 3"), before.out());

        // A jobs.json that is not a regular file (a pipe would block a read forever) is refused, not read.
        Path jobs = job.resolve(ClusterFolder.JOBS);
        Files.createDirectory(jobs);
        Cli damaged = Cli.run("status", job.toString());
        assertEquals(1, damaged.exitCode(), damaged.err());
        assertTrue(damaged.err().contains(jobs + " is damaged (not the JSON 'ballast slurm' wrote)"), damaged.err());
        assertEquals(1, damaged.err().lines().count(), damaged.err());
        Files.delete(jobs);
        Path plan = job.resolve(ClusterFolder.PLAN);
        byte[] planBytes = Files.readAllBytes(plan);
        Files.delete(plan);
        Files.createDirectory(plan);
        Cli damagedPlan = Cli.run("status", job.toString());
        assertEquals(1, damagedPlan.exitCode(), damagedPlan.err());
        assertEquals("ballast: " + plan + " is damaged (not the JSON 'ballast slurm' wrote); the shards and their "
                + "tables are unaffected: 'ballast status " + job.resolve(ClusterFolder.SHARDS) + "' still counts them"
                + System.lineSeparator(), damagedPlan.err());
        Files.delete(plan);
        Files.write(plan, planBytes);

        // What SLURM would do: each task, in any order (one of them twice: a task run again does no harm), then the merge.
        for (int task : new int[] {2, 3, 1, 2}) {
            bash(job.resolve("shards.sbatch"), task);
        }
        bash(job.resolve("merge.sbatch"), 0);
        Cli one = Cli.run("batch", TINY, "-n", "1300", "--seed", "7", "--out", dir.resolve("one").toString());
        assertEquals(0, one.exitCode(), one.err());
        MergeCliTest.assertSameResults(dir.resolve("one"), job.resolve("merged"));

        Cli status = Cli.run("status", job.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("done: 3 of 3 shards; 1,300 of 1,300 replications saved"), status.out());
        assertTrue(status.out().contains("merged: " + job.resolve("merged")), status.out());
    }

    /** Runs a script as its scheduler would: bash, in this folder, with the task's number set. */
    private void bash(Path script, int task) throws Exception {
        ProcessBuilder pb = new ProcessBuilder("bash", script.toString()).redirectErrorStream(true)
                .redirectOutput(dir.resolve("task.log").toFile());
        pb.environment().put("SLURM_ARRAY_TASK_ID", Integer.toString(task));
        Process p = pb.start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the script ended");
        assertEquals(0, p.exitValue(), script + " task " + task + ": " + Files.readString(dir.resolve("task.log")));
    }

    @Test
    void aLargeDesignIsCheckedWithAProgressLineAndASmallOneWithout() {
        // Checking a point takes 0.2-0.4 ms: 10,000 points and more are worth saying so first.
        Cli large = Cli.run("slurm", "sweep", TINY, "--design", "lhs", "--points",
                Integer.toString(ExperimentRunner.ANNOUNCED_POINTS), "--param", "rule.offer=0:1", "-n", "1",
                "--shards", "2", "--out", dir.resolve("large").toString());
        assertEquals(0, large.exitCode(), large.err());
        assertTrue(large.err().startsWith("ballast: checking the 10,000 design points before any runs"),
                large.err());
        Cli small = Cli.run("slurm", "sweep", TINY, "--design", "lhs", "--points",
                Integer.toString(ExperimentRunner.ANNOUNCED_POINTS - 1), "--param", "rule.offer=0:1", "-n", "1",
                "--shards", "2", "--out", dir.resolve("small").toString());
        assertEquals(0, small.exitCode(), small.err());
        assertFalse(small.err().contains("checking"), small.err());
    }

    @Test
    void aSubmissionSlurmRefusesIsOneLineAndLeavesTheScriptsToSubmitByHand() {
        Path job = dir.resolve("job");
        Slurm slurm = new Slurm();
        Scheduler refusing = new Scheduler() {
            @Override
            public String name() {
                return slurm.name();
            }

            @Override
            public String scriptExtension() {
                return slurm.scriptExtension();
            }

            @Override
            public String arrayScript(JobSpec spec, int tasks, String command) {
                return slurm.arrayScript(spec, tasks, command);
            }

            @Override
            public String script(JobSpec spec, String command) {
                return slurm.script(spec, command);
            }

            @Override
            public String submitCommand(Path array, Path after) {
                return slurm.submitCommand(array, after);
            }

            @Override
            public String rerunCommand(Path array, String tasks, Path after) {
                return slurm.rerunCommand(array, tasks, after);
            }

            @Override
            public Submission submit(Path array, Path after) throws SchedulerException {
                throw new SchedulerException("sbatch refused " + array + ": sbatch: error: Memory specification can "
                        + "not be satisfied");
            }

            @Override
            public Map<String, String> state(String jobId) {
                return Map.of();
            }
        };
        Cli cli = Cli.runWith(made -> {
            if (made instanceof SlurmCommand s) {
                s.scheduler = refusing;
            }
        }, "slurm", "batch", TINY, "-n", "1000", "--shards", "2", "--mem", "900G", "--submit", "--out", job.toString());
        assertEquals(1, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains("ballast: sbatch refused " + job.resolve("shards.sbatch") + ": sbatch: error: "
                + "Memory specification can not be satisfied\n"), cli.err());
        assertFalse(cli.err().contains("Exception"), cli.err());
        assertTrue(cli.err().contains("jid=$(sbatch --parsable " + job.resolve("shards.sbatch")), cli.err());
        assertTrue(Files.exists(job.resolve("shards.sbatch")) && Files.exists(job.resolve("merge.sbatch")));
        assertFalse(Files.exists(job.resolve(ClusterFolder.JOBS)), "nothing was submitted");
    }

    @Test
    void wrongArgumentsAreRefusedBeforeAnythingIsWritten() {
        Path out = dir.resolve("job");
        refused("name the job to cut into shards, batch, sweep or sensitivity", "slurm", "frobnicate", TINY,
                "--shards", "2", "--out", out.toString());
        refused("--shards 4: 3 replications cannot be cut into 4 shards", "slurm", "batch", TINY, "-n", "3", "--shards",
                "4", "--out", out.toString());
        refused("--threads is not for 'ballast slurm batch': each task runs on as many threads as it has cores; give "
                + "--cpus-per-task", "slurm", "batch", TINY, "--threads", "2", "--shards", "2", "--out", out.toString());
        refused("--shard is not for 'ballast slurm batch'", "slurm", "batch", TINY, "--shard", "1/2", "--shards", "2",
                "--out", out.toString());
        refused("--time: '2h' is not a time limit", "slurm", "batch", TINY, "--shards", "2", "--time", "2h", "--out",
                out.toString());
        refused("'rule.ofer' is not a numeric field", "slurm", "sweep", TINY, "--param", "rule.ofer=0:1:2", "--shards",
                "2", "--out", out.toString());
        refused("-n must be at most", "slurm", "batch", TINY, "-n", "2G", "--shards", "2", "--out", out.toString());
    }

    private void refused(String message, String... args) {
        Cli cli = Cli.run(args);
        assertEquals(2, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains(message), "expected '" + message + "' in: " + cli.err());
        assertFalse(Files.exists(dir.resolve("job")), "nothing is written");
    }
}
