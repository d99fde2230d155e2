package ballast.experiment;

import ballast.model.CountrySpec;
import ballast.model.RecognitionModel;
import ballast.model.RunRecord;
import ballast.scenario.Scenario;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs the points of an experiment, each a batch of the same number of replications, on several
 * threads. The unit of work and of saving is a block: up to {@link Batch#BLOCK_SIZE} consecutive
 * replications of one point. Replication {@code i} of point {@code p} uses the seed
 * {@code Seeds.replication(Seeds.point(master, p), i)}, or with common random numbers
 * {@code Seeds.replication(master, i)} at every point; summaries merge exactly, so results do not
 * depend on the thread count or on the order blocks finish in.
 */
public final class DesignRun<S extends DesignRun.Summary> {
    private final int points;
    private final long replications;
    private final long masterSeed;
    private final boolean commonSeeds;
    private final ScenarioOfPoint scenarios;
    private final java.util.function.IntFunction<S> newSummary;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    /** Builds (and validates) the scenario of a point. */
    @FunctionalInterface
    public interface ScenarioOfPoint {
        Scenario of(int point) throws Exception;
    }

    /** What a block remembers of its replications ({@link PointSummary}, or a back-test's counts). */
    public interface Summary {
        /** Adds one replication; {@code initialRoc[i]} says whether state {@code i} recognised Taipei at the start. */
        void add(RunRecord r, boolean[] initialRoc);
    }

    /** Receives finished blocks, one call at a time (the runner holds a lock). */
    @FunctionalInterface
    public interface Listener<S> {
        void blockDone(int point, int block, S summary) throws Exception;
    }

    /**
     * Prepares {@code points} points of {@code replications} replications each; {@code newSummary}
     * makes an empty summary for a scenario of the given number of states.
     */
    public DesignRun(int points, long replications, long masterSeed, boolean commonSeeds, ScenarioOfPoint scenarios,
            java.util.function.IntFunction<S> newSummary) {
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
        this.points = points;
        this.replications = replications;
        this.masterSeed = masterSeed;
        this.commonSeeds = commonSeeds;
        this.scenarios = scenarios;
        this.newSummary = newSummary;
    }

    /** Returns the number of blocks of each point. */
    public int blocksPerPoint() {
        return Batch.blocks(replications);
    }

    /** Returns the seed of replication {@code i} of point {@code p}. */
    public long seed(int p, long i) {
        return Seeds.replication(commonSeeds ? masterSeed : Seeds.point(masterSeed, p), i);
    }

    /** Returns the replications finished in this call of {@link #run} (for progress). */
    public long replicationsRun() {
        return done.get();
    }

    /** Asks the workers to stop after their current replication; unfinished blocks are dropped. */
    public void stop() {
        stop.set(true);
    }

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
        int blocks = blocksPerPoint();
        List<long[]> todo = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            for (int b = 0; b < blocks; b++) {
                if (!isDone.done(p, b)) {
                    todo.add(new long[] {p, b});
                }
            }
        }
        AtomicInteger next = new AtomicInteger();
        Object lock = new Object();
        Workers.run(threads, () -> {
            for (int k = next.getAndIncrement(); k < todo.size() && !stop.get(); k = next.getAndIncrement()) {
                int p = (int) todo.get(k)[0];
                int b = (int) todo.get(k)[1];
                Scenario scenario = scenarios.of(p);
                List<CountrySpec> countries = scenario.parameters().countries();
                boolean[] initialRoc = Batch.initialRoc(countries);
                RecognitionModel model = new RecognitionModel(scenario.parameters());
                S part = newSummary.apply(countries.size());
                long first = (long) b * Batch.BLOCK_SIZE;
                long end = Math.min(replications, first + Batch.BLOCK_SIZE);
                for (long i = first; i < end; i++) {
                    if (stop.get()) {
                        return null;
                    }
                    part.add(model.simulate(seed(p, i)), initialRoc);
                    done.incrementAndGet();
                }
                synchronized (lock) {
                    listener.blockDone(p, b, part);
                }
            }
            return null;
        }, () -> stop.set(true));
    }

    /** Says which blocks are already done (journaled by an earlier, interrupted run). */
    @FunctionalInterface
    public interface BlockFilter {
        boolean done(int point, int block);
    }
}
