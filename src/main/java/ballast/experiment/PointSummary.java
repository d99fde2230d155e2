package ballast.experiment;

import ballast.model.RunRecord;
import ballast.model.Side;
import java.util.Arrays;

/**
 * The headline outputs of one design point's replications, as integer counts and fixed-point sums
 * ({@link BatchSummary#TERM_SCALE}), so that the blocks of a point merge exactly and in any order.
 * It is small (a few dozen numbers), so a sensitivity analysis can keep one for each of thousands of
 * points.
 */
public final class PointSummary implements DesignRun.Summary {
    /** The outputs a sweep reports and a sensitivity analysis can study, by name. */
    public enum Output {
        ALLIES_AT_HORIZON("allies_at_horizon", "Allies of Taipei at the horizon", "allies at horizon"),
        GDP_SHARE_AT_HORIZON("gdp_share_at_horizon", "Share of the allies' GDP still with Taipei at the horizon",
                "GDP share at horizon"),
        POPULATION_SHARE_AT_HORIZON("population_share_at_horizon",
                "Share of the allies' population still with Taipei at the horizon", "population share at horizon"),
        SWITCHES_TO_PRC("switches_to_prc", "Switches to Beijing per run", "switches to Beijing");

        private final String key;
        private final String description;
        private final String shortLabel;

        Output(String key, String description, String shortLabel) {
            this.key = key;
            this.description = description;
            this.shortLabel = shortLabel;
        }

        /** Returns a label short enough for a chart axis at column width, e.g. "GDP share at horizon". */
        public String shortLabel() {
            return shortLabel;
        }

        public String key() {
            return key;
        }

        public String description() {
            return description;
        }

        /** Returns the output called {@code key}, or null. */
        public static Output of(String key) {
            for (Output o : values()) {
                if (o.key.equals(key)) {
                    return o;
                }
            }
            return null;
        }
    }

    private static final double SCALE = BatchSummary.TERM_SCALE;

    private final int states;
    private long replications;
    private long switchesToPrc;
    private long switchesToRoc;
    private long gdpSum;
    private long gdpSumOfSquares;
    private long populationSum;
    private long populationSumOfSquares;
    private long alliesSumOfSquares;
    private final long[] alliesHistogram;   // [allies at the horizon]
    private final long[] kept;              // [state]: runs recognising Taipei at the horizon
    private final boolean[] roc;            // scratch

    /** An empty summary for a scenario of {@code states} states. */
    public PointSummary(int states) {
        this.states = states;
        this.alliesHistogram = new long[states + 1];
        this.kept = new long[states];
        this.roc = new boolean[states];
    }

    @Override
    public void add(RunRecord r, boolean[] initialRoc) {
        int last = r.ticks() - 1;
        replications++;
        int allies = r.rocAlliesAt(last);
        alliesHistogram[allies]++;
        alliesSumOfSquares += (long) allies * allies;
        double gdp = r.rocGdpShareAt(last);
        double population = r.rocPopulationShareAt(last);
        gdpSum += Math.round(gdp * SCALE);
        gdpSumOfSquares += Math.round(gdp * gdp * SCALE);
        populationSum += Math.round(population * SCALE);
        populationSumOfSquares += Math.round(population * population * SCALE);
        System.arraycopy(initialRoc, 0, roc, 0, states);
        for (int k = 0; k < r.switchCount(); k++) {
            boolean toRoc = r.switchTo(k) == Side.ROC;
            roc[r.switchState(k)] = toRoc;
            if (toRoc) {
                switchesToRoc++;
            } else {
                switchesToPrc++;
            }
        }
        for (int i = 0; i < states; i++) {
            if (roc[i]) {
                kept[i]++;
            }
        }
    }

    /** Adds {@code other}'s counts to this one's. */
    public void merge(PointSummary other) {
        long[] a = toLongs();
        long[] b = other.toLongs();
        for (int i = 0; i < a.length; i++) {
            a[i] += b[i];
        }
        load(a);
    }

