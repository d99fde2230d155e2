package ballast.experiment;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.model.RunResult;
import ballast.model.Side;
import ballast.scenario.Scenario;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the replications of a scenario on several threads. Replications are grouped in blocks of
 * {@link #BLOCK_SIZE} consecutive indices; a block is the unit of work and of saving: when a block is
 * finished its counts are merged into the total and the listener can journal the total. Replication
 * {@code i} always uses {@link Seeds#replication(long, long)}, and summaries merge exactly, so the
 * result does not depend on the thread count or on which block finishes first.
 *
 * <p>Each thread builds one model and reuses it for every replication it runs.
 */
public final class Batch {
    /** Replications per block. Part of the journal's meaning, not of the results. */
    public static final int BLOCK_SIZE = 500;

    private final Scenario scenario;
    private final long replications;
    private final boolean[] initialRoc;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Receives finished blocks. Called from worker threads. */
    public interface Listener {
        /** A block's runs, in replication order, before it counts as done (only if {@link #wantsRuns()}). */
        default void blockRuns(int block, long first, List<RunResult> runs) throws Exception {
        }

        /** Whether {@link #blockRuns} should be called. */
        default boolean wantsRuns() {
            return false;
        }

        /**
         * A block was merged; {@code total} and {@code done} are what to save. Called with the batch's
         * lock held, one call at a time, so it should only take a snapshot (e.g. encode the counts) and
         * return the slow part (e.g. writing the snapshot to disk), or null. The batch runs the
         * returned saves outside its lock, one at a time, and skips a save once a later one has run,
         * so other threads keep merging while a snapshot is written.
         */
        default Save blockMerged(int block, BatchSummary total, BitSet done) throws Exception {
            return null;
        }
    }

    /** The slow part of saving a snapshot, run outside the batch's lock. */
    @FunctionalInterface
    public interface Save {
        void run() throws Exception;
    }

    /** Prepares a batch of {@code replications} replications of {@code scenario}. */
    public Batch(Scenario scenario, long replications) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
        this.scenario = scenario;
        this.replications = replications;
        this.initialRoc = initialRoc(scenario.parameters().countries());
    }

    /** Returns, per state in scenario order, whether it recognises Taipei at the start. */
    static boolean[] initialRoc(List<CountrySpec> countries) {
        boolean[] roc = new boolean[countries.size()];
        for (int i = 0; i < roc.length; i++) {
            roc[i] = countries.get(i).initialSide() == Side.ROC;
        }
        return roc;
    }

    /** Returns the number of blocks. */
    public int blocks() {
        return blocks(replications);
    }

    /** Returns the number of blocks of a batch of {@code replications}. */
    public static int blocks(long replications) {
        return Math.toIntExact((replications + BLOCK_SIZE - 1) / BLOCK_SIZE);
    }

    /** Returns how many replications block {@code b} holds. */
    public long blockLength(int b) {
        return Math.min(BLOCK_SIZE, replications - (long) b * BLOCK_SIZE);
    }

    /** Returns the number of replications finished in this call of {@link #run} (for progress). */
    public long replicationsRun() {
        return done.get();
    }

    /** Asks the workers to stop after their current replication; unfinished blocks are dropped. */
    public void stop() {
        stop.set(true);
    }

    /** Returns whether {@link #stop()} was called. */
    public boolean stopped() {
        return stop.get();
    }

    /**
     * Runs every block not in {@code doneBlocks}, merging into {@code total}, on {@code threads}
     * threads. Returns when all are done or after {@link #stop()} (then {@code doneBlocks} says what
     * was finished).
     *
     * @throws Exception what a worker or the listener threw
     */
    public BatchSummary run(BatchSummary total, BitSet doneBlocks, int threads, Listener listener) throws Exception {
        List<Integer> todo = new ArrayList<>();
        for (int b = 0; b < blocks(); b++) {
            if (!doneBlocks.get(b)) {
                todo.add(b);
            }
        }
        AtomicInteger next = new AtomicInteger();
        Object lock = new Object();
        Object saveLock = new Object();
        long[] snapshots = new long[1];  // snapshots taken, guarded by lock
        long[] saved = new long[1];      // latest snapshot saved, guarded by saveLock
        Workers.run(threads, () -> {
            ModelParameters p = scenario.parameters();
            RecognitionModel model = new RecognitionModel(p);
            for (int k = next.getAndIncrement(); k < todo.size() && !stop.get(); k = next.getAndIncrement()) {
                int b = todo.get(k);
                BatchSummary part = BatchSummary.of(p);
                List<RunResult> runs = listener.wantsRuns() ? new ArrayList<>() : null;
                long first = (long) b * BLOCK_SIZE;
                long end = first + blockLength(b);
                for (long i = first; i < end; i++) {
                    if (stop.get()) {
                        return null;
                    }
                    part.add(model.simulate(Seeds.replication(scenario.seed(), i)), initialRoc);
                    if (runs != null) {
                        runs.add(model.keep());
                    }
                    done.incrementAndGet();
                }
                if (runs != null) {
                    listener.blockRuns(b, first, runs);
                }
                Save save;
                long snapshot;
                synchronized (lock) {
                    total.merge(part);
                    doneBlocks.set(b);
                    save = listener.blockMerged(b, total, doneBlocks);
                    snapshot = ++snapshots[0];
                }
                if (save != null) {
                    synchronized (saveLock) {
                        if (snapshot > saved[0]) {
                            save.run();
                            saved[0] = snapshot;
                        }
                    }
                }
            }
            return null;
        }, () -> stop.set(true));
        return total;
    }
}
