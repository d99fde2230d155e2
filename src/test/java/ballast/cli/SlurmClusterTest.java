package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import ballast.cluster.ClusterFolder;
import ballast.cluster.Scheduler;
import ballast.cluster.Slurm;
import ballast.output.BatchFolder;
import ballast.output.ShardFolder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ballast slurm ... --submit} on a real SLURM: the job array and the merge job run under
 * {@code slurmctld} and {@code slurmd}, and the merged tables and charts are the bytes of one process;
 * a task cancelled mid-way and submitted again alone resumes its shard and merges to the same bytes.
 *
 * <p>Skipped, saying why, when no SLURM answers ({@code sinfo} fails), so that {@code ./mvnw test} on a
 * laptop stays fast. {@code .ci/run} starts a one-node SLURM and sets {@code BALLAST_SLURM_REQUIRED=1},
 * which turns the skip into a failure.
 */
class SlurmClusterTest {
    private static final String TINY = BallastTestFiles.fixture("tiny.yaml");
    private static final Set<String> ENDED = Set.of("COMPLETED", "FAILED", "CANCELLED", "TIMEOUT", "OUT_OF_MEMORY",
            "NODE_FAIL", "PREEMPTED", "BOOT_FAIL", "DEADLINE");
    private static final Pattern SUBMITTED = Pattern.compile("Submitted batch job ([0-9]+)");
    private static final long WAIT_SECONDS = 240;

    private final Scheduler slurm = new Slurm();

    @TempDir
    Path dir;

    /** Why no SLURM answers, or null if one does; asked once. */
    private static String noSlurm;

    @BeforeAll
    static void askSlurm() throws Exception {
        noSlurm = whyNoSlurm();
        if (noSlurm != null) {
            System.out.println("SlurmClusterTest skipped: no SLURM reachable (" + noSlurm + "); .ci/run starts one");
        }
    }

    @BeforeEach
    void aSlurmAnswers() {
        if (noSlurm != null && "1".equals(System.getenv("BALLAST_SLURM_REQUIRED"))) {
            fail("BALLAST_SLURM_REQUIRED=1 but no SLURM is reachable: " + noSlurm);
        }
        Assumptions.assumeTrue(noSlurm == null, () -> "no SLURM reachable (" + noSlurm + "); .ci/run starts one");
    }

