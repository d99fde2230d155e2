package ballast.output.table;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How every LaTeX table Ballast writes is typeset, in one place: text escaped, numbers with a true
 * minus sign ({@code $-$0.12}, never a hyphen), ranges with an en dash ({@code $-$1--0}), intervals
 * as {@code 0.62 [0.58, 0.66]}, and tables that fit the column they are set in. A table is a
 * {@code tabularx} as wide as {@code \columnwidth}, in {@code \small} with narrow column gaps; its
 * text column (the {@code X} in a column specification) takes the width the numbers leave and wraps
 * long names, so the same file fits a one-column article (345 pt) and one column of a two-column
 * article (229.5 pt) without an overfull box. A document needs the packages booktabs and tabularx
 * ({@link #PACKAGES}).
 */
public final class Latex {
    /** The packages a document needs for Ballast's tables. */
    public static final String PACKAGES = "booktabs,tabularx";

    private Latex() {
    }

    /** Returns {@code text} with LaTeX's special characters escaped, for any text from a user or a file. */
    public static String escape(String text) {
        StringBuilder b = new StringBuilder();
        for (char ch : text.toCharArray()) {
            switch (ch) {
                case '&', '%', '$', '#', '_', '{', '}' -> b.append('\\').append(ch);
                case '~' -> b.append("\\textasciitilde{}");
                case '^' -> b.append("\\textasciicircum{}");
                case '\\' -> b.append("\\textbackslash{}");
                case '<' -> b.append("\\textless{}");
                case '>' -> b.append("\\textgreater{}");
                case '\u2212' -> b.append("$-$");
                case '\u2013' -> b.append("--");
                default -> b.append(ch);
            }
        }
        return b.toString();
    }

    /**
     * Returns {@code v} with {@code decimals} decimals and a true minus sign ({@code $-$}); a value
     * that rounds to zero is written without a sign.
     */
    public static String number(double v, int decimals) {
        return signed(String.format(Locale.ROOT, "%." + decimals + "f", v));
    }

    /** Returns a number already formatted (e.g. a parameter's bound) with its minus sign typeset. */
    public static String signed(String formatted) {
        if (formatted.startsWith("-")) {
            String magnitude = formatted.substring(1);
            return magnitude.matches("[0.]*") ? magnitude : "$-$" + magnitude;
        }
        return formatted;
    }

    /** Returns a range of two formatted numbers with an en dash: {@code $-$1--0}. */
    public static String range(String low, String high) {
        return signed(low) + "--" + signed(high);
    }

    /** Returns an estimate with its interval, {@code 0.62 [0.58, 0.66]}, each with {@code decimals} decimals. */
    public static String estimate(double v, double low, double high, int decimals) {
        return number(v, decimals) + " " + interval(low, high, decimals);
    }

    /** Returns an interval, {@code [0.58, 0.66]}. */
    public static String interval(double low, double high, int decimals) {
        return "[" + number(low, decimals) + ", " + number(high, decimals) + "]";
    }

    /** Returns a column heading of one or more lines, right-aligned and set at the bottom of the row. */
    public static String heading(String... lines) {
        if (lines.length == 1) {
            return lines[0];
        }
        List<String> safe = new ArrayList<>();
        for (String line : lines) {
            // After \\, a [ would be read as the line break's optional argument.
            safe.add(line.startsWith("[") ? "{}" + line : line);
        }
        return "\\begin{tabular}[b]{@{}r@{}}" + String.join("\\\\ ", safe) + "\\end{tabular}";
    }

    /** Returns a heading broken at spaces into lines of at most {@code width} characters (a longer word stays whole). */
    public static String wrapped(String text, int width) {
        List<String> lines = new ArrayList<>();
        String line = "";
        for (String word : text.split(" ")) {
            if (!line.isEmpty() && line.length() + 1 + word.length() > width) {
                lines.add(line);
                line = word;
            } else {
                line = line.isEmpty() ? word : line + " " + word;
            }
        }
        lines.add(line);
        return heading(lines.toArray(new String[0]));
    }

    /**
     * Returns a cell of two lines set at the top of its row, e.g. an estimate above its interval, so a
     * narrow column can hold both.
     */
    public static String stacked(String top, String bottom) {
        return "\\begin{tabular}[t]{@{}r@{}}" + top + "\\\\ " + (bottom.startsWith("[") ? "{}" : "") + bottom
                + "\\end{tabular}";
    }

    /** Returns a {@code \label} key from a scenario name and what the table shows: letters, digits and dashes. */
    public static String label(String name, String what) {
        return "tab:" + name.replaceAll("[^A-Za-z0-9-]", "-") + "-" + what;
    }

    /**
     * Starts a table captioned {@code caption} (already LaTeX: escape names in it), labelled
     * {@code label}, with columns {@code columns}: {@code X} for the one text column that wraps,
     * {@code l}, {@code r} or {@code c} for the others.
     */
    public static Table table(String caption, String label, String columns) {
        return new Table(caption, label, columns);
    }

    /** A table being written, row by row; {@link #end()} returns its LaTeX. */
    public static final class Table {
        private final StringBuilder b = new StringBuilder();
        private final int columns;
        private final boolean wraps;

        private Table(String caption, String label, String spec) {
            if (!spec.matches("[lrcX]+") || spec.chars().filter(c -> c == 'X').count() > 1) {
                throw new IllegalArgumentException("columns are l, r, c and at most one X: " + spec);
            }
            this.columns = spec.length();
            this.wraps = spec.contains("X");
            String body = spec.replace("X", ">{\\raggedright\\arraybackslash}X");
            b.append("% Generated by Ballast; needs \\usepackage{").append(PACKAGES).append("}.\n")
                    .append("\\begin{table}[htbp]\n\\centering\n\\small\n\\setlength{\\tabcolsep}{4pt}\n")
                    .append("\\caption{").append(caption).append("}\n")
                    .append("\\label{").append(label).append("}\n\\smallskip\n")
                    .append(wraps ? "\\begin{tabularx}{\\columnwidth}{@{}" : "\\begin{tabular}{@{}").append(body)
                    .append("@{}}\n\\toprule\n");
        }

        /** Adds a row of cells (already LaTeX); it must have one cell per column. */
        public Table row(Object... cells) {
            return row(List.of(cells));
        }

        /** Adds a row of cells (already LaTeX). */
        public Table row(List<?> cells) {
            if (cells.size() != columns) {
                throw new IllegalArgumentException("a row needs " + columns + " cells, got " + cells.size());
            }
            List<String> text = new ArrayList<>();
            cells.forEach(c -> text.add(String.valueOf(c)));
            b.append(String.join(" & ", text)).append(" \\\\\n");
            return this;
        }

        /** Adds a rule between the heading and the body, or between groups of rows. */
        public Table midrule() {
            b.append("\\midrule\n");
            return this;
        }

        /** Adds a line of text across the whole table, e.g. the name of a group of rows. */
        public Table spanning(String text) {
            b.append("\\multicolumn{").append(columns).append("}{@{}l}{").append(text).append("} \\\\\n");
            return this;
        }

        /** Ends the table and returns its LaTeX. */
        public String end() {
            b.append("\\bottomrule\n").append(wraps ? "\\end{tabularx}" : "\\end{tabular}").append("\n\\end{table}\n");
            return b.toString();
        }
    }
}
