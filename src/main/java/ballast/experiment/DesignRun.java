package ballast.experiment;

import ballast.model.CountrySpec;
import ballast.model.RecognitionModel;
import ballast.model.RunRecord;
import ballast.model.RunResult;
import ballast.model.Side;
import ballast.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntFunction;
import java.util.function.LongUnaryOperator;

/**
 * Runs the replications of every job that runs the model many times: a batch (one point), a sweep or
 * sensitivity analysis (many points, each a batch of the same size), a back-test. The unit of work
 * and of saving is a block: up to {@link #BLOCK_SIZE} consecutive replications of one point. Block
 * {@code b} of point {@code p} is numbered {@code p * blocksPerPoint() + b}; blocks are handed out in
 * that order, one at a time, so nothing per block is held in memory: a job of a billion replications
 * needs no more memory than one of a thousand.
 *
 * <p>Replication {@code i} of point {@code p} uses the seed
 * {@code Seeds.replication(Seeds.point(master, p), i)}, or with common random numbers (and in a
 * batch) {@code Seeds.replication(master, i)} at every point; summaries merge exactly, so results do
 * not depend on the thread count or on the order blocks finish in. Each thread keeps one model and
 * reuses it while it runs blocks of the same point. A {@linkplain #shard shard} of the job runs a
 * contiguous part of its replications with the same seeds, so the counts of all shards merge into
 * those of one process.
 *
 * @param <S> what a block remembers of its replications
 */
public final class DesignRun<S extends DesignRun.Summary> {
    /** Replications per block. Part of the journals' meaning, not of the results. */
    public static final int BLOCK_SIZE = 500;
    /**
     * The most replications of one batch or design point: 10^9 (about 35 hours on two cores). Beyond
     * it the fixed-point sums of the summaries (terms, shares) could leave the range of a 64-bit
     * integer; a sum that depends on the scenario (a patron's money) and outgrows it sooner fails
     * loudly ({@link Math#addExact}), never wraps.
     */
    public static final long MAX_REPLICATIONS = 1_000_000_000L;

    private final int points;
    private final long replications;
    private final long masterSeed;
    private final boolean commonSeeds;
    private final ScenarioOfPoint scenarios;
    private final IntFunction<S> newSummary;
    private final long firstUnit;        // this run's units: [firstUnit, endUnit), all of them or a shard's
    private final long endUnit;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Builds (and validates) the scenario of a point. */
    @FunctionalInterface
    public interface ScenarioOfPoint {
        Scenario of(int point) throws Exception;
    }

    /** What a block remembers of its replications ({@link BatchSummary}, {@link PointSummary}, a back-test's counts). */
    public interface Summary {
        /** Adds one replication; {@code initialRoc[i]} says whether state {@code i} recognised Taipei at the start. */
        void add(RunRecord r, boolean[] initialRoc);
    }

    /** Receives finished blocks, one call at a time (the runner holds a lock). */
    @FunctionalInterface
    public interface Listener<S> {
        void blockDone(int point, int block, S summary) throws Exception;
    }

    /** Receives the blocks of a job that saves its progress (a journal). */
    public interface Journal<S> {
        /** Whether {@link #blockRan} should get a kept copy of every replication. */
        default boolean keepsRuns() {
            return false;
        }

        /**
         * A block has run; called on its worker thread, without the lock, before the block counts as
         * done. {@code runs} holds its replications in order if {@link #keepsRuns()}, else null.
         */
        default void blockRan(int point, int block, long first, S summary, List<RunResult> runs) throws Exception {
        }

        /**
         * A block is done and in {@code doneBlocks}. Called with the runner's lock held, one call at a
         * time, so it should only merge and take a snapshot (e.g. encode the counts) and return the
         * slow part (e.g. writing the snapshot to disk), or null. The runner runs returned saves on a
         * thread of its own, one at a time, and skips a save once a later one is waiting, so no worker
         * waits while a snapshot is written; it returns only after the latest one is saved.
         */
        Save blockDone(int point, int block, S summary, BlockSet doneBlocks) throws Exception;
    }

