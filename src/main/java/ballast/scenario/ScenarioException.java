package ballast.scenario;

import java.util.List;
import java.util.stream.Collectors;

/** Thrown when a scenario cannot be used; carries every problem found, in file order. */
public final class ScenarioException extends Exception {
    private static final long serialVersionUID = 1L;
    private final transient List<Problem> problems;

    public ScenarioException(List<Problem> problems) {
        super(problems.stream().map(Problem::toString).collect(Collectors.joining("\n")));
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("a ScenarioException needs at least one problem");
        }
        this.problems = List.copyOf(problems);
    }

    /** Returns the problems, one per line of the message. */
    public List<Problem> problems() {
        return problems;
    }
}
