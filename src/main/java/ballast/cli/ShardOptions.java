package ballast.cli;

import ballast.experiment.Shard;
import ballast.output.ShardFolder;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --shard I/N} of {@code batch}, {@code sweep} and {@code sensitivity}: run one fixed part of
 * the job's replications into a folder of its own ({@code --out}), to be merged with the others by
 * {@code ballast merge}. Starting a shard whose folder already holds that same shard resumes it, or
 * does nothing if it is finished, so a cluster task can simply be run again.
 */
final class ShardOptions {
    @Option(names = "--shard", paramLabel = "I/N", converter = Converter.class,
            description = "Run only shard I of N (1 to N): a fixed part of the replications, with the seeds they have "
                    + "in the whole job, into --out DIR (required); 'ballast merge' adds the shards up. If DIR already "
                    + "holds this shard, it is resumed (or left alone if finished).")
    Shard shard;

    /** What to do with a shard's folder. */
    enum Start {
        /** Create the folder and run the shard. */
        NEW,
        /** The folder holds this shard, unfinished: resume it. */
        RESUME,
        /** The folder holds this shard, finished: nothing to do. */
        DONE
    }

    /** Returns whether {@code --shard} was given. */
    boolean requested() {
        return shard != null;
    }

    /**
     * Checks the shard against the job's size and {@code --out}, and says what to do with {@code out}.
     *
     * @param job the job the shard is part of (from the plan it would start with)
     * @param part the units the shard would run
     * @throws UserException if there is no {@code --out}, or it holds something else
     */
    static Start start(Path out, ShardFolder.Job job, ShardFolder.Part part) throws UserException, IOException {
        ShardFolder.Found found = ShardFolder.inspect(out);
        switch (found.state()) {
            case OTHER:
                return Start.NEW; // a new folder, or an existing one that creating refuses to overwrite
            case EMPTY:
                ShardFolder.clearLeftovers(out);
                return Start.NEW;
            default:
                String mismatch = job.mismatch(out, found.job(), out);
                if (mismatch != null || !found.part().equals(part)) {
                    throw new UserException(out + " already holds shard " + found.part().shard() + " of "
                            + found.job().describe() + ", not shard " + part.shard() + " of " + job.describe()
                            + "; choose another --out");
                }
                return found.state() == ShardFolder.State.FINISHED ? Start.DONE : Start.RESUME;
        }
    }

    /** Checks that a shard has a folder to go to; returns the shard. */
    Shard check(Path out, boolean keepRuns) throws UserException {
        if (out == null) {
            throw new UserException("--shard needs --out DIR, a folder for the shard (e.g. --out shards/" + shard.index()
                    + "); 'ballast merge' then takes the shards' folders, or the folder that holds them");
        }
        if (keepRuns) {
            throw new UserException("--keep-runs is not available with --shard (a shard keeps only counts)");
        }
        return shard;
    }

    /** Reports a shard that was already finished, as the folder of a finished job is reported. */
    static int alreadyDone(Path out, ShardFolder.Part part, PrintWriter stdout, PrintWriter err) {
        err.println("ballast: " + out + " already holds shard " + part.shard() + ", finished; nothing to do");
        stdout.println(out.toAbsolutePath().normalize());
        return 0;
    }

    /** Converts {@code I/N}. */
    static final class Converter implements ITypeConverter<Shard> {
        @Override
        public Shard convert(String text) {
            try {
                return Shard.parse(text);
            } catch (IllegalArgumentException e) {
                throw new TypeConversionException(e.getMessage());
            }
        }
    }
}
