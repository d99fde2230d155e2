package ballast.experiment;

import ballast.model.RecognitionModel;
import ballast.model.RunResult;
import ballast.scenario.Scenario;

/** One replication of a scenario, seeded as replication {@code index} of a batch would be. */
public final class SingleRun {
    private SingleRun() {
    }

    /** Runs replication {@code index} (0-based) of {@code scenario}. */
    public static RunResult run(Scenario scenario, long index) {
        return new RecognitionModel(scenario.parameters()).run(Seeds.replication(scenario.seed(), index));
    }
}
