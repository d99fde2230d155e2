package ballast.experiment;

import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;

/**
 * The money of a batch's replications, summed per calendar year, patron, state and kind in fixed
 * point ({@link #USD_SCALE}, {@link #POINTS_SCALE}) so that sums merge exactly in any order, like
 * the batch's other counts. Each replication's year sum is rounded once, then added as a long;
 * a sum that would overflow fails loudly instead of wrapping.
 */
final class MoneySums {
    /** US$ millions are summed as round(amount * USD_SCALE): resolution one dollar. */
    static final double USD_SCALE = 1e6;
    /** Engagement points are summed as round(points * POINTS_SCALE). */
    static final double POINTS_SCALE = 1e6;
    private static final int KINDS = MoneyKind.values().length;

    private final int years;
    private final int patrons;
    private final int states;
    private final long[] usd;      // [year][patron][state][kind], sums of monthly yearly rates
    private final long[] points;   // [year][patron][state], sums of points added

    private MoneySums(int years, int patrons, int states) {
        this.years = years;
        this.patrons = patrons;
        this.states = states;
        this.usd = new long[years * patrons * states * KINDS];
        this.points = new long[years * patrons * states];
    }

    /** Empty sums sized for {@code p}. */
    static MoneySums of(ModelParameters p) {
        return new MoneySums(MoneyRecord.years(p), p.patrons().size(), p.countries().size());
    }

    /** Adds one replication's year sums. Allocates nothing. */
    void add(MoneyRecord m) {
        for (int c = 0; c < usd.length; c++) {
            double v = m.yearUsdCell(c);
            if (v != 0.0) {
                usd[c] = Math.addExact(usd[c], Math.round(v * USD_SCALE));
            }
        }
        for (int c = 0; c < points.length; c++) {
            double v = m.yearPointsCell(c);
            if (v != 0.0) {
                points[c] = Math.addExact(points[c], Math.round(v * POINTS_SCALE));
            }
        }
    }

    void merge(MoneySums o) {
        if (o.years != years || o.patrons != patrons || o.states != states) {
            throw new IllegalArgumentException("money sums of different worlds cannot be merged");
        }
        for (int c = 0; c < usd.length; c++) {
            usd[c] = Math.addExact(usd[c], o.usd[c]);
        }
        for (int c = 0; c < points.length; c++) {
            points[c] = Math.addExact(points[c], o.points[c]);
        }
    }

    /** Returns the summed yearly rates (US$ millions a year, one per replication and tick of the year). */
    double usd(int year, int patron, int state, MoneyKind kind) {
        return usd[MoneyRecord.yearCell(patrons, states, year, patron, state, kind)] / USD_SCALE;
    }

    /** Returns the summed engagement points added in {@code year}, over replications. */
    double points(int year, int patron, int state) {
        return points[MoneyRecord.yearCell(patrons, states, year, patron, state, MoneyKind.OFFER) / KINDS]
                / POINTS_SCALE;
    }

    int years() {
        return years;
    }

    void write(DataOutputStream out) throws IOException {
        out.writeInt(years);
        out.writeInt(patrons);
        out.writeInt(states);
        Varints.write(out, usd);
        Varints.write(out, points);
    }

    static MoneySums read(DataInputStream in) throws IOException {
        MoneySums s = new MoneySums(in.readInt(), in.readInt(), in.readInt());
        for (long[] a : new long[][] {s.usd, s.points}) {
            for (int c = 0; c < a.length; c++) {
                a[c] = Varints.read(in);
            }
        }
        return s;
    }

    boolean sameCounts(MoneySums o) {
        return years == o.years && patrons == o.patrons && states == o.states && Arrays.equals(usd, o.usd)
                && Arrays.equals(points, o.points);
    }
}
