package ballast.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a scenario cannot be used; carries every problem found, in file order. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;
    private final int count;

    public ScenarioException(List<Problem> problems) {
        this(problems, problems.size());
    }

    /**
     * Carries {@code problems}, the lines to show, of {@code count} problems found (more than the
     * lines when a file had too many to list: a line then says how many more).
     */
    public ScenarioException(List<Problem> problems, int count) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
        this.count = count;
    }

    /** Returns the problems, one per line of the message. */
    public List<Problem> problems() {
        return problems;
    }

    /** Returns the number of problems found, listed or not. */
    public int count() {
        return count;
    }
}
