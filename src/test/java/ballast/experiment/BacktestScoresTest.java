package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ballast.experiment.Backtest.CountryOutcome;
import ballast.experiment.Backtest.CountryYear;
import ballast.experiment.Backtest.Forecaster;
import ballast.experiment.Backtest.PathMonth;
import ballast.model.CountrySpec;
import ballast.model.Side;
import java.time.YearMonth;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A back-test's scores against values computed by hand on a forecast small enough to check on paper. */
class BacktestScoresTest {
    private static final double EPS = 1e-12;

    private static CountrySpec state(String code) {
        return new CountrySpec(code, code, "r", 100, 1000, Side.ROC, 0, 0, 1, 0, 0, 0, 0, null, 0, null);
    }

    /** Three states; A and B are with Taipei for two years, C for one; only B moves, in year 2. */
    private static Backtest.Result result() {
        List<CountryYear> cys = List.of(
                new CountryYear(2020, "A", 2020, 100, new double[] {0.1, 0.2, 0.05}, false),
                new CountryYear(2020, "A", 2021, 100, new double[] {0.1, 0.2, 0.05}, false),
                new CountryYear(2020, "B", 2020, 100, new double[] {0.4, 0.2, 0.30}, false),
                new CountryYear(2020, "B", 2021, 90, new double[] {0.5, 0.2, 0.60}, true),
                new CountryYear(2020, "C", 2020, 100, new double[] {0.3, 0.2, 0.20}, false));
        List<CountryOutcome> states = List.of(
                new CountryOutcome(2020, state("A"), new double[] {0.2, 0.36, 0.1}, 0.8, null, true),
                new CountryOutcome(2020, state("B"), new double[] {0.7, 0.36, 0.7}, 0.3, YearMonth.of(2021, 4), false),
                new CountryOutcome(2020, state("C"), new double[] {0.3, 0.36, 0.7}, 0.7, null, true));
        // Two months: the real count 3 then 2; bands {q025..q975} per forecaster.
        List<PathMonth> path = List.of(
                new PathMonth(2020, YearMonth.of(2020, 1), 3, new double[] {2.9, 2.8, 2.7},
                        new int[][] {{2, 2, 3, 3, 3, 3, 3}, {2, 2, 3, 3, 3, 3, 3}, {1, 2, 2, 3, 3, 3, 3}}),
                new PathMonth(2020, YearMonth.of(2020, 2), 2, new double[] {2.5, 2.4, 2.0},
                        new int[][] {{1, 2, 2, 3, 3, 3, 3}, {1, 1, 2, 2, 3, 3, 3}, {0, 3, 3, 3, 3, 3, 3}}));
        return Backtest.summarise(100, List.of(new Backtest.Part(YearMonth.of(2020, 1), cys, states, path)), 1);
    }

    @Test
    void brierAndLogLossPerCountryYearAreTheMeansOfTheirTerms() {
        Backtest.Result r = result();
        // Model: (0.01 + 0.01 + 0.16 + 0.25 + 0.09) / 5 = 0.104; naive: (4 * 0.04 + 0.64) / 5 = 0.16
        assertEquals(0.104, r.brier().model(), EPS);
        assertEquals(0.16, r.brier().naive(), EPS);
        // Logistic: (0.0025 + 0.0025 + 0.09 + 0.16 + 0.04) / 5 = 0.059
        assertEquals(0.059, r.brier().logistic(), EPS);
        // Model log loss: -(2 ln 0.9 + ln 0.6 + ln 0.5 + ln 0.7) / 5
        assertEquals(-(2 * Math.log(0.9) + Math.log(0.6) + Math.log(0.5) + Math.log(0.7)) / 5, r.logLoss().model(), EPS);
        // Skill against the naive baseline: 1 - 0.104 / 0.16
        assertEquals(1 - 0.104 / 0.16, r.brierSkill().model(), EPS);
        assertEquals(0.0, r.brierSkill().naive(), EPS);
    }

    @Test
    void leftByTheEndAndTheAucRankLeaversAgainstStayers() {
        Backtest.Result r = result();
        // Model: ((0.2)^2 + (0.7 - 1)^2 + (0.3)^2) / 3 = (0.04 + 0.09 + 0.09) / 3
        assertEquals((0.04 + 0.09 + 0.09) / 3, r.brierLeft().model(), EPS);
        // AUC: the leaver B (0.7) above both stayers (0.2, 0.3): 1; the naive's ties: 0.5;
        // the logistic's B (0.7) above A (0.1), tied with C (0.7): (1 + 0.5) / 2 = 0.75.
        assertEquals(1.0, r.auc().model(), EPS);
        assertEquals(0.5, r.auc().naive(), EPS);
        assertEquals(0.75, r.auc().logistic(), EPS);
        assertEquals(1, r.leavers());
        assertEquals(2, r.stayers());
        assertEquals(1, r.countryYearEvents());
    }

    @Test
    void theBandCoverageCountsMonthsWithTheRealCountBetweenTheTenthAndNinetiethPercentiles() {
        Backtest.Result r = result();
        // Model: 3 in [2, 3] and 2 in [2, 3]; naive: 3 in [2, 3], 2 in [1, 3]; logistic: 3 in [2, 3], 2 not in [3, 3].
        assertEquals(1.0, r.coverage80().model(), EPS);
        assertEquals(1.0, r.coverage80().naive(), EPS);
        assertEquals(0.5, r.coverage80().logistic(), EPS);
        // RMSE of the mean: model sqrt((0.01 + 0.25) / 2)
        assertEquals(Math.sqrt((0.01 + 0.25) / 2), r.rmse().model(), EPS);
        assertEquals(Math.sqrt((0.09 + 0.0) / 2), r.rmse().logistic(), EPS);
    }

    @Test
    void theReliabilityTableBinsEachForecastersCountryYears() {
        var model = result().reliability().get(Forecaster.MODEL.ordinal());
        // Bins [0, .02) [.02, .05) [.05, .1) [.1, .2) [.2, .3) [.3, .5) [.5, 1]: 0.1, 0.1 in [.1, .2); 0.3, 0.4 in
        // [.3, .5); 0.5 in [.5, 1], which holds the one move.
        assertEquals(2, model.get(3).n());
        assertEquals(2, model.get(5).n());
        assertEquals(0.35, model.get(5).meanForecast(), EPS);
        assertEquals(1, model.get(6).n());
        assertEquals(1.0, model.get(6).observedFrequency(), EPS);
    }
}
