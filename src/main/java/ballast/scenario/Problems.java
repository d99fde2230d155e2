package ballast.scenario;

import ballast.scenario.YNode.Source;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Collects problems so that all of a file's problems are reported at once, and, as the readers go,
 * every numeric field they read (the fields a sweep or a sensitivity analysis can vary). At most
 * {@value #MAX_LISTED_PER_FILE} problems of one file are kept and listed (a table of 400,000 bad rows
 * gave 800,000 lines and 800 MB); the rest are counted, and a table reader may stop early
 * ({@link #tooMany}, {@link #stoppedReading}).
 */
final class Problems {
    static final int MAX_LISTED_PER_FILE = 100;
    private final List<Problem> list = new ArrayList<>();
    private final Map<Path, Integer> perFile = new LinkedHashMap<>();
    private final Map<Path, Integer> stoppedAt = new LinkedHashMap<>();
    private int found;
    private final Map<String, NumericField> numbers = new LinkedHashMap<>();

    /** Notes that numeric field {@code field} was read (or took its default). */
    void readNumber(NumericField field) {
        numbers.putIfAbsent(field.path(), field);
    }

    /** Returns the numeric fields read, by path, in reading order. */
    Map<String, NumericField> numbers() {
        return numbers;
    }

    void add(Source at, String field, String message) {
        if (count(at.file(), 1) <= MAX_LISTED_PER_FILE) {
            list.add(new Problem(at.file(), at.line(), at.column(), field, message));
        }
    }

    /**
     * Adds why a file could not be read: at the place in the file when there is one (a byte that is
     * not UTF-8), else where the file was named ({@code namedAt}, under {@code field}), else (the
     * scenario given on the command line) for the whole file.
     */
    void refused(InputFile.Refused r, Source namedAt, String field) {
        if (r.line() > 0) {
            add(new Source(r.file(), r.line(), r.column()), "", r.reason());
        } else if (namedAt == null) {
            add(new Source(r.file(), 0, 0), "", r.reason());
        } else {
            add(namedAt, field, r.withName());
        }
    }

    /** Counts {@code n} more problems of {@code file}; returns how many it has now. */
    private int count(Path file, int n) {
        found += n;
        return perFile.merge(file, n, Integer::sum);
    }

    /** Adds every problem of {@code other}, listed or counted. */
    void addAll(Problems other) {
        other.list.forEach(p -> {
            if (count(p.file(), 1) <= MAX_LISTED_PER_FILE) {
                list.add(p);
            }
        });
        other.perFile.forEach((file, n) -> {
            long listed = other.list.stream().filter(p -> p.file().equals(file)).count();
            count(file, (int) (n - listed));
        });
    }

    /** Returns whether {@code file} has more problems than are listed: reading more of it adds nothing. */
    boolean tooMany(Path file) {
        return perFile.getOrDefault(file, 0) > MAX_LISTED_PER_FILE;
    }

    /** Notes that the reader of {@code file} stopped at {@code line} because it had {@link #tooMany} problems. */
    void stoppedReading(Path file, int line) {
        stoppedAt.put(file, line);
    }

    boolean isEmpty() {
        return found == 0;
    }

    /** Returns the number of problems found, listed or not. */
    int size() {
        return found;
    }

    /** Throws the collected problems, sorted by file and position, if there are any. */
    void throwIfAny() throws ScenarioException {
        if (found > 0) {
            List<Problem> sorted = new ArrayList<>(list);
            // Stable sort: problems found at one place keep the order they were found in.
            sorted.sort(Comparator.comparing((Problem p) -> p.file().toString())
                    .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
            List<Problem> lines = new ArrayList<>(sorted.stream().distinct().toList());
            int total = lines.size();
            for (Map.Entry<Path, Integer> e : perFile.entrySet()) {
                if (e.getValue() > MAX_LISTED_PER_FILE) {
                    int more = e.getValue() - MAX_LISTED_PER_FILE;
                    total += more;
                    Integer stopped = stoppedAt.get(e.getKey());
                    lines.add(new Problem(e.getKey(), 0, 0, "", stopped != null
                            ? String.format(Locale.ROOT, "more problems than the %d listed; reading stopped at line %,d",
                                    MAX_LISTED_PER_FILE, stopped)
                            : String.format(Locale.ROOT, "%,d more problems in this file are not listed", more)));
                }
            }
            throw new ScenarioException(lines, total);
        }
    }
}