    /** The slow part of saving a snapshot, run outside the runner's lock. */
    @FunctionalInterface
    public interface Save {
        void run() throws Exception;
    }

    /** Says which blocks are already done (journaled by an earlier, interrupted run). */
    @FunctionalInterface
    public interface BlockFilter {
        boolean done(int point, int block);
    }

    /**
     * Prepares {@code points} points of {@code replications} replications each; {@code newSummary}
     * makes an empty summary for a scenario of the given number of states.
     *
     * @throws IllegalArgumentException if {@code points} is not in [1, {@link Design#MAX_POINTS}] or
     *     {@code replications} not in [1, {@link #MAX_REPLICATIONS}]
     */
    public DesignRun(int points, long replications, long masterSeed, boolean commonSeeds, ScenarioOfPoint scenarios,
            IntFunction<S> newSummary) {
        checkReplications(replications);
        if (points < 1 || points > Design.MAX_POINTS) {
            throw new IllegalArgumentException("points must be between 1 and " + Design.MAX_POINTS + ", got " + points);
        }
        this.points = points;
        this.replications = replications;
        this.masterSeed = masterSeed;
        this.commonSeeds = commonSeeds;
        this.scenarios = scenarios;
        this.newSummary = newSummary;
        this.firstUnit = 0;
        this.endUnit = points * replications;
    }

    private DesignRun(DesignRun<S> whole, Shard shard) {
        this.points = whole.points;
        this.replications = whole.replications;
        this.masterSeed = whole.masterSeed;
        this.commonSeeds = whole.commonSeeds;
        this.scenarios = whole.scenarios;
        this.newSummary = whole.newSummary;
        this.firstUnit = shard.first(whole.units());
        this.endUnit = shard.end(whole.units());
    }

    /**
     * Returns the runner of shard {@code shard} of this job: the units (replications of points,
     * numbered {@code point * replications + i}) from {@code shard.first(units())} to
     * {@code shard.end(units())}, with the seeds they have in the whole job. Blocks keep their
     * numbers; the first and last block of a shard may hold only part of their replications.
     *
     * @throws IllegalArgumentException if the job has fewer replications than {@code shard} has shards
     */
    public DesignRun<S> shard(Shard shard) {
        return new DesignRun<>(this, shard);
    }

    /** The runner of a batch: one point, replication {@code i} seeded by {@code Seeds.replication(seed, i)}. */
    public static DesignRun<BatchSummary> batch(Scenario scenario, long replications) {
        return new DesignRun<>(1, replications, scenario.seed(), true, point -> scenario,
                states -> BatchSummary.of(scenario.parameters()));
    }

    /**
     * Checks a replication count against {@link #MAX_REPLICATIONS}.
     *
     * @throws IllegalArgumentException with a message that says the limit
     */
    public static void checkReplications(long replications) {
        if (replications < 1 || replications > MAX_REPLICATIONS) {
            throw new IllegalArgumentException(String.format(java.util.Locale.ROOT,
                    "replications must be between 1 and %,d, got %,d", MAX_REPLICATIONS, replications));
        }
    }

    /** Returns, per state in scenario order, whether it recognises Taipei at the start. */
    static boolean[] initialRoc(List<CountrySpec> countries) {
        boolean[] roc = new boolean[countries.size()];
        for (int i = 0; i < roc.length; i++) {
            roc[i] = countries.get(i).initialSide() == Side.ROC;
        }
        return roc;
    }

    /** Returns the number of blocks of each point. */
    public int blocksPerPoint() {
        return blocks(replications);
    }

    /** Returns the number of blocks of a point of {@code replications} replications. */
    public static int blocks(long replications) {
        checkReplications(replications);
        return (int) ((replications + BLOCK_SIZE - 1) / BLOCK_SIZE);
    }

