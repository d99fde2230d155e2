package ballast.scenario;

import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One thing wrong with a scenario, where it is and what is wrong.
 *
 * <p>A scenario may come from anyone, and a message may end up in a log or an e-mail: a problem never
 * carries more than {@value #MAX_QUOTED} characters of a value (a longer value, and a longer quoted
 * part of a message, is cut and ends in "…"), a field of at most {@value #MAX_FIELD} characters and a
 * message of at most {@value #MAX_MESSAGE}, and control characters are shown escaped, never sent to
 * the terminal.
 *
 * @param file the file at fault (a scenario or a data table)
 * @param line 1-based line, 0 if unknown or the whole file
 * @param column 1-based column, 0 if unknown
 * @param field dotted path of the field, e.g. {@code patrons.prc.budgetUsdMillionsPerYear}
 * @param message what is wrong, e.g. {@code must be at least 0, got -5}
 */
public record Problem(Path file, int line, int column, String field, String message) {
    /** The most characters of a value that a message quotes. */
    public static final int MAX_QUOTED = 60;
    static final int MAX_FIELD = 120;
    static final int MAX_MESSAGE = 400;
    /**
     * A quoted value in a message: an opening quote after a space or '(' (or at the start), a closing
     * one before a space or punctuation (or at the end), no quote between.
     */
    private static final Pattern QUOTED = Pattern.compile("(?<![^\\s(])'([^']{" + (MAX_QUOTED + 1)
            + ",})'(?![^\\s,;:)])");

    public Problem {
        field = cut(printable(field), MAX_FIELD);
        Matcher m = QUOTED.matcher(printable(message));
        StringBuilder shortened = new StringBuilder();
        while (m.find()) {
            m.appendReplacement(shortened, Matcher.quoteReplacement("'" + shorten(m.group(1)) + "'"));
        }
        m.appendTail(shortened);
        message = cut(shortened.toString(), MAX_MESSAGE);
    }

    /**
     * Returns {@code value} as a message may quote it: at most {@value #MAX_QUOTED} characters (then
     * "…"), control characters escaped.
     */
    public static String shorten(String value) {
        return cut(printable(value), MAX_QUOTED);
    }

    private static String cut(String s, int max) {
        if (s.length() <= max) {
            return s;
        }
        int end = Character.isHighSurrogate(s.charAt(max - 1)) ? max - 1 : max;
        return s.substring(0, end) + "…";
    }

    /**
     * Returns {@code s} with its control characters escaped ({@code \\n}, {@code \\t}, {@code \\uXXXX}), so
     * that a message built from it is one line on the terminal whatever a file name holds.
     */
    public static String printable(String s) {
        StringBuilder out = null;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                if (out == null) {
                    out = new StringBuilder(s.length() + 8).append(s, 0, i);
                }
                out.append(c == '\n' ? "\\n" : c == '\t' ? "\\t" : c == '\r' ? "\\r" : String.format("\\u%04x", (int) c));
            } else if (out != null) {
                out.append(c);
            }
        }
        return out == null ? s : out.toString();
    }

    /** Returns {@code FILE:LINE:COLUMN: field: message}, or {@code FILE: message} for the whole file. */
    @Override
    public String toString() {
        return printable(String.valueOf(file)) + (line > 0 ? ":" + line + ":" + column : "") + ": "
                + (field.isEmpty() ? "" : field + ": ") + message;
    }
}
