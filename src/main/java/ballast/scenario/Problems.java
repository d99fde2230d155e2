package ballast.scenario;

import ballast.scenario.YNode.Source;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Collects problems so that all of a file's problems are reported at once. */
final class Problems {
    private final List<Problem> list = new ArrayList<>();

    void add(Source at, String field, String message) {
        list.add(new Problem(at.file(), at.line(), at.column(), field, message));
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
