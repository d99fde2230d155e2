package ballast.experiment;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.RecognitionModel;
import ballast.model.RunRecord;
import ballast.model.Side;
import ballast.scenario.Scenario;
import ballast.stats.Interval;
import ballast.stats.Intervals;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Runs several scenarios on common random numbers and counts, per state, how their outcomes pair up
 * with a reference scenario's. Replication {@code i} of every scenario uses the same seed,
 * {@link Seeds#replication(long, long)} of one master seed, so replication {@code i} of the reference
 * and of a counterfactual share their draws as far as the two runs go alike; the difference between
 * two scenarios is then measured on pairs, with far less noise than between two independent batches.
 *
 * <p>The counts ({@link Counts}) are integers that merge exactly in any order, so the result does not
 * depend on the thread count. Work is cut in blocks of {@link DesignRun#BLOCK_SIZE} replications and run
 * on {@link Workers}, as batches are.
 */
public final class PairedComparison {
    private final List<Scenario> scenarios;
    private final long replications;
    private final long masterSeed;
    private final AtomicLong done = new AtomicLong();
    private final AtomicBoolean stop = new AtomicBoolean();

    /**
     * Prepares a comparison of {@code scenarios}, the first being the reference, each run
     * {@code replications} times with the seeds of {@code masterSeed}.
     *
     * @throws IllegalArgumentException if there are fewer than two scenarios, fewer than one
     *     replication, or the scenarios do not have the same states (in the same order), start, tick
     *     and horizon (see {@link #mismatch})
     */
    public PairedComparison(List<Scenario> scenarios, long replications, long masterSeed) {
        if (scenarios.size() < 2) {
            throw new IllegalArgumentException("a comparison needs a reference and at least one other scenario");
        }
        if (replications < 1) {
            throw new IllegalArgumentException("replications must be at least 1, got " + replications);
        }
        for (Scenario s : scenarios.subList(1, scenarios.size())) {
            String why = mismatch(scenarios.get(0).parameters(), s.parameters());
            if (why != null) {
                throw new IllegalArgumentException(why);
            }
        }
        this.scenarios = List.copyOf(scenarios);
        this.replications = replications;
        this.masterSeed = masterSeed;
    }

    /**
     * Returns why {@code other} cannot be paired with {@code reference} state by state, or null if it
     * can: both must have the same states in the same order and the same start, tick and horizon.
     */
    public static String mismatch(ModelParameters reference, ModelParameters other) {
        List<String> a = codes(reference.countries());
        List<String> b = codes(other.countries());
        if (!a.equals(b)) {
            List<String> missing = new ArrayList<>(a);
            missing.removeAll(b);
            List<String> extra = new ArrayList<>(b);
            extra.removeAll(a);
            if (missing.isEmpty() && extra.isEmpty()) {
                return "its states are the reference's in another order (" + String.join(", ", b) + " against "
                        + String.join(", ", a) + ")";
            }
            return "its states differ from the reference's" + (missing.isEmpty() ? ""
                    : "; it lacks " + String.join(", ", missing)) + (extra.isEmpty() ? ""
                    : "; it adds " + String.join(", ", extra));
        }
        if (!reference.start().equals(other.start()) || reference.horizonMonths() != other.horizonMonths()
                || reference.tickMonths() != other.tickMonths()) {
            return "it runs " + reference(other) + " where the reference runs " + reference(reference);
        }
        return null;
    }

    private static String reference(ModelParameters p) {
        return "from " + p.start() + " for " + p.horizonMonths() + " months in ticks of " + p.tickMonths();
    }

    private static List<String> codes(List<CountrySpec> countries) {
        return countries.stream().map(CountrySpec::code).toList();
    }

    /** Returns the replications (of all scenarios together) finished so far, for progress. */
    public long replicationsRun() {
        return done.get();
    }

    /** Returns the replications all scenarios together will run. */
    public long total() {
        return replications * scenarios.size();
    }

    /** Asks the workers to stop after their current replication. */
    public void stop() {
        stop.set(true);
    }

    public boolean stopped() {
        return stop.get();
    }

    /**
     * Runs every replication of every scenario on {@code threads} threads and returns the counts, or
     * null if {@link #stop()} was called first.
     *
     * @throws Exception what a worker threw
     */
    public Counts run(int threads) throws Exception {
        ModelParameters reference = scenarios.get(0).parameters();
        int states = reference.countries().size();
        int ticks = reference.ticks();
        Counts total = new Counts(scenarios.size(), states, ticks);
        int blocks = DesignRun.blocks(replications);
        AtomicInteger next = new AtomicInteger();
        Object lock = new Object();
        Workers.run(threads, () -> {
            List<RecognitionModel> models = new ArrayList<>();
            List<boolean[]> initial = new ArrayList<>();
            for (Scenario s : scenarios) {
                models.add(new RecognitionModel(s.parameters()));
                initial.add(DesignRun.initialRoc(s.parameters().countries()));
            }
            boolean[] referenceRoc = new boolean[states];
            boolean[] roc = new boolean[states];
            for (int b = next.getAndIncrement(); b < blocks && !stop.get(); b = next.getAndIncrement()) {
                Counts part = new Counts(scenarios.size(), states, ticks);
                long first = (long) b * DesignRun.BLOCK_SIZE;
                long end = Math.min(replications, first + DesignRun.BLOCK_SIZE);
                for (long i = first; i < end; i++) {
                    if (stop.get()) {
                        return null;
                    }
                    long seed = Seeds.replication(masterSeed, i);
                    RunRecord r = models.get(0).simulate(seed);
                    int referenceAllies = part.addPath(0, r);
                    sidesAtHorizon(r, initial.get(0), referenceRoc);
                    for (int k = 1; k < scenarios.size(); k++) {
                        RunRecord other = models.get(k).simulate(seed);
                        int allies = part.addPath(k, other);
                        sidesAtHorizon(other, initial.get(k), roc);
                        part.addPair(k, referenceRoc, roc, allies - referenceAllies);
                    }
                    done.addAndGet(scenarios.size());
                }
                synchronized (lock) {
                    total.merge(part);
                }
            }
            return null;
        }, this::stop);
        return stop.get() ? null : total;
    }

    /** Fills {@code roc[i]} with whether state {@code i} recognises Taipei at the end of the run. */
    static void sidesAtHorizon(RunRecord r, boolean[] initialRoc, boolean[] roc) {
        System.arraycopy(initialRoc, 0, roc, 0, roc.length);
        for (int k = 0; k < r.switchCount(); k++) {
            roc[r.switchState(k)] = r.switchTo(k) == Side.ROC;
        }
    }

    /**
     * What a comparison counts, all in integers: per scenario, the ally count's histogram by month;
     * per scenario other than the reference (index 0) and per state, the runs in each cell of the
     * paired 2x2 table (with Taipei at the horizon in the reference and in the scenario); and per
     * scenario the sum and sum of squares of the paired differences in allies at the horizon.
     */
    public static final class Counts {
        private final int scenarios;
        private final int states;
        private final int ticks;
        private long replications;
        private final long[][][] allies;       // [scenario][tick][allies]
        private final long[][][] pairs;        // [scenario][state][cell: both, reference only, scenario only, neither]
        private final long[] changeSum;        // [scenario]: sum of (allies - reference allies) at the horizon
        private final long[] changeSquares;    // [scenario]: sum of its squares

        Counts(int scenarios, int states, int ticks) {
            this.scenarios = scenarios;
            this.states = states;
            this.ticks = ticks;
            this.allies = new long[scenarios][ticks][states + 1];
            this.pairs = new long[scenarios][states][4];
            this.changeSum = new long[scenarios];
            this.changeSquares = new long[scenarios];
        }

        /** Adds a run's ally path to scenario {@code k}; returns its allies at the horizon. */
        int addPath(int k, RunRecord r) {
            if (k == 0) {
                replications++;
            }
            for (int t = 0; t < ticks; t++) {
                allies[k][t][r.rocAlliesAt(t)]++;
            }
            return r.rocAlliesAt(ticks - 1);
        }

        void addPair(int k, boolean[] referenceRoc, boolean[] roc, int change) {
            for (int i = 0; i < states; i++) {
                int cell = referenceRoc[i] ? (roc[i] ? 0 : 1) : (roc[i] ? 2 : 3);
                pairs[k][i][cell]++;
            }
            changeSum[k] += change;
            changeSquares[k] += (long) change * change;
        }

        /** Adds every count of {@code other}. */
        public void merge(Counts other) {
            if (other.scenarios != scenarios || other.states != states || other.ticks != ticks) {
                throw new IllegalArgumentException("counts of different comparisons cannot be merged");
            }
            replications += other.replications;
            for (int k = 0; k < scenarios; k++) {
                for (int t = 0; t < ticks; t++) {
                    for (int a = 0; a <= states; a++) {
                        allies[k][t][a] += other.allies[k][t][a];
                    }
                }
                for (int i = 0; i < states; i++) {
                    for (int c = 0; c < 4; c++) {
                        pairs[k][i][c] += other.pairs[k][i][c];
                    }
                }
                changeSum[k] += other.changeSum[k];
                changeSquares[k] += other.changeSquares[k];
            }
        }

        public int scenarios() {
            return scenarios;
        }

        public int states() {
            return states;
        }

        public int ticks() {
            return ticks;
        }

        /** Returns the replications of each scenario. */
        public long replications() {
            return replications;
        }

        /** Returns a copy of scenario {@code k}'s histogram of allies at the end of {@code tick}. */
        public long[] alliesHistogram(int k, int tick) {
            return allies[k][tick].clone();
        }

        /**
         * Returns the paired 2x2 table of state {@code i} for scenario {@code k} against the reference:
         * runs with Taipei at the horizon in both, in the reference only, in scenario {@code k} only, in
         * neither.
         */
        public Pair pair(int k, int i) {
            long[] c = pairs[k][i];
            return new Pair(c[0], c[1], c[2], c[3]);
        }

        /** Returns the sum of scenario {@code k}'s paired differences in allies at the horizon. */
        public long alliesChangeSum(int k) {
            return changeSum[k];
        }

        /** Returns the sum of their squares. */
        public long alliesChangeSumOfSquares(int k) {
            return changeSquares[k];
        }

        /** Returns whether every count equals {@code o}'s. */
        public boolean sameCounts(Counts o) {
            return replications == o.replications && java.util.Arrays.deepEquals(allies, o.allies)
                    && java.util.Arrays.deepEquals(pairs, o.pairs) && java.util.Arrays.equals(changeSum, o.changeSum)
                    && java.util.Arrays.equals(changeSquares, o.changeSquares);
        }
    }

    /**
     * One state's paired outcomes: runs with Taipei at the horizon in both scenarios, in the reference
     * only, in the other scenario only, in neither.
     */
    public record Pair(long both, long referenceOnly, long scenarioOnly, long neither) {
        public Pair {
            if (both < 0 || referenceOnly < 0 || scenarioOnly < 0 || neither < 0) {
                throw new IllegalArgumentException("counts must be at least 0");
            }
        }

        public long runs() {
            return both + referenceOnly + scenarioOnly + neither;
        }

        /** P(with Taipei) in the reference. */
        public double reference() {
            return (double) (both + referenceOnly) / runs();
        }

        /** P(with Taipei) in the scenario. */
        public double scenario() {
            return (double) (both + scenarioOnly) / runs();
        }

        /**
         * Returns the change, scenario minus reference, with its 95% interval for paired proportions
         * ({@link Intervals#newcombePaired}).
         */
        public Interval change95() {
            return Intervals.newcombePaired(both, scenarioOnly, referenceOnly, neither, 0.95);
        }
    }
}
