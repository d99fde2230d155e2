package ballast.shell;

import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Words for bash: the commands Ballast prints for a user to paste (resume a batch, check a shard) and
 * the scripts it writes. A folder's path is the user's, and may hold a space, an apostrophe or worse;
 * a printed command must still be one the shell takes as it is meant.
 */
public final class ShellWords {
    private static final Pattern PLAIN = Pattern.compile("[A-Za-z0-9_./:=@%+,-]+");
    // What bash still expands or ends inside double quotes (control characters: see quote).
    private static final Pattern NOT_IN_DOUBLE_QUOTES = Pattern.compile("[\"$`\\\\!\\p{Cntrl}\\x80-\\x9f]");

    private ShellWords() {
    }

    /**
     * Returns {@code word} as one bash word: unchanged if it is plain, else in single quotes, or in
     * bash's {@code $'...'} with escapes if it holds a control character (a line break), so that the
     * word stays on one line and a message that prints it stays one line.
     */
    public static String quote(String word) {
        if (PLAIN.matcher(word).matches()) {
            return word;
        }
        if (word.chars().anyMatch(Character::isISOControl)) {
            StringBuilder b = new StringBuilder("$'");
            for (char c : word.toCharArray()) {
                b.append(switch (c) {
                    case '\\' -> "\\\\";
                    case '\'' -> "\\'";
                    case '\n' -> "\\n";
                    case '\t' -> "\\t";
                    case '\r' -> "\\r";
                    default -> Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : String.valueOf(c);
                });
            }
            return b.append('\'').toString();
        }
        return "'" + word.replace("'", "'\\''") + "'";
    }

    /** Returns {@code path} as one bash word. */
    public static String quote(Path path) {
        return quote(path.toString());
    }

    /** Returns the words, each quoted, separated by spaces. */
    public static String join(List<String> words) {
        StringBuilder b = new StringBuilder();
        for (String w : words) {
            b.append(b.length() == 0 ? "" : " ").append(quote(w));
        }
        return b.toString();
    }

    /**
     * Returns a command to quote inside a sentence, where it stands between single quotes ("run
     * 'ballast batch --resume DIR'"): each word as bash takes it, a word that needs quoting in double
     * quotes where bash allows (a path with a space or an apostrophe reads
     * {@code "/tmp/my batch's run"}), else in single quotes; the words are objects, e.g. a {@link Path}.
     */
    public static String command(Object... words) {
        StringBuilder b = new StringBuilder();
        for (Object o : words) {
            String w = String.valueOf(o);
            String quoted = PLAIN.matcher(w).matches() ? w
                    : NOT_IN_DOUBLE_QUOTES.matcher(w).find() ? quote(w) : "\"" + w + "\"";
            b.append(b.length() == 0 ? "" : " ").append(quoted);
        }
        return b.toString();
    }
}
