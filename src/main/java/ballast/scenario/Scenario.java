package ballast.scenario;

import ballast.model.ModelParameters;
import java.nio.file.Path;
import java.util.List;

/**
 * A validated scenario: the model's parameters plus what is needed to trace a result back to it.
 *
 * @param name scenario name (also the results folder name)
 * @param file the file the user named
 * @param seed master seed, from the file unless overridden on the command line
 * @param parameters the world to simulate
 * @param resolved the merged scenario tree after {@code extends}, as plain maps, lists and values
 * @param sources every file read (the scenario, what it extends, the data tables), in reading order
 * @param record the historical record to score a back-test against, or null if the scenario names none
 * @param calibrate what {@code ballast calibrate} fits in this world (its {@code calibrate:} section), or null
 */
public record Scenario(String name, Path file, long seed, ModelParameters parameters, Object resolved,
        List<Path> sources, Record record, CalibrateSpec calibrate) {

    public Scenario {
        sources = List.copyOf(sources);
    }

    /**
     * The {@code record} section of a back-test scenario: what really happened, to score it against.
     *
     * @param switches the table of recognition switches (date, iso3, direction, event_type)
     * @param alliesByYear the table of Taipei's allies on 1 January of each year
     * @param training the calibration scenario whose world and training window the baselines are
     *     fitted to (as the model was), or null
     * @param rollingFrom with {@code rollingTo}, the years of one-year-ahead forecasts, each from January
     *     (a rolling back-test), or 0 for one forecast from the start to the end
     * @param rollingTo the last year of a rolling back-test, or 0
     */
    public record Record(Path switches, Path alliesByYear, Path training, int rollingFrom, int rollingTo) {
        /** Returns whether the back-test forecasts one year ahead from each January of its years. */
        public boolean rolling() {
            return rollingFrom > 0;
        }
    }

    /**
     * The {@code calibrate:} section: the training window and the parameters to fit, each with its
     * prior (the penalty against over-fitting).
     *
     * @param trainFrom first month of the training window
     * @param trainTo last month of the training window
     * @param fit the parameters, in order
     */
    public record CalibrateSpec(java.time.YearMonth trainFrom, java.time.YearMonth trainTo, List<Fit> fit) {
        public CalibrateSpec {
            fit = List.copyOf(fit);
        }

        /**
         * One fitted parameter.
         *
         * @param name {@code toPrcPerYear}, {@code toRocPerYear} or a term's key
         * @param priorMean mean of its normal prior on the fitting scale (log scale for base rates)
         * @param priorSd standard deviation of the prior; infinite for a flat prior
         */
        public record Fit(String name, double priorMean, double priorSd) {
        }
    }

    /** Returns this scenario with another master seed. */
    public Scenario withSeed(long newSeed) {
        return new Scenario(name, file, newSeed, parameters, resolved, sources, record, calibrate);
    }
}
