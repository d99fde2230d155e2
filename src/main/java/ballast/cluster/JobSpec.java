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
    /** The least memory a task may ask for: the JVM, the model and a shard's counts need about this. */
    static final long MIN_MEGABYTES = 256;

    /** @throws IllegalArgumentException naming the value that is not of its form */
    public JobSpec {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a job name is letters, digits and . _ + -, got '" + name + "'");
        }
        Objects.requireNonNull(logs, "logs");
        Objects.requireNonNull(workingDirectory, "workingDirectory");
        for (Path p : List.of(logs, workingDirectory)) {
            if (p.toString().contains("\n") || p.toString().contains("\r")) {
                throw new IllegalArgumentException("a job script cannot name a folder with a line break in its name: '"
                        + p.toString().replace("\n", "\\n").replace("\r", "\\r") + "'");
            }
        }
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
        if (memory != null && kilobytes(memory) > 0 && kilobytes(memory) < MIN_MEGABYTES << 10) {
            throw new IllegalArgumentException("--mem: '" + memory + "' is too little for a Java task; give at least "
                    + MIN_MEGABYTES + "M (or 0, which SLURM takes as all of a node's memory)");
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
        if (memory == null || kilobytes(memory) == 0) {
            return null; // --mem=0: all of the node's memory, which the JVM sizes its heap to by itself
        }
        char last = memory.charAt(memory.length() - 1);
        return Character.isDigit(last) ? memory + "m" : memory.toLowerCase(Locale.ROOT);
    }

    /** Returns a SLURM memory size (a number alone is megabytes) in kilobytes; huge values saturate. */
    static long kilobytes(String memory) {
        char last = Character.toUpperCase(memory.charAt(memory.length() - 1));
        String digits = Character.isDigit(last) ? memory : memory.substring(0, memory.length() - 1);
        if (digits.length() > 12) {
            return Long.MAX_VALUE;
        }
        long n = Long.parseLong(digits);
        int shift = switch (last) {
            case 'K' -> 0;
            case 'G' -> 20;
            case 'T' -> 30;
            default -> 10;
        };
        return n > Long.MAX_VALUE >> shift ? Long.MAX_VALUE : n << shift;
    }
}
