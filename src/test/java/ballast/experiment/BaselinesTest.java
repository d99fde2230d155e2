package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.ModelParameters;
import ballast.model.Term;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The baselines' forecasts: the same monthly hazards whatever the tick, and as known at the start. */
class BaselinesTest {

    private static Baselines.Fitted fitted() throws Exception {
        Scenario training = ScenarioLoader.load(Path.of("scenarios/calibration.yaml"));
        HistoricalRecord record = HistoricalRecord.read(training.record().switches(), training.record().alliesByYear());
        return Baselines.fit(training.parameters(), record, YearMonth.of(2007, 12),
                List.of(Term.SIZE, Term.INCOME, Term.HISTORY, Term.NEW_GOVERNMENT), new double[] {0.45, 0.95, 1, 1},
                Term.TRUCE.defaultWeight());
    }

    @Test
    void aTickOfThreeMonthsCarriesTheSameSurvivalAsThreeMonthlyTicks(@TempDir Path dir) throws Exception {
        Path quarterly = dir.resolve("q.yaml");
        Files.writeString(quarterly, "extends: " + Path.of("scenarios/backtest-2016.yaml").toAbsolutePath()
                + "\nname: q\ntickMonths: 3\n");
        ModelParameters monthly = ScenarioLoader.load(Path.of("scenarios/backtest-2016.yaml")).parameters();
        ModelParameters threes = ScenarioLoader.load(quarterly).parameters();
        Baselines.Fitted f = fitted();
        Baselines.Hazards m = Baselines.forecast(f, monthly);
        Baselines.Hazards q = Baselines.forecast(f, threes);
        assertEquals(36, q.naive()[0].length);
        for (int i = 0; i < monthly.countries().size(); i++) {
            for (int t = 0; t < 36; t++) {
                double naive = 1;
                double logistic = 1;
                for (int k = 0; k < 3; k++) {
                    naive *= 1 - m.naive()[i][3 * t + k];
                    logistic *= 1 - m.logistic()[i][3 * t + k];
                }
                // A tick takes the inputs of its first month: equal where they do not change within the quarter
                // (they do when Taipei's government changes, May 2016, or a window closes).
                if (m.naive()[i][3 * t] == m.naive()[i][3 * t + 2]) {
                    assertEquals(naive, 1 - q.naive()[i][t], 1e-12, "naive, state " + i + ", tick " + t);
                }
                if (m.logistic()[i][3 * t] == m.logistic()[i][3 * t + 2]) {
                    assertEquals(logistic, 1 - q.logistic()[i][t], 1e-12, "logistic, state " + i + ", tick " + t);
                }
            }
        }
    }

    @Test
    void theNaiveForecastFollowsTaipeisGovernmentsAsTheScenarioKnowsThem() throws Exception {
        Baselines.Fitted f = fitted();
        ModelParameters known = ScenarioLoader.load(Path.of("scenarios/backtest-2008.yaml")).parameters();
        ModelParameters strict = ScenarioLoader.load(Path.of("scenarios/backtest-2008-strict.yaml")).parameters();
        double[] k = Baselines.forecast(f, known).naive()[0];
        double[] s = Baselines.forecast(f, strict).naive()[0];
        // January 2008: Chen (DPP), no truce, in both.
        assertEquals(f.naiveHazard(true, false), k[0], 0.0);
        assertEquals(k[0], s[0], 0.0);
        // January 2010: Ma (KMT) in a truce when Taipei's governments are known; still Chen when they are not.
        assertEquals(f.naiveHazard(false, true), k[24], 0.0);
        assertEquals(f.naiveHazard(true, false), s[24], 0.0);
        assertTrue(k[24] < s[24] / 10);
    }
}
