package ballast.cluster;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What a cluster job asks for: a name, where its logs go, the resources of each task (null: the
 * cluster's default), and set-up lines run before the command (e.g. {@code module load java/17}).
 *
 * @param name the job's name as the scheduler shows it
 * @param logs the folder for the logs (absolute)
 * @param workingDirectory the folder the job runs in (absolute): where relative paths in its command resolve
 * @param partition the partition (queue), or null
 * @param time the time limit per task as the scheduler writes it (e.g. {@code 2:00:00}, {@code 1-00:00:00}), or null
 * @param memory the memory per task (e.g. {@code 4G}, {@code 500M}; a number alone is megabytes), or null
 * @param cpusPerTask cores per task
 * @param setup shell lines run before the command, in order
 */
public record JobSpec(String name, Path logs, Path workingDirectory, String partition, String time, String memory,
        int cpusPerTask, List<String> setup) {
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]{1,100}");
    private static final Pattern PARTITION = Pattern.compile("[A-Za-z0-9_.-]+(,[A-Za-z0-9_.-]+)*");
    private static final Pattern TIME = Pattern.compile("([0-9]+-)?[0-9]+(:[0-9]{1,2}){0,2}");
    private static final Pattern MEMORY = Pattern.compile("[0-9]+[KMGTkmgt]?");

    /** @throws IllegalArgumentException naming the value that is not of its form */
    public JobSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a job name is letters, digits and . _ + -, got '" + name + "'");
        }
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        if (partition != null && !PARTITION.matcher(partition).matches()) {
            throw new IllegalArgumentException("--partition: '" + partition + "' is not a partition name");
        }
        if (time != null && !TIME.matcher(time).matches()) {
            throw new IllegalArgumentException("--time: '" + time + "' is not a time limit; write minutes, MM:SS, "
                    + "HH:MM:SS or D-HH:MM:SS, e.g. 2:00:00");
        }
        if (memory != null && !MEMORY.matcher(memory).matches()) {
            throw new IllegalArgumentException("--mem: '" + memory + "' is not a memory size; write e.g. 4G or 500M");
        }
        if (cpusPerTask < 1 || cpusPerTask > 1024) {
            throw new IllegalArgumentException("--cpus-per-task must be between 1 and 1024, got " + cpusPerTask);
        }
        setup = List.copyOf(setup);
        for (String line : setup) {
            if (line.contains("\n") || line.contains("\r")) {
                throw new IllegalArgumentException("--setup: one line each (repeat --setup for more), got '"
                        + line.replace("\n", "\\n") + "'");
            }
        }
    }

    /** Returns the memory as a JVM size (e.g. {@code 4g}), or null. */
    public String jvmMemory() {
        if (memory == null) {
            return null;
        }
        char last = memory.charAt(memory.length() - 1);
        return Character.isDigit(last) ? memory + "m" : memory.toLowerCase(Locale.ROOT);
    }
}
