package ballast.experiment;

import ballast.model.RunRecord;
import ballast.model.Side;
import java.util.Arrays;

/**
 * What a back-test remembers of its replications, as integer counts (so blocks merge exactly): the
 * ally count of each month as a histogram, and per state and calendar year the runs in which the
 * state recognised Taipei on 1 January ("at risk") and, of those, the runs in which it switched to
 * Beijing during the year; per state the runs with at least one switch to Beijing and the runs
 * ending with Taipei.
 */
public final class BacktestCounts implements DesignRun.Summary {
    private final int states;
    private final int ticks;
    private final int[] yearOfTick;     // calendar-year index of each tick
    private final int years;
    private long replications;
    private final long[][] alliesHistogram; // [tick][allies]
    private final long[][] atRisk;          // [state][year]
    private final long[][] events;          // [state][year]
    private final long[] everToPrc;         // [state]
    private final long[] rocAtEnd;          // [state]
    // scratch
    private final boolean[][] rocAtYearStart;
    private final boolean[][] switchedInYear;

    /**
     * An empty count for {@code states} states over ticks whose calendar-year indices are
     * {@code yearOfTick} (0 for the start's year, ascending).
     */
    public BacktestCounts(int states, int[] yearOfTick) {
        this.states = states;
        this.ticks = yearOfTick.length;
        this.yearOfTick = yearOfTick.clone();
        this.years = yearOfTick[ticks - 1] + 1;
        this.alliesHistogram = new long[ticks][states + 1];
        this.atRisk = new long[states][years];
        this.events = new long[states][years];
        this.everToPrc = new long[states];
        this.rocAtEnd = new long[states];
        this.rocAtYearStart = new boolean[states][years];
        this.switchedInYear = new boolean[states][years];
    }

    @Override
    public void add(RunRecord r, boolean[] initialRoc) {
        replications++;
        for (int t = 0; t < ticks; t++) {
            alliesHistogram[t][r.rocAlliesAt(t)]++;
        }
        int[] filledThrough = new int[states];
        Arrays.fill(filledThrough, -1);
        boolean[] roc = initialRoc.clone();
        boolean[] ever = new boolean[states];
        for (boolean[] row : switchedInYear) {
            Arrays.fill(row, false);
        }
        for (int k = 0; k < r.switchCount(); k++) {
            int i = r.switchState(k);
            int y = yearOfTick[r.switchTick(k)];
            for (int z = filledThrough[i] + 1; z <= y; z++) {
                rocAtYearStart[i][z] = roc[i];
            }
            filledThrough[i] = Math.max(filledThrough[i], y);
            boolean toPrc = r.switchTo(k) == Side.PRC;
            if (toPrc) {
                switchedInYear[i][y] = true;
                ever[i] = true;
            }
            roc[i] = !toPrc;
        }
        for (int i = 0; i < states; i++) {
            for (int z = filledThrough[i] + 1; z < years; z++) {
                rocAtYearStart[i][z] = roc[i];
            }
            for (int y = 0; y < years; y++) {
                if (rocAtYearStart[i][y]) {
                    atRisk[i][y]++;
                    if (switchedInYear[i][y]) {
                        events[i][y]++;
                    }
                }
            }
            if (ever[i]) {
                everToPrc[i]++;
            }
            if (roc[i]) {
                rocAtEnd[i]++;
            }
        }
    }

    /** Adds {@code o}'s counts to these. */
    public void merge(BacktestCounts o) {
        replications += o.replications;
        for (int t = 0; t < ticks; t++) {
            for (int a = 0; a <= states; a++) {
                alliesHistogram[t][a] += o.alliesHistogram[t][a];
            }
        }
        for (int i = 0; i < states; i++) {
            for (int y = 0; y < years; y++) {
                atRisk[i][y] += o.atRisk[i][y];
                events[i][y] += o.events[i][y];
            }
            everToPrc[i] += o.everToPrc[i];
            rocAtEnd[i] += o.rocAtEnd[i];
        }
    }

    public long replications() {
        return replications;
    }

    public int years() {
        return years;
    }

    public int ticks() {
        return ticks;
    }

    /** Returns the histogram of allies at the end of {@code tick} (a copy). */
    public long[] alliesHistogram(int tick) {
        return alliesHistogram[tick].clone();
    }

    /** Returns the runs in which state {@code i} recognised Taipei on 1 January of year index {@code y}. */
    public long atRisk(int i, int y) {
        return atRisk[i][y];
    }

    /** Returns the runs, of those at risk, in which state {@code i} switched to Beijing in year {@code y}. */
    public long events(int i, int y) {
        return events[i][y];
    }

    /** Returns the runs in which state {@code i} switched to Beijing at least once. */
    public long everToPrc(int i) {
        return everToPrc[i];
    }

    /** Returns the runs in which state {@code i} recognised Taipei at the end. */
    public long rocAtEnd(int i) {
        return rocAtEnd[i];
    }
}
