package ballast.model;

import java.util.Arrays;

/**
 * The money of one replication: for every tick, patron and state, what the patron spent on the state
 * (a yearly rate, US$ millions a year) and, for a partner, the engagement points it added; and the
 * same summed over the ticks of each calendar year, which is what a batch keeps. A recogniser's money
 * for a state is its {@link MoneyKind#OFFER} while the state recognises the rival and its
 * {@link MoneyKind#AID} while the state recognises it; a partner's is {@link MoneyKind#ENGAGEMENT}
 * (bought engagement in US$, and points bought or scheduled); a backer spends none.
 *
 * <p>The model writes into its own record as patrons act (plain arrays, sized once per model); a run's
 * kept copy ({@link RunResult#money()}) is immutable. A batch's replications ({@link
 * RecognitionModel#simulate}) record the yearly sums only ({@link #hasMonths()} false).
 */
public final class MoneyRecord {
    private static final MoneyKind[] KINDS = MoneyKind.values();
    private static final byte NONE = -1;

    private final int ticks;
    private final int patrons;
    private final int states;
    private final int[] tickYear;
    private final int years;
    private final double[] usd;          // [tick][patron][state]
    private final double[] points;       // [tick][patron][state]
    private final byte[] kind;           // [tick][patron][state], MoneyKind ordinal or NONE
    private final double[] yearUsd;      // [year][patron][state][kind]
    private final double[] yearPoints;   // [year][patron][state]
    private boolean months = true;

    MoneyRecord(ModelParameters p) {
        this.ticks = p.ticks();
        this.patrons = p.patrons().size();
        this.states = p.countries().size();
        this.tickYear = new int[ticks];
        for (int t = 0; t < ticks; t++) {
            tickYear[t] = yearOf(p, t);
        }
        this.years = years(p);
        int cells = ticks * patrons * states;
        this.usd = new double[cells];
        this.points = new double[cells];
        this.kind = new byte[cells];
        Arrays.fill(kind, NONE);
        this.yearUsd = new double[years * patrons * states * KINDS.length];
        this.yearPoints = new double[years * patrons * states];
    }

    private MoneyRecord(MoneyRecord o) {
        this.ticks = o.ticks;
        this.patrons = o.patrons;
        this.states = o.states;
        this.tickYear = o.tickYear;
        this.years = o.years;
        this.usd = o.usd.clone();
        this.points = o.points.clone();
        this.kind = o.kind.clone();
        this.yearUsd = o.yearUsd.clone();
        this.yearPoints = o.yearPoints.clone();
        this.months = o.months;
    }

    /** Returns the number of calendar years the horizon of {@code p} touches (the start month's first). */
    public static int years(ModelParameters p) {
        return p.end().getYear() - p.start().getYear() + 1;
    }

    /** Returns the index of the calendar year of tick {@code tick} (0 = the start month's year). */
    public static int yearOf(ModelParameters p, int tick) {
        return p.monthOf(tick).getYear() - p.start().getYear();
    }

    /** Sets whether the replications to come record each month's money (else the yearly sums only). */
    void recordMonths(boolean record) {
        this.months = record;
    }

    /** Clears the year sums for a new replication (the per-tick cells are all rewritten as it runs). */
    void reset() {
        Arrays.fill(yearUsd, 0.0);
        Arrays.fill(yearPoints, 0.0);
    }

    /** Records a recogniser's money for {@code state} in {@code tick}: an offer or aid. */
    void recogniser(int tick, int patron, int state, boolean aid, double usdMillionsPerYear) {
        MoneyKind k = aid ? MoneyKind.AID : MoneyKind.OFFER;
        if (months) {
            int cell = (tick * patrons + patron) * states + state;
            usd[cell] = usdMillionsPerYear;
            kind[cell] = (byte) k.ordinal(); // a recogniser's points stay 0
        }
        yearUsd[((tickYear[tick] * patrons + patron) * states + state) * KINDS.length + k.ordinal()] += usdMillionsPerYear;
    }

