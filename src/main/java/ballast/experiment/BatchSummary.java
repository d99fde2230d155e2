package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.RunResult;
import ballast.model.Side;
import ballast.model.SwitchEvent;
import ballast.model.Term;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch remembers of its replications: integer counts only, so two summaries merge exactly
 * and in any order. The tables of a batch are therefore the same bytes whatever the thread count and
 * whatever order replications finish in. Memory depends on the scenario's size, not on the number of
 * replications.
 *
 * <ul>
 *   <li>the ally count of each month as a histogram (exact quantiles: it is a small integer);</li>
 *   <li>the GDP and population shares still with Taipei, rounded to {@link #SHARE_RESOLUTION} and
 *       counted per value (quantiles exact to that resolution);</li>
 *   <li>per state, the runs recognising Taipei at each month (survival), the month of its first
 *       switch as a histogram, and per direction the number of switches and the sums of hazard and
 *       every term at those moments, in fixed point ({@link #TERM_SCALE}), so means merge exactly.</li>
 * </ul>
 */
public final class BatchSummary {
    /** Shares are counted in steps of 1/SHARE_RESOLUTION (0.0001). */
    public static final int SHARE_RESOLUTION = 10_000;
    /** Terms are summed as round(term * TERM_SCALE) in a long: exact merging, resolution 1e-9. */
    public static final double TERM_SCALE = 1e9;
    private static final int FORMAT = 1;
    private static final Term[] TERMS = Term.values();

    private final int states;
    private final int ticks;
    private long replications;
    private final long[][] alliesHistogram;           // [tick][allies]
    private final Map<Integer, long[]> gdpShareCounts = new HashMap<>();        // share key -> runs per tick
    private final Map<Integer, long[]> populationShareCounts = new HashMap<>();
    private final long[][] rocRuns;                    // [state][tick]
    private final long[][] firstSwitch;                // [state][tick], index ticks = never switched
    private final long[][] switchCounts;               // [state][direction]
    private final long[][][] termSums;                 // [state][direction][hazard + terms]

    /** An empty summary for a world of {@code states} states over {@code ticks} ticks. */
    public BatchSummary(int states, int ticks) {
        this.states = states;
        this.ticks = ticks;
        this.alliesHistogram = new long[ticks][states + 1];
        this.rocRuns = new long[states][ticks];
        this.firstSwitch = new long[states][ticks + 1];
        this.switchCounts = new long[states][2];
        this.termSums = new long[states][2][1 + Term.count()];
    }

    /** An empty summary sized for {@code parameters}. */
    public static BatchSummary of(ModelParameters parameters) {
        return new BatchSummary(parameters.countries().size(), parameters.ticks());
    }

    /** Direction index: 0 = to Beijing, 1 = to Taipei. */
    public static int direction(Side to) {
        return to == Side.PRC ? 0 : 1;
    }

    /** Returns the share's counting key, round(share * SHARE_RESOLUTION). */
    public static int shareKey(double share) {
        return (int) Math.round(share * SHARE_RESOLUTION);
    }

    /**
     * Adds one replication. {@code initialRoc[i]} says whether state {@code i} recognised Taipei at
     * the start; {@code index} maps ISO codes to scenario order.
     */
    public void add(RunResult r, boolean[] initialRoc, Map<String, Integer> index) {
        replications++;
        for (int t = 0; t < ticks; t++) {
            alliesHistogram[t][r.rocAlliesAt(t)]++;
        }
        countShares(gdpShareCounts, r, true);
        countShares(populationShareCounts, r, false);

        // Survival: walk each state's switches in time order.
        int[] firstTick = new int[states];
        Arrays.fill(firstTick, ticks);
        boolean[] roc = initialRoc.clone();
        int[] from = new int[states];
        for (SwitchEvent e : r.switches()) {
            int i = index.get(e.country());
            fillRoc(i, roc[i], from[i], e.tick());
            from[i] = e.tick();
            roc[i] = e.to() == Side.ROC;
            if (firstTick[i] == ticks) {
                firstTick[i] = e.tick();
            }
            int d = direction(e.to());
            switchCounts[i][d]++;
            long[] sums = termSums[i][d];
            sums[0] += fixed(e.hazard());
            for (Term term : TERMS) {
                sums[term.ordinal() + 1] += fixed(e.term(term));
            }
        }
        for (int i = 0; i < states; i++) {
            fillRoc(i, roc[i], from[i], ticks);
            firstSwitch[i][firstTick[i]]++;
        }
    }

    // A switch in tick t counts from the end of tick t, the moment the recorder observes.
    private void fillRoc(int state, boolean roc, int fromTick, int toTickExclusive) {
        if (roc) {
            long[] row = rocRuns[state];
            for (int t = fromTick; t < toTickExclusive; t++) {
                row[t]++;
            }
        }
    }

    private void countShares(Map<Integer, long[]> counts, RunResult r, boolean gdp) {
        int lastKey = Integer.MIN_VALUE;
        long[] row = null;
        for (int t = 0; t < ticks; t++) {
            int key = shareKey(gdp ? r.rocGdpShareAt(t) : r.rocPopulationShareAt(t));
            if (key != lastKey) {
                row = counts.computeIfAbsent(key, k -> new long[ticks]);
                lastKey = key;
            }
            row[t]++;
        }
    }

    private static long fixed(double value) {
        return Math.round(value * TERM_SCALE);
    }

    /** Adds every count of {@code other} to this summary. */
    public void merge(BatchSummary other) {
        if (other.states != states || other.ticks != ticks) {
            throw new IllegalArgumentException("summaries of different worlds cannot be merged");
        }
        replications += other.replications;
        add(alliesHistogram, other.alliesHistogram);
        add(rocRuns, other.rocRuns);
        add(firstSwitch, other.firstSwitch);
        add(switchCounts, other.switchCounts);
        for (int i = 0; i < states; i++) {
            add(termSums[i], other.termSums[i]);
        }
        mergeShares(gdpShareCounts, other.gdpShareCounts);
        mergeShares(populationShareCounts, other.populationShareCounts);
    }

    private static void add(long[][] into, long[][] from) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) {
                into[i][j] += from[i][j];
            }
        }
    }

    private void mergeShares(Map<Integer, long[]> into, Map<Integer, long[]> from) {
        for (Map.Entry<Integer, long[]> e : from.entrySet()) {
            long[] row = into.computeIfAbsent(e.getKey(), k -> new long[ticks]);
            for (int t = 0; t < ticks; t++) {
                row[t] += e.getValue()[t];
            }
        }
    }

    public int states() {
        return states;
    }

    public int ticks() {
        return ticks;
    }

    public long replications() {
        return replications;
    }

    /** Returns how many runs had {@code allies} allies of Taipei at the end of {@code tick}. */
    public long alliesRuns(int tick, int allies) {
        return alliesHistogram[tick][allies];
    }

    /** Returns the ally-count histogram of {@code tick} (index = allies). */
    public long[] alliesHistogram(int tick) {
        return alliesHistogram[tick].clone();
    }

    /**
     * Returns the share histogram of {@code tick} as sorted keys (share * SHARE_RESOLUTION) and
     * their run counts, for GDP ({@code gdp}) or population.
     */
    public SortedCounts shares(boolean gdp, int tick) {
        Map<Integer, long[]> counts = gdp ? gdpShareCounts : populationShareCounts;
        List<Integer> keys = new ArrayList<>(counts.keySet());
        keys.sort(null);
        List<Integer> present = new ArrayList<>();
        List<Long> runs = new ArrayList<>();
        for (int k : keys) {
            long n = counts.get(k)[tick];
            if (n > 0) {
                present.add(k);
                runs.add(n);
            }
        }
        return new SortedCounts(present.stream().mapToInt(Integer::intValue).toArray(),
                runs.stream().mapToLong(Long::longValue).toArray());
    }

    /** Returns the runs in which state {@code state} recognised Taipei at the end of {@code tick}. */
    public long rocRuns(int state, int tick) {
        return rocRuns[state][tick];
    }

    /** Returns the runs whose first switch of {@code state} came in {@code tick} ({@code ticks}: never). */
    public long firstSwitchRuns(int state, int tick) {
        return firstSwitch[state][tick];
    }

    /** Returns the number of switches of {@code state} toward {@code to} over all runs. */
    public long switches(int state, Side to) {
        return switchCounts[state][direction(to)];
    }

    /** Returns the mean hazard of {@code state}'s switches toward {@code to}, NaN if none. */
    public double meanHazardAtSwitch(int state, Side to) {
        return mean(state, to, 0);
    }

    /** Returns the mean of {@code term} at {@code state}'s switches toward {@code to}, NaN if none. */
    public double meanTermAtSwitch(int state, Side to, Term term) {
        return mean(state, to, term.ordinal() + 1);
    }

    private double mean(int state, Side to, int k) {
        long n = switchCounts[state][direction(to)];
        return n == 0 ? Double.NaN : termSums[state][direction(to)][k] / TERM_SCALE / n;
    }

    /** Sorted values (share keys) and how many runs had each. */
    public record SortedCounts(int[] keys, long[] runs) {
    }

    /** Writes the summary (for a batch's journal). */
    public void write(DataOutputStream out) throws IOException {
        out.writeInt(FORMAT);
        out.writeInt(states);
        out.writeInt(ticks);
        out.writeInt(Term.count());
        out.writeLong(replications);
        write(out, alliesHistogram);
        write(out, rocRuns);
        write(out, firstSwitch);
        write(out, switchCounts);
        for (long[][] s : termSums) {
            write(out, s);
        }
        writeShares(out, gdpShareCounts);
        writeShares(out, populationShareCounts);
    }

    /** Reads a summary written by {@link #write}. */
    public static BatchSummary read(DataInputStream in) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("journal format " + format + " is not " + FORMAT);
        }
        BatchSummary s = new BatchSummary(in.readInt(), in.readInt());
        if (in.readInt() != Term.count()) {
            throw new IOException("journal written by a version with other terms");
        }
        s.replications = in.readLong();
        read(in, s.alliesHistogram);
        read(in, s.rocRuns);
        read(in, s.firstSwitch);
        read(in, s.switchCounts);
        for (long[][] t : s.termSums) {
            read(in, t);
        }
        readShares(in, s.gdpShareCounts, s.ticks);
        readShares(in, s.populationShareCounts, s.ticks);
        return s;
    }

    private static void write(DataOutputStream out, long[][] a) throws IOException {
        for (long[] row : a) {
            for (long v : row) {
                out.writeLong(v);
            }
        }
    }

    private static void read(DataInputStream in, long[][] a) throws IOException {
        for (long[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = in.readLong();
            }
        }
    }

    private static void writeShares(DataOutputStream out, Map<Integer, long[]> counts) throws IOException {
        List<Integer> keys = new ArrayList<>(counts.keySet());
        keys.sort(null);
        out.writeInt(keys.size());
        for (int k : keys) {
            out.writeInt(k);
            for (long v : counts.get(k)) {
                out.writeLong(v);
            }
        }
    }

    private static void readShares(DataInputStream in, Map<Integer, long[]> counts, int ticks) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            int key = in.readInt();
            long[] row = new long[ticks];
            for (int t = 0; t < ticks; t++) {
                row[t] = in.readLong();
            }
            counts.put(key, row);
        }
    }

    /** Whether two summaries hold the same counts (for tests and resume checks). */
    public boolean sameCounts(BatchSummary o) {
        return states == o.states && ticks == o.ticks && replications == o.replications
                && Arrays.deepEquals(alliesHistogram, o.alliesHistogram) && Arrays.deepEquals(rocRuns, o.rocRuns)
                && Arrays.deepEquals(firstSwitch, o.firstSwitch) && Arrays.deepEquals(switchCounts, o.switchCounts)
                && Arrays.deepEquals(termSums, o.termSums) && sameShares(gdpShareCounts, o.gdpShareCounts)
                && sameShares(populationShareCounts, o.populationShareCounts);
    }

    private static boolean sameShares(Map<Integer, long[]> a, Map<Integer, long[]> b) {
        if (!a.keySet().equals(b.keySet())) {
            return false;
        }
        return a.entrySet().stream().allMatch(e -> Arrays.equals(e.getValue(), b.get(e.getKey())));
    }
}
