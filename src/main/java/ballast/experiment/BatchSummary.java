package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.RunRecord;
import ballast.model.Side;
import ballast.model.Term;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

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
 *       switch as a histogram, and per direction the number of switches and the sums of every term
 *       at those moments, in fixed point ({@link #TERM_SCALE}), so means merge exactly;</li>
 *   <li>the money patrons spent, per calendar year, patron, state and kind, in fixed point
 *       ({@link MoneySums}).</li>
 * </ul>
 */
public final class BatchSummary implements DesignRun.Summary {
    /** Shares are counted in steps of 1/SHARE_RESOLUTION (0.0001). */
    public static final int SHARE_RESOLUTION = 10_000;
    /** Terms are summed as round(term * TERM_SCALE) in a long: exact merging, resolution 1e-9. */
    public static final double TERM_SCALE = 1e9;
    private static final int FORMAT = 4;
    private static final Term[] TERMS = Term.values();

    private final int states;
    private final int ticks;
    private long replications;
    private final long[][] alliesHistogram;           // [tick][allies]
    private final ShareCounts gdpShares;
    private final ShareCounts populationShares;
    private final long[][] rocRuns;                    // [state][tick]
    private final long[][] firstSwitch;                // [state][tick], index ticks = never switched
    private final long[][] switchCounts;               // [state][direction]
    private final long[][][] termSums;                 // [state][direction][term]
    private MoneySums money;                           // set by the factories and by read()
    // Scratch for add(), reused so that summarising a replication allocates nothing.
    private final int[] firstTick;
    private final boolean[] roc;
    private final int[] since;

    private BatchSummary(int states, int ticks, boolean runningTotal) {
        this.states = states;
        this.ticks = ticks;
        this.alliesHistogram = new long[ticks][states + 1];
        this.gdpShares = runningTotal ? ShareCounts.dense(ticks) : ShareCounts.sparse(ticks);
        this.populationShares = runningTotal ? ShareCounts.dense(ticks) : ShareCounts.sparse(ticks);
        this.rocRuns = new long[states][ticks];
        this.firstSwitch = new long[states][ticks + 1];
        this.switchCounts = new long[states][2];
        this.termSums = new long[states][2][Term.count()];
        this.firstTick = new int[states];
        this.roc = new boolean[states];
        this.since = new int[states];
    }

    /** An empty summary sized for {@code parameters}, for a block of replications. */
    public static BatchSummary of(ModelParameters parameters) {
        BatchSummary s = new BatchSummary(parameters.countries().size(), parameters.ticks(), false);
        s.money = MoneySums.of(parameters);
        return s;
    }

    /**
     * An empty summary for a batch's running total: it allocates now all the memory it will ever use
     * (about 20 MB for ten years of months), so its size does not depend on how many replications
     * are merged into it.
     */
    public static BatchSummary runningTotal(ModelParameters parameters) {
        BatchSummary s = new BatchSummary(parameters.countries().size(), parameters.ticks(), true);
        s.money = MoneySums.of(parameters);
        return s;
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
     * Adds one replication. {@code initialRoc[i]} says whether state {@code i} (scenario order)
     * recognised Taipei at the start. Allocates nothing.
     */
    public void add(RunRecord r, boolean[] initialRoc) {
        replications++;
        for (int t = 0; t < ticks; t++) {
            alliesHistogram[t][r.rocAlliesAt(t)]++;
            gdpShares.add(shareKey(r.rocGdpShareAt(t)), t);
            populationShares.add(shareKey(r.rocPopulationShareAt(t)), t);
        }

        // Survival: walk each state's switches in time order.
        Arrays.fill(firstTick, ticks);
        System.arraycopy(initialRoc, 0, roc, 0, states);
        Arrays.fill(since, 0);
        for (int k = 0; k < r.switchCount(); k++) {
            int i = r.switchState(k);
            int tick = r.switchTick(k);
            Side to = r.switchTo(k);
            fillRoc(i, roc[i], since[i], tick);
            since[i] = tick;
            roc[i] = to == Side.ROC;
            if (firstTick[i] == ticks) {
                firstTick[i] = tick;
            }
            int d = direction(to);
            switchCounts[i][d]++;
            long[] sums = termSums[i][d];
            for (Term term : TERMS) {
                sums[term.ordinal()] += fixed(r.switchTerm(k, term));
            }
        }
        for (int i = 0; i < states; i++) {
            fillRoc(i, roc[i], since[i], ticks);
            firstSwitch[i][firstTick[i]]++;
        }
        money.add(r.money());
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

    private static long fixed(double value) {
        return Math.round(value * TERM_SCALE);
    }

    /**
     * Adds every count of {@code other} to this summary.
     *
     * @throws ArithmeticException if a sum leaves the range of a long (never silently wrong)
     */
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
        gdpShares.merge(other.gdpShares);
        populationShares.merge(other.populationShares);
        money.merge(other.money);
    }

    private static void add(long[][] into, long[][] from) {
        for (int i = 0; i < into.length; i++) {
            for (int j = 0; j < into[i].length; j++) {
                into[i][j] = Math.addExact(into[i][j], from[i][j]);
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

    /** Returns the ally-count histogram of {@code tick} (index = allies). */
    public long[] alliesHistogram(int tick) {
        return alliesHistogram[tick].clone();
    }

    /**
     * Returns the share histogram of {@code tick} as sorted keys (share * SHARE_RESOLUTION) and
     * their run counts, for GDP ({@code gdp}) or population.
     */
    public SortedCounts shares(boolean gdp, int tick) {
        return (gdp ? gdpShares : populationShares).at(tick);
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

    /** Returns the mean of {@code term} at {@code state}'s switches toward {@code to}, NaN if none. */
    public double meanTermAtSwitch(int state, Side to, Term term) {
        long n = switchCounts[state][direction(to)];
        return n == 0 ? Double.NaN : termSums[state][direction(to)][term.ordinal()] / TERM_SCALE / n;
    }

    /** Returns the number of calendar years the money is summed by (the start month's year first). */
    public int moneyYears() {
        return money.years();
    }

    /**
     * Returns, over all runs, the sum of the yearly rates (US$ millions a year) that {@code patron}
     * (scenario order) spent on {@code state} as {@code kind} in the ticks of year {@code year}; divide
     * by runs and the year's ticks for the mean rate.
     */
    public double moneyUsdSum(int year, int patron, int state, MoneyKind kind) {
        return money.usd(year, patron, state, kind);
    }

    /** Returns, over all runs, the engagement points {@code patron} added with {@code state} in year {@code year}. */
    public double moneyPointsSum(int year, int patron, int state) {
        return money.points(year, patron, state);
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
        gdpShares.write(out);
        populationShares.write(out);
        money.write(out);
    }

    /**
     * Reads a summary written by {@link #write}, as a running total ({@link #runningTotal}) if
     * {@code runningTotal}.
     */
    public static BatchSummary read(DataInputStream in, boolean runningTotal) throws IOException {
        int format = in.readInt();
        if (format != FORMAT) {
            throw new IOException("journal format " + format + " is not " + FORMAT);
        }
        BatchSummary s = new BatchSummary(in.readInt(), in.readInt(), runningTotal);
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
        s.gdpShares.read(in);
        s.populationShares.read(in);
        s.money = MoneySums.read(in);
        return s;
    }

    private static void write(DataOutputStream out, long[][] a) throws IOException {
        for (long[] row : a) {
            Varints.write(out, row);
        }
    }

    private static void read(DataInputStream in, long[][] a) throws IOException {
        for (long[] row : a) {
            for (int j = 0; j < row.length; j++) {
                row[j] = Varints.read(in);
            }
        }
    }

    /** Whether two summaries hold the same counts (for tests and resume checks). */
    public boolean sameCounts(BatchSummary o) {
        return states == o.states && ticks == o.ticks && replications == o.replications
                && Arrays.deepEquals(alliesHistogram, o.alliesHistogram) && Arrays.deepEquals(rocRuns, o.rocRuns)
                && Arrays.deepEquals(firstSwitch, o.firstSwitch) && Arrays.deepEquals(switchCounts, o.switchCounts)
                && Arrays.deepEquals(termSums, o.termSums) && gdpShares.sameCounts(o.gdpShares)
                && populationShares.sameCounts(o.populationShares) && money.sameCounts(o.money);
    }
}
