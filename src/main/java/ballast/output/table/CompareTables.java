package ballast.output.table;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** The tables of {@code ballast compare}: allies at the horizon, one row per batch compared. */
public final class CompareTables {
    private CompareTables() {
    }

    /**
     * One compared batch: its label, folder, size and the quantiles of its ally count at its horizon.
     *
     * @param label the scenario's name (made unique among the compared batches)
     * @param folder the batch folder
     * @param replications replications in the batch
     * @param horizon the batch's last month
     * @param mean mean allies at the horizon
     * @param q025 2.5th percentile, and so on
     */
    public record Row(String label, String folder, long replications, YearMonth horizon, double mean, double q025,
            double q10, double q25, double median, double q75, double q90, double q975) {
    }

    /** Writes {@code compare.csv} and {@code compare.tex} into {@code dir}. */
    public static void write(List<Row> rows, Path dir) throws IOException {
        try (Writer w = Files.newBufferedWriter(dir.resolve("compare.csv"), StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setRecordSeparator('\n').build())) {
            csv.printRecord("scenario", "folder", "replications", "horizon_month", "allies_mean", "allies_q025",
                    "allies_q10", "allies_q25", "allies_median", "allies_q75", "allies_q90", "allies_q975");
            for (Row r : rows) {
                csv.printRecord(r.label(), r.folder(), r.replications(), r.horizon(),
                        String.format(Locale.ROOT, "%.6f", r.mean()), whole(r.q025()), whole(r.q10()), whole(r.q25()),
                        whole(r.median()), whole(r.q75()), whole(r.q90()), whole(r.q975()));
            }
        }
        StringBuilder b = new StringBuilder();
        LatexTables.begin(b, "Taipei's allies at the horizon by scenario: medians with 80\\% and 95\\% intervals "
                + "(quantiles of the replications) and means.", "tab:compare-allies-at-horizon", "llrrrr");
        b.append("Scenario & Horizon & Median & 80\\% interval & 95\\% interval & Mean \\\\\n\\midrule\n");
        for (Row r : rows) {
            b.append(LatexTables.escape(r.label())).append(" & ").append(r.horizon()).append(" & ")
                    .append(whole(r.median())).append(" & [").append(whole(r.q10())).append(", ")
                    .append(whole(r.q90())).append("] & [").append(whole(r.q025())).append(", ")
                    .append(whole(r.q975())).append("] & ").append(LatexTables.two(r.mean())).append(" \\\\\n");
        }
        LatexTables.end(b);
        Files.writeString(dir.resolve("compare.tex"), b.toString(), StandardCharsets.UTF_8);
    }

    private static String whole(double v) {
        return v == Math.rint(v) ? Long.toString((long) v) : String.format(Locale.ROOT, "%.2f", v);
    }
}
