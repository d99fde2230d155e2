package ballast.output.table;

import ballast.experiment.BatchSummary;
import ballast.experiment.Statistics;
import ballast.model.ModelParameters;
import ballast.model.Side;
import ballast.output.table.BatchTables.CountryRow;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * LaTeX tables of a batch's headline results, for {@code \input} into a paper (typeset by
 * {@link Latex}): a caption, a label, numbers rounded to what the replications support and
 * intervals written as {@code 0.62 [0.58, 0.66]}.
 */
final class LatexTables {
    private LatexTables() {
    }

    static void writeAlliesAtHorizon(BatchSummary s, ModelParameters p, Path file) throws IOException {
        int last = s.ticks() - 1;
        long[] h = s.alliesHistogram(last);
        int states = s.states();
        long fewer = 0;
        int initial = (int) p.countries().stream().filter(c -> c.initialSide() == Side.ROC).count();
        for (int a = 0; a < initial && a < h.length; a++) {
            fewer += h[a];
        }
        Latex.Table t = Latex.table("Taipei's allies at the horizon (" + p.end() + "), " + Latex.escape(p.name())
                + " scenario, " + String.format(Locale.ROOT, "%,d", s.replications()) + " replications. Medians "
                + "with 80\\% and 95\\% intervals (quantiles of the replications); mean allies "
                + Latex.number(Statistics.mean(h), 2) + "; share of runs with fewer than " + initial + " allies: "
                + Latex.number((double) fewer / s.replications(), 2) + ".", Latex.label(p.name(), "allies-at-horizon"),
                "Xrrr");
        t.row("Outcome", "Median", Latex.heading("80\\%", "interval"), Latex.heading("95\\%", "interval")).midrule();
        t.row("Allies (of " + states + ")", Statistics.quantile(h, 0.5),
                "[" + Statistics.quantile(h, 0.10) + ", " + Statistics.quantile(h, 0.90) + "]",
                "[" + Statistics.quantile(h, 0.025) + ", " + Statistics.quantile(h, 0.975) + "]");
        for (boolean gdp : new boolean[] {true, false}) {
            BatchSummary.SortedCounts c = s.shares(gdp, last);
            t.row(gdp ? "Share of the group's GDP" : "Share of the group's population", two(key(c, 0.5)),
                    Latex.interval(key(c, 0.10), key(c, 0.90), 2), Latex.interval(key(c, 0.025), key(c, 0.975), 2));
        }
        Files.writeString(file, t.end(), StandardCharsets.UTF_8);
    }

    static void writeRetention(List<CountryRow> rows, long replications, ModelParameters p, Path file)
            throws IOException {
        Latex.Table t = Latex.table("Probability that each state still recognises Taipei at the horizon ("
                + p.end() + "), " + Latex.escape(p.name()) + " scenario, " + String.format(Locale.ROOT, "%,d",
                replications) + " replications, with 95\\% Wilson intervals; the share of runs in which it "
                + "switched at least once; the median months from the start to its first switch, among those "
                + "runs. Most at risk first.", Latex.label(p.name(), "retention"), "Xrrr");
        t.row("State", Latex.heading("P(with Taipei)", "[95\\% CI]"), Latex.heading("P(ever", "switched)"),
                Latex.heading("Months to", "first switch")).midrule();
        for (CountryRow r : BatchTables.byRisk(rows)) {
            t.row(Latex.escape(r.spec().name()), Latex.estimate(r.probability(replications), r.low(), r.high(), 2),
                    two((double) r.everSwitched() / replications),
                    r.firstMedian() == null ? "--" : r.firstMedian().toString());
        }
        Files.writeString(file, t.end(), StandardCharsets.UTF_8);
    }

    /**
     * Starts a plain table (no wrapping column) in the style of {@link Latex}: for writers that build
     * their rows by hand. Prefer {@link Latex#table}.
     */
    static void begin(StringBuilder b, String caption, String label, String columns) {
        String table = Latex.table(caption, label, columns).end();
        b.append(table, 0, table.indexOf("\\bottomrule"));
    }

    /** Ends a table started with {@link #begin}. */
    static void end(StringBuilder b) {
        b.append("\\bottomrule\n\\end{tabular}\n\\end{table}\n");
    }

    private static double key(BatchSummary.SortedCounts c, double q) {
        return (double) Statistics.quantile(c.keys(), c.runs(), q) / BatchSummary.SHARE_RESOLUTION;
    }

    /** A number with two decimals and a true minus sign. */
    static String two(double v) {
        return Latex.number(v, 2);
    }

    /** Escapes LaTeX's special characters ({@link Latex#escape}). */
    static String escape(String text) {
        return Latex.escape(text);
    }
}
