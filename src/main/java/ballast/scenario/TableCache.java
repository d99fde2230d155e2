package ballast.scenario;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The tables of states, of the historical record (panel, switches, government changes, Taipei's
 * governments, elections) and of partners' engagements of one scenario, read once and shared by all
 * its variants: the points of a sweep or sensitivity analysis change numbers of the scenario, never
 * its files, so a design of 10,000 points need not parse the state-year panel 10,000 times (it took
 * about 6 ms a point). A table read with problems is not kept: the variant that reads it reports
 * them, as the file itself would.
 * Safe for the worker threads that build points at once.
 */
final class TableCache {
    /** Reads every table anew (a scenario loaded on its own). */
    static final TableCache NONE = new TableCache(false);

    private final boolean keeps;
    private final Map<List<Object>, Object> tables = new ConcurrentHashMap<>();

    private TableCache(boolean keeps) {
        this.keeps = keeps;
    }

    /** A cache that keeps what it reads. */
    static TableCache keeping() {
        return new TableCache(true);
    }

    /**
     * Returns {@code read}'s table of {@code file} (one reader per {@code kind}), read now or before.
     * The table must not be changed by its users.
     */
    @SuppressWarnings("unchecked")
    <T> T get(String kind, Path file, Problems problems, Supplier<T> read) {
        if (!keeps || file == null) {
            return read.get();
        }
        List<Object> key = List.of(kind, file.toAbsolutePath().normalize());
        Object kept = tables.get(key);
        if (kept != null) {
            return (T) kept;
        }
        int before = problems.size();
        T table = read.get();
        if (problems.size() == before && table != null) {
            tables.putIfAbsent(key, table);
        }
        return table;
    }
}
