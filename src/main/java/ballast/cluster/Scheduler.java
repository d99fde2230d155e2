package ballast.cluster;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A cluster's batch scheduler, as Ballast uses it: an array of tasks (one per shard), and one job that
 * runs once every task has succeeded (the merge). One class per scheduler ({@link Slurm}); another
 * (PBS, Kubernetes Jobs, ...) implements these methods and nothing else changes.
 *
 * <p>Scripts are bash. In a task's command, {@code $task} is the task's number, 1 to the number of
 * tasks; the scheduler's script sets it from its own variable.
 */
public interface Scheduler {
    /** Returns the scheduler's name, e.g. {@code SLURM}. */
    String name();

    /** Returns the file name extension of its scripts, e.g. {@code sbatch}. */
    String scriptExtension();

    /**
     * Returns the script of an array of {@code tasks} tasks, each running {@code command} (bash, with
     * {@code $task} its number), with {@code job}'s name, resources, set-up lines and log folder.
     */
    String arrayScript(JobSpec job, int tasks, String command);

    /**
     * Returns the script of a job that runs {@code command} once, after an array: if a task of the
     * array fails, the scheduler cancels it rather than keeping it waiting.
     */
    String script(JobSpec job, String command);

    /** Returns the shell commands a user types to submit {@code array}, then {@code after} to run once all of its tasks succeeded. */
    String submitCommand(Path array, Path after);

    /**
     * Returns the shell commands that run tasks {@code tasks} of {@code array} again, alone (e.g.
     * {@code 3} or {@code 3,5-7}), then {@code after} once they have succeeded; the job of {@code after}
     * that waited for the first run is cancelled by the scheduler when a task fails ({@link #script}).
     */
    String rerunCommand(Path array, String tasks, Path after);

    /**
     * Submits {@code array}, then {@code after} to run once every task of it has succeeded.
     *
     * @throws SchedulerException if the scheduler refuses either, or cannot be reached
     */
    Submission submit(Path array, Path after) throws SchedulerException;

    /**
     * Returns the state of each task of job {@code jobId} ({@code 1}, {@code 2}, ... for an array's
     * tasks, the job's id for a plain job), in the scheduler's words (e.g. {@code PENDING},
     * {@code RUNNING}, {@code COMPLETED}, {@code FAILED}); empty if the scheduler no longer knows it.
     *
     * @throws SchedulerException if the scheduler cannot be asked
     */
    Map<String, String> state(String jobId) throws SchedulerException;

    /** The ids of what {@link #submit} submitted. */
    record Submission(String arrayJob, String afterJob) {
    }

    /** The scheduler refused, or could not be reached; the message is one line that says what to do. */
    final class SchedulerException extends IOException {
        private static final long serialVersionUID = 1L;

        public SchedulerException(String message) {
            super(message);
        }
    }
}