    private static String whyNoSlurm() throws InterruptedException {
        try {
            Process p = new ProcessBuilder("sinfo", "--noheader", "--format=%T").redirectErrorStream(true).start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                return "sinfo did not answer within 20 s";
            }
            String said = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            return p.exitValue() == 0 ? null : "sinfo failed: " + said.lines().findFirst().orElse("exit "
                    + p.exitValue());
        } catch (IOException e) {
            return "sinfo cannot be run (" + e.getMessage() + ")";
        }
    }

    @Test
    void aBatchRunAsFourArrayTasksAndMergedBySlurmIsTheBytesOfOneProcess() throws Exception {
        List<String> job = List.of("batch", TINY, "-n", "2600", "--seed", "11");
        Path cluster = submit(job, 4);
        awaitMerge(cluster);
        assertSameAsOneProcess(job, cluster);
    }

    @Test
    void aSweepRunAsArrayTasksAndMergedBySlurmIsTheBytesOfOneProcess() throws Exception {
        List<String> job = List.of("sweep", TINY, "--param", "rule.toPrcPerYear=0.01:0.05:3", "-n", "300", "--seed",
                "12");
        Path cluster = submit(job, 4);
        awaitMerge(cluster);
        assertSameAsOneProcess(job, cluster);
    }

    @Test
    void aTaskCancelledMidwayAndSubmittedAgainAloneResumesItsShardAndMergesToTheSameBytes() throws Exception {
        // Three shards of 30 blocks of 500 replications: a task runs for seconds, saving a block at a time.
        List<String> job = List.of("batch", TINY, "-n", "45000", "--seed", "13");
        Path cluster = submit(job, 3);
        Scheduler.Submission first = ClusterFolder.readJobs(cluster);
        Path shard2 = cluster.resolve(ClusterFolder.SHARDS).resolve("0002");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (!Files.exists(shard2.resolve(BatchFolder.JOURNAL))) {
            assertFalse(Files.exists(shard2.resolve(ShardFolder.BATCH_COUNTS)), "task 2 ended before it could be cut");
            assertTrue(System.nanoTime() < deadline, "task 2 saved no block within " + WAIT_SECONDS + " s");
            Thread.sleep(50);
        }
        run("scancel", first.arrayJob() + "_2");
        assertEquals("CANCELLED", awaitEnd(first.arrayJob(), "2"), "task 2 was cancelled");
        // With a task failed, the dependency is never met: SLURM cancels the merge job.
        assertEquals("CANCELLED", awaitEnd(first.afterJob(), first.afterJob()), "the merge job was cancelled");
        awaitEnd(first.arrayJob(), "1");
        awaitEnd(first.arrayJob(), "3");
        assertFalse(Files.exists(shard2.resolve(ShardFolder.BATCH_COUNTS)), "shard 2 was cut mid-way");
        assertTrue(Files.exists(shard2.resolve(BatchFolder.PLAN)), "shard 2 is unfinished");
        assertFalse(Files.exists(cluster.resolve(ClusterFolder.MERGED)));
        Cli status = Cli.run("status", cluster.toString());
        assertTrue(status.out().contains("done: 2 of 3 shards"), status.out());

        // What the user is told to type: task 2 again, alone, and a merge after it.
        String rerun = slurm.rerunCommand(ClusterFolder.arrayScript(cluster, slurm), "2",
                ClusterFolder.afterScript(cluster, slurm));
        String printed = run("bash", "-c", rerun);
        Matcher merge = SUBMITTED.matcher(printed);
        assertTrue(merge.find(), printed);
        assertEquals("COMPLETED", awaitEnd(merge.group(1), merge.group(1)), "the second merge job");
        String log = Files.readString(cluster.resolve(ClusterFolder.LOGS).resolve("ballast-tiny-2.log"));
        assertTrue(log.contains("ballast: resuming "), "the task run again resumed its shard:\n" + log);
        assertSameAsOneProcess(job, cluster);
    }

    /** Runs {@code ballast slurm JOB --shards N --submit} and returns the cluster job's folder. */
    private Path submit(List<String> job, int shards) throws IOException {
        Path cluster = dir.resolve("cluster");
        String[] args = concat(List.of("slurm"), concat(job, List.of("--shards", Integer.toString(shards), "--submit",
                "--out", cluster.toString())));
        Cli cli = Cli.run(args);
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains("ballast: submitted array job "), cli.err());
        assertTrue(ClusterFolder.readJobs(cluster) != null, "jobs.json holds the job ids");
        return cluster;
    }

    /** Waits for the merge job that {@code --submit} submitted, and checks that it succeeded. */
    private void awaitMerge(Path cluster) throws Exception {
        Scheduler.Submission s = ClusterFolder.readJobs(cluster);
        String state = awaitEnd(s.afterJob(), s.afterJob());
        Map<String, String> tasks = slurm.state(s.arrayJob());
        assertEquals("COMPLETED", state, "merge job " + s.afterJob() + "; array tasks " + tasks + "; logs:\n"
                + logs(cluster));
        Cli status = Cli.run("status", cluster.toString());
        assertEquals(0, status.exitCode(), status.err());
        assertTrue(status.out().contains("merged: " + cluster.resolve(ClusterFolder.MERGED)), status.out());
    }

    /** Waits until {@code task} of job {@code jobId} (the job's id for a plain job) has ended; returns its state. */
    private String awaitEnd(String jobId, String task) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
        while (true) {
            String state = slurm.state(jobId).get(task);
            if (state != null && ENDED.contains(state)) {
                return state;
            }
            if (System.nanoTime() > deadline) {
                fail("job " + jobId + " task " + task + " still " + state + " after " + WAIT_SECONDS + " s; "
                        + run("squeue", "--states=all", "--array"));
            }
            Thread.sleep(200);
        }
    }

    private void assertSameAsOneProcess(List<String> job, Path cluster) throws IOException {
        Path one = dir.resolve("one");
        Cli cli = Cli.run(concat(job, List.of("--out", one.toString())));
        assertEquals(0, cli.exitCode(), cli.err());
        MergeCliTest.assertSameResults(one, cluster.resolve(ClusterFolder.MERGED));
    }

    private static String logs(Path cluster) throws IOException {
        StringBuilder b = new StringBuilder();
        try (var files = Files.list(cluster.resolve(ClusterFolder.LOGS))) {
            for (Path f : files.sorted().toList()) {
                b.append("== ").append(f.getFileName()).append('\n').append(Files.readString(f));
            }
        }
        return b.toString();
    }

    /** Runs a command; returns what it printed (stdout and stderr), failing the test if it fails. */
    private static String run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), String.join(" ", command) + " ended");
        assertEquals(0, p.exitValue(), String.join(" ", command) + ": " + out);
        return out;
    }

    private static String[] concat(List<String> first, List<String> then) {
        return Stream.concat(first.stream(), then.stream()).toArray(String[]::new);
    }

    private static String[] concat(List<String> first, String[] then) {
        return concat(first, List.of(then));
    }
}