    /** Records a partner's engagement with {@code state} in {@code tick}: US$ spent and points added. */
    void partner(int tick, int patron, int state, double usdMillionsPerYear, double pointsAdded) {
        if (months) {
            int cell = (tick * patrons + patron) * states + state;
            usd[cell] = usdMillionsPerYear;
            points[cell] = pointsAdded;
            kind[cell] = (byte) MoneyKind.ENGAGEMENT.ordinal();
        }
        int yearCell = (tickYear[tick] * patrons + patron) * states + state;
        yearUsd[yearCell * KINDS.length + MoneyKind.ENGAGEMENT.ordinal()] += usdMillionsPerYear;
        yearPoints[yearCell] += pointsAdded;
    }

    /** Returns a kept, immutable copy. */
    MoneyRecord copy() {
        return new MoneyRecord(this);
    }

    /** Returns the number of ticks. */
    public int ticks() {
        return ticks;
    }

    /** Returns the number of patrons (scenario order). */
    public int patrons() {
        return patrons;
    }

    /** Returns the number of states (scenario order). */
    public int states() {
        return states;
    }

    /** Returns the number of calendar years (see {@link #years(ModelParameters)}). */
    public int years() {
        return years;
    }

    /** Returns whether each month's money was recorded ({@link RecognitionModel#run}), not only the yearly sums. */
    public boolean hasMonths() {
        return months;
    }

    private int monthCell(int tick, int patron, int state) {
        if (!months) {
            throw new IllegalStateException("this replication recorded its money by year only "
                    + "(RecognitionModel.simulate); run it with RecognitionModel.run for each month's");
        }
        return (tick * patrons + patron) * states + state;
    }

    /**
     * Returns the kind of money {@code patron} gave {@code state} in {@code tick}, or null (a backer).
     *
     * @throws IllegalStateException if only the yearly sums were recorded
     */
    public MoneyKind kind(int tick, int patron, int state) {
        byte k = kind[monthCell(tick, patron, state)];
        return k == NONE ? null : KINDS[k];
    }

    /** Returns what {@code patron} spent on {@code state} in {@code tick}, as a yearly rate in US$ millions. */
    public double usdMillionsPerYear(int tick, int patron, int state) {
        return usd[monthCell(tick, patron, state)];
    }

    /** Returns the engagement points {@code patron} added with {@code state} in {@code tick} (0 unless a partner). */
    public double points(int tick, int patron, int state) {
        return points[monthCell(tick, patron, state)];
    }

    /**
     * Returns the sum, over the ticks of year {@code year} in which {@code patron}'s money for
     * {@code state} was of kind {@code kind}, of its yearly rate (US$ millions a year; divide by the
     * year's ticks for the mean rate).
     */
    public double usdSumInYear(int year, int patron, int state, MoneyKind kind) {
        return yearUsd[((year * patrons + patron) * states + state) * KINDS.length + kind.ordinal()];
    }

    /**
     * Returns the index of a year sum in the flat layout [year][patron][state][kind] that
     * {@link #yearUsdCell} uses; {@link #yearPointsCell} uses [year][patron][state], i.e. this index
     * divided by the number of kinds.
     */
    public static int yearCell(int patrons, int states, int year, int patron, int state, MoneyKind kind) {
        return ((year * patrons + patron) * states + state) * KINDS.length + kind.ordinal();
    }

    /** Returns the number of year sums of US$ (years x patrons x states x kinds). */
    public int yearUsdCells() {
        return yearUsd.length;
    }

    /** Returns year sum {@code cell} of US$ (see {@link #yearCell}): as {@link #usdSumInYear}. */
    public double yearUsdCell(int cell) {
        return yearUsd[cell];
    }

    /** Returns year sum {@code cell} of points (see {@link #yearCell}): as {@link #pointsInYear}. */
    public double yearPointsCell(int cell) {
        return yearPoints[cell];
    }

    /** Returns the engagement points {@code patron} added with {@code state} over the ticks of year {@code year}. */
    public double pointsInYear(int year, int patron, int state) {
        return yearPoints[(year * patrons + patron) * states + state];
    }
}