    public int states() {
        return states;
    }

    public long replications() {
        return replications;
    }

    /** Returns how many runs ended with {@code allies} allies. */
    public long alliesCount(int allies) {
        return alliesHistogram[allies];
    }

    /** Returns the histogram of allies at the horizon (a copy). */
    public long[] alliesHistogram() {
        return alliesHistogram.clone();
    }

    /** Returns the share of runs in which state {@code i} recognises Taipei at the horizon. */
    public double keptShare(int i) {
        return (double) kept[i] / replications;
    }

    /** Returns how many runs state {@code i} recognises Taipei at the horizon. */
    public long keptRuns(int i) {
        return kept[i];
    }

    /** Returns the mean of {@code o} over the runs. */
    public double mean(Output o) {
        return switch (o) {
            case ALLIES_AT_HORIZON -> alliesSum() / (double) replications;
            case GDP_SHARE_AT_HORIZON -> gdpSum / SCALE / replications;
            case POPULATION_SHARE_AT_HORIZON -> populationSum / SCALE / replications;
            case SWITCHES_TO_PRC -> switchesToPrc / (double) replications;
        };
    }

    /**
     * Returns the sample variance of {@code o} over the runs (NaN for one run, and for switches,
     * which are counted, not squared).
     */
    public double variance(Output o) {
        if (replications < 2) {
            return Double.NaN;
        }
        double sumSq = switch (o) {
            case ALLIES_AT_HORIZON -> alliesSumOfSquares;
            case GDP_SHARE_AT_HORIZON -> gdpSumOfSquares / SCALE;
            case POPULATION_SHARE_AT_HORIZON -> populationSumOfSquares / SCALE;
            case SWITCHES_TO_PRC -> Double.NaN;
        };
        double mean = mean(o);
        return Math.max(0, (sumSq - replications * mean * mean) / (replications - 1));
    }

    /** Returns the switches to Taipei (back-switches) per run. */
    public double switchesToRocPerRun() {
        return switchesToRoc / (double) replications;
    }

    private long alliesSum() {
        long s = 0;
        for (int a = 0; a <= states; a++) {
            s += a * alliesHistogram[a];
        }
        return s;
    }

    /** Returns the counts as numbers, for a journal line. */
    public long[] toLongs() {
        long[] out = new long[8 + alliesHistogram.length + kept.length];
        out[0] = replications;
        out[1] = switchesToPrc;
        out[2] = switchesToRoc;
        out[3] = gdpSum;
        out[4] = gdpSumOfSquares;
        out[5] = populationSum;
        out[6] = populationSumOfSquares;
        out[7] = alliesSumOfSquares;
        System.arraycopy(alliesHistogram, 0, out, 8, alliesHistogram.length);
        System.arraycopy(kept, 0, out, 8 + alliesHistogram.length, kept.length);
        return out;
    }

    /**
     * Reads counts written by {@link #toLongs()}.
     *
     * @throws IllegalArgumentException if they do not fit a scenario of {@code states} states
     */
    public static PointSummary fromLongs(int states, long[] values) {
        PointSummary s = new PointSummary(states);
        if (values.length != 8 + 2 * states + 1) {
            throw new IllegalArgumentException("expected " + (8 + 2 * states + 1) + " numbers, got " + values.length);
        }
        s.load(values);
        return s;
    }

    private void load(long[] v) {
        replications = v[0];
        switchesToPrc = v[1];
        switchesToRoc = v[2];
        gdpSum = v[3];
        gdpSumOfSquares = v[4];
        populationSum = v[5];
        populationSumOfSquares = v[6];
        alliesSumOfSquares = v[7];
        System.arraycopy(v, 8, alliesHistogram, 0, alliesHistogram.length);
        System.arraycopy(v, 8 + alliesHistogram.length, kept, 0, kept.length);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PointSummary p && Arrays.equals(toLongs(), p.toLongs());
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(toLongs());
    }
}
