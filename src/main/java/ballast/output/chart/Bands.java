package ballast.output.chart;

import java.time.YearMonth;
import java.util.List;

/**
 * The mean and quantiles of a monthly quantity over the runs of a batch: the median and the 50%,
 * 80% and 95% central intervals at the end of each month.
 *
 * @param months the months, ascending
 * @param mean mean per month
 * @param q025 2.5th percentile per month
 * @param q10 10th
 * @param q25 25th
 * @param median 50th
 * @param q75 75th
 * @param q90 90th
 * @param q975 97.5th
 */
public record Bands(List<YearMonth> months, double[] mean, double[] q025, double[] q10, double[] q25,
        double[] median, double[] q75, double[] q90, double[] q975) {

    public Bands {
        months = List.copyOf(months);
        int n = months.size();
        for (double[] q : new double[][] {mean, q025, q10, q25, median, q75, q90, q975}) {
            if (q.length != n) {
                throw new IllegalArgumentException("every series needs one value per month (" + n + ")");
            }
        }
        if (n == 0) {
            throw new IllegalArgumentException("bands need at least one month");
        }
    }

    /** Returns the index of the last month (the horizon). */
    public int last() {
        return months.size() - 1;
    }

    /** Returns {lower, upper} of central interval {@code level} (0: 95%, 1: 80%, 2: 50%). */
    double[][] interval(int level) {
        return switch (level) {
            case 0 -> new double[][] {q025, q975};
            case 1 -> new double[][] {q10, q90};
            default -> new double[][] {q25, q75};
        };
    }

    /**
     * Reads bands from table rows: the month, {@code prefix + mean} (or {@code meanColumn}) and the
     * quantile columns {@code prefix + q025} ... {@code prefix + q975}, each from 0 to {@code max}
     * (a count's is infinity, a share's 1).
     */
    static Bands of(java.nio.file.Path file, List<SavedTables.Row> rows, String meanColumn, String prefix, double max)
            throws java.io.IOException {
        int n = rows.size();
        if (n == 0) {
            throw new SavedBatch.TableException(file + ": no rows");
        }
        List<YearMonth> months = new java.util.ArrayList<>();
        double[] mean = new double[n];
        double[][] q = new double[7][n];
        List<String> columns = ballast.output.table.Columns.quantiles(prefix);
        for (int t = 0; t < n; t++) {
            SavedTables.Row r = rows.get(t);
            months.add(r.month(ballast.output.table.Columns.MONTH));
            mean[t] = r.number(meanColumn, 0, max);
            for (int k = 0; k < 7; k++) {
                q[k][t] = r.number(columns.get(k), 0, max);
            }
        }
        return new Bands(months, mean, q[0], q[1], q[2], q[3], q[4], q[5], q[6]);
    }
}
