package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import ballast.model.RunEvent;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A run's event log holds the changes of government no election brought. */
class EventLogTest {

    @Test
    void randomChangesOfGovernmentOfStatesWithoutACalendarAreLogged() throws Exception {
        // The 2008 back-test's states have no election calendars: their governments change at random.
        List<RunEvent> changes = SingleRun.run(ScenarioLoader.load(Path.of("scenarios/backtest-2008.yaml")), 0)
                .events().stream().filter(e -> e.event().equals("government_change")).toList();
        assertFalse(changes.isEmpty());
        for (RunEvent e : changes) {
            assertEquals("random", e.detail(), e.toString());
            assertFalse(e.country().isEmpty(), e.toString());
        }
    }
}