    /** Returns the number of blocks of the whole job. */
    public long blocks() {
        return (long) points * blocksPerPoint();
    }

    /** Returns the number of units (replications of all points) of the whole job. */
    public long units() {
        return (long) points * replications;
    }

    /** Returns how many replications this run holds: {@link #units()}, or its shard's part. */
    public long size() {
        return endUnit - firstUnit;
    }

    /** Returns the number of this run's first block. */
    public long firstBlock() {
        return keyOfUnit(firstUnit);
    }

    /** Returns the number after this run's last block. */
    public long endBlock() {
        return keyOfUnit(endUnit - 1) + 1;
    }

    private long keyOfUnit(long unit) {
        return key((int) (unit / replications), (int) ((unit % replications) / BLOCK_SIZE));
    }

    // The first unit of block `key`; consecutive blocks hold consecutive units, so this is also the end
    // of block key - 1 (and unitOf(blocks()) is the end of the job).
    private long unitOf(long key) {
        int perPoint = blocksPerPoint();
        return (key / perPoint) * replications + (key % perPoint) * BLOCK_SIZE;
    }

    /** Returns how many of this run's replications block {@code block} of point {@code point} holds (0 if none). */
    public long replicationsIn(int point, int block) {
        long key = key(point, block);
        return Math.max(0, Math.min(unitOf(key + 1), endUnit) - Math.max(unitOf(key), firstUnit));
    }

    /** Returns how many of this run's replications the blocks in {@code blocks} hold. */
    public long replicationsIn(BlockSet blocks) {
        long n = 0;
        for (long[] run : blocks.runs()) {
            n += Math.max(0, Math.min(unitOf(run[1]), endUnit) - Math.max(unitOf(run[0]), firstUnit));
        }
        return n;
    }

    /** Returns the number of block {@code block} of point {@code point}. */
    public long key(int point, int block) {
        return (long) point * blocksPerPoint() + block;
    }

    /** Returns how many replications block {@code block} of a point holds. */
    public long blockLength(int block) {
        return Math.min(BLOCK_SIZE, replications - (long) block * BLOCK_SIZE);
    }

    /** Returns the seed of replication {@code i} of point {@code p}. */
    public long seed(int p, long i) {
        return Seeds.replication(commonSeeds ? masterSeed : Seeds.point(masterSeed, p), i);
    }

