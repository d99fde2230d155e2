package ballast.scenario;

import ballast.scenario.YNode.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems so that all of a file's problems are reported at once, and, as the readers go,
 * every numeric field they read (the fields a sweep or a sensitivity analysis can vary).
 */
final class Problems {
    private final List<Problem> list = new ArrayList<>();
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
        list.add(new Problem(at.file(), at.line(), at.column(), field, message));
    }

    /** Adds every problem of {@code other}. */
    void addAll(Problems other) {
        list.addAll(other.list);
    }

    boolean isEmpty() {
        return list.isEmpty();
    }

    int size() {
        return list.size();
    }

    /** Throws the collected problems, sorted by file and position, if there are any. */
    void throwIfAny() throws ScenarioException {
        if (!list.isEmpty()) {
            List<Problem> sorted = new ArrayList<>(list);
            // Stable sort: problems found at one place keep the order they were found in.
            sorted.sort(Comparator.comparing((Problem p) -> p.file().toString())
                    .thenComparingInt(Problem::line).thenComparingInt(Problem::column));
            throw new ScenarioException(sorted.stream().distinct().toList());
        }
    }
}