    /** Returns the replications finished in this call of {@code run} (for progress). */
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
     * Runs every block for which {@code isDone} is false, on {@code threads} threads, handing each
     * finished block to {@code listener}. Returns when all are done or after {@link #stop()}.
     *
     * @throws Exception what building a scenario, a worker or the listener threw
     */
    public void run(BlockFilter isDone, int threads, Listener<S> listener) throws Exception {
        long total = endBlock();
        int perPoint = blocksPerPoint();
        LongUnaryOperator next = from -> {
            long k = from;
            while (k < total && isDone.done((int) (k / perPoint), (int) (k % perPoint))) {
                k++;
            }
            return k;
        };
        run(next, new BlockSet(), threads, (point, block, part, doneBlocks) -> {
            listener.blockDone(point, block, part);
            return null;
        });
    }

    /**
     * Runs every block not in {@code doneBlocks}, on {@code threads} threads, adding each to
     * {@code doneBlocks} as it finishes and handing it to {@code journal}. Returns when all are done
     * or after {@link #stop()} (then {@code doneBlocks} says what was finished).
     *
     * @throws Exception what building a scenario, a worker or the journal threw
     */
    public void run(BlockSet doneBlocks, int threads, Journal<S> journal) throws Exception {
        run(doneBlocks::nextAbsent, doneBlocks, threads, journal);
    }

    private void run(LongUnaryOperator nextUndone, BlockSet doneBlocks, int threads, Journal<S> journal)
            throws Exception {
        long total = endBlock();
        int perPoint = blocksPerPoint();
        boolean keep = journal.keepsRuns();
        Object lock = new Object();
        long[] cursor = {firstBlock()};  // next block to consider, guarded by lock
        Saver saver = new Saver();
        saver.runThenFinish(() -> Workers.run(threads, () -> {
            int modelPoint = -1;
            RecognitionModel model = null;
            boolean[] initialRoc = null;
            while (!stop.get()) {
                long k;
                synchronized (lock) {
                    k = nextUndone.applyAsLong(cursor[0]);
                    if (k >= total) {
                        return null;
                    }
                    cursor[0] = k + 1;
                }
                int p = (int) (k / perPoint);
                int b = (int) (k % perPoint);
                if (p != modelPoint) {
                    Scenario scenario = scenarios.of(p);
                    model = new RecognitionModel(scenario.parameters());
                    initialRoc = initialRoc(scenario.parameters().countries());
                    modelPoint = p;
                }
                S part = newSummary.apply(initialRoc.length);
                List<RunResult> runs = keep ? new ArrayList<>(BLOCK_SIZE) : null;
                long pointStart = (long) p * replications;
                long first = Math.max((long) b * BLOCK_SIZE, firstUnit - pointStart);
                long end = Math.min((long) b * BLOCK_SIZE + blockLength(b), endUnit - pointStart);
                for (long i = first; i < end; i++) {
                    if (stop.get()) {
                        return null;
                    }
                    part.add(model.simulate(seed(p, i)), initialRoc);
                    if (keep) {
                        runs.add(model.keep());
                    }
                    done.incrementAndGet();
                }
                journal.blockRan(p, b, first, part, runs);
                synchronized (lock) {
                    doneBlocks.add(k);
                    saver.offer(journal.blockDone(p, b, part, doneBlocks));
                }
            }
            return null;
        }, () -> stop.set(true)));
    }

    /**
     * Runs the saves that {@link Journal#blockDone} returns on a thread of their own, so that no
     * worker waits for a snapshot to reach the disk; a save is skipped when a later one is already
     * waiting (the later snapshot holds everything the earlier one does). The first failure stops the
     * job and is thrown by {@link #runThenFinish}, which also waits for the latest snapshot to be saved.
     */
    private final class Saver {
        private final AtomicReference<Save> latest = new AtomicReference<>();
        private final AtomicReference<Exception> failure = new AtomicReference<>();
        private ExecutorService thread;

        /** Hands over the newest snapshot's save (null: nothing to save). Called under the runner's lock, in order. */
        void offer(Save save) {
            if (save == null) {
                return;
            }
            if (thread == null) {
                thread = Executors.newSingleThreadExecutor(r -> {
                    Thread t = new Thread(r, "ballast-journal");
                    t.setDaemon(true);
                    return t;
                });
            }
            if (latest.getAndSet(save) == null && !thread.isShutdown()) {
                thread.execute(this::saveLatest);
            }
        }

        private void saveLatest() {
            Save save = latest.getAndSet(null);
            if (save == null || failure.get() != null) {
                return;
            }
            try {
                save.run();
            } catch (Exception e) {
                failure.compareAndSet(null, e);
                stop.set(true);
            }
        }

        /**
         * Runs {@code job}, then waits until the latest snapshot is saved; throws what the job threw
         * (with a failed save as suppressed), else the first failure of a save.
         */
        void runThenFinish(Job job) throws Exception {
            try {
                job.run();
            } catch (Exception e) {
                try {
                    finish();
                } catch (Exception saveFailure) {
                    e.addSuppressed(saveFailure);
                }
                throw e;
            }
            finish();
        }

        private void finish() throws Exception {
            if (thread != null) {
                thread.shutdown();
                boolean interrupted = false;
                while (true) {
                    try {
                        if (thread.awaitTermination(1, TimeUnit.DAYS)) {
                            break;
                        }
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
            Exception e = failure.get();
            if (e != null) {
                throw e;
            }
        }
    }

    @FunctionalInterface
    private interface Job {
        void run() throws Exception;
    }
}
