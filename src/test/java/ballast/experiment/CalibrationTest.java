package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.RecognitionModel;
import ballast.model.RuleParameters;
import ballast.model.RunResult;
import ballast.model.Side;
import ballast.model.StateRecord;
import ballast.model.Strategies;
import ballast.model.SwitchEvent;
import ballast.model.Term;
import ballast.model.YearlyData;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballast calibrate}'s fit: it recovers known weights, and nothing after its window reaches it. */
class CalibrationTest {
    private static final YearMonth START = YearMonth.of(1990, 1);
    private static final YearMonth END = YearMonth.of(2007, 12);

    /**
     * A world of 40 allies of sizes from 10,000 to 40 million people, half of them with a history of
     * recognising Beijing; no money, so only the base rates, size and history move the hazards.
     */
    private static ModelParameters syntheticWorld(RuleParameters rule) {
        List<CountrySpec> states = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            double population = 1e4 * Math.pow(4000, i / 39.0);
            YearlyData y = new YearlyData(1989, Map.of(YearlyData.POPULATION, new double[] {population},
                    YearlyData.GDP, new double[] {population * 3e-3}));
            StateRecord r = new StateRecord(y, i % 2 == 0, List.of(), null, 0.0);
            states.add(new CountrySpec(String.format("S%02d", i), "State " + i, "r" + (i % 4), population * 3e-3,
                    population, Side.ROC, 0, 0, 1, 0, 0, 0, 0, null, 0, null, r));
        }
        List<PatronSpec> patrons = List.of(
                new PatronSpec("prc", PatronRole.RECOGNISER, Side.PRC, Strategies.MOST_VALUABLE, 0, 0, 24, 25, 1, 0, true),
                new PatronSpec("roc", PatronRole.RECOGNISER, Side.ROC, Strategies.MOST_VALUABLE, 0, 1, 24, 25, 1, 0, true));
        int months = (int) java.time.temporal.ChronoUnit.MONTHS.between(START, END) + 1;
        return new ModelParameters("synthetic", START, months, 1, states, patrons, rule, List.of());
    }

    private static RuleParameters truth() {
        Map<Term, Double> w = new EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            w.put(t, 0.0);
        }
        w.put(Term.SIZE, 0.35);
        w.put(Term.HISTORY, 1.0);
        return new RuleParameters(0.12, 0.2, w, 24, 12, 50, 1.0);
    }

    @Test
    void recoversTheWeightsItSimulatedWithWithinTheirIntervals() throws Exception {
        RuleParameters truth = truth();
        ModelParameters world = syntheticWorld(truth);
        RunResult run = new RecognitionModel(world).run(20_261_202L);
        List<HistoricalRecord.Switch> switches = new ArrayList<>();
        for (SwitchEvent e : run.switches()) {
            switches.add(new HistoricalRecord.Switch(e.month(), e.country(), e.to() == Side.PRC));
        }
        HistoricalRecord record = new HistoricalRecord(switches, Map.of(), List.of());
        long toPrc = switches.stream().filter(HistoricalRecord.Switch::toPrc).count();
        assertTrue(toPrc >= 80, "enough moves to fit four parameters: " + toPrc);

        // Start the fit away from the truth (all weights 0, rates 0.036 and 0.005), with weak priors.
        Map<Term, Double> zero = new EnumMap<>(Term.class);
        for (Term t : Term.values()) {
            zero.put(t, 0.0);
        }
        ModelParameters start = world.withRule(new RuleParameters(0.036, 0.005, zero, 24, 12, 50, 1.0));
        List<Calibration.Parameter> fitted = List.of(
                new Calibration.Parameter("toPrcPerYear", 0, Double.POSITIVE_INFINITY),
                new Calibration.Parameter("toRocPerYear", 0, Double.POSITIVE_INFINITY),
                new Calibration.Parameter("size", 0, 5),
                new Calibration.Parameter("history", 0, 5));
        Calibration.Result r = new Calibration(start, record, END, fitted, 7).fit(2);
        double[] expected = {truth.toPrcPerYear(), truth.toRocPerYear(), 0.35, 1.0};
        for (int k = 0; k < expected.length; k++) {
            Calibration.Estimate e = r.estimates().get(k);
            assertTrue(e.low95() <= expected[k] && expected[k] <= e.high95(),
                    e.parameter().name() + ": " + expected[k] + " outside [" + e.low95() + ", " + e.high95() + "]");
            assertTrue(e.high95() - e.low95() < 2.0 * Math.max(1.0, Math.abs(expected[k])),
                    e.parameter().name() + ": the interval says something: " + e.low95() + " to " + e.high95());
        }
        assertEquals(toPrc, r.switchesToPrc());
        assertTrue(r.logLikelihood() > r.nullLogLikelihood(), "the fit beats a constant hazard");
    }

    @Test
    void changingTheRecordAfterTheTrainingWindowChangesNothingInTheFit(@TempDir Path dir) throws Exception {
        Path copy = Files.createDirectories(dir.resolve("scenarios"));
        Files.copy(Path.of("scenarios/calibration.yaml"), copy.resolve("calibration.yaml"));
        Path data = Files.createDirectories(copy.resolve("data"));
        try (Stream<Path> files = Files.list(Path.of("scenarios/data"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                List<String> lines = Files.readAllLines(f);
                List<String> changed = new ArrayList<>();
                changed.add(lines.get(0));
                for (String line : lines.subList(1, lines.size())) {
                    changed.add(altered(f.getFileName().toString(), line));
                }
                Files.write(data.resolve(f.getFileName()), changed);
            }
        }
        Scenario original = ScenarioLoader.load(Path.of("scenarios/calibration.yaml"));
        Scenario future = ScenarioLoader.load(copy.resolve("calibration.yaml"));
        Calibration a = calibration(original);
        Calibration b = calibration(future);
        double[] x0 = a.start();
        double[][] points = {x0, {-3.0, -4.0, 0.2, 0.5, -1, 1, 0.8, 0.3, 0.2}, {-3.5, -5.0, -0.1, 0.1, 0, 2, 1.5, 1, -0.5}};
        for (double[] x : points) {
            assertEquals(a.evaluator().penalised(x), b.evaluator().penalised(x), 0.0,
                    "the objective at " + java.util.Arrays.toString(x));
        }
        // The baselines of the back-tests are fitted to the same window: the same for both records too.
        List<Term> covariates = List.of(Term.SIZE, Term.INCOME, Term.HISTORY, Term.NEW_GOVERNMENT, Term.CONTAGION,
                Term.TAIPEI_DPP);
        double[] sd = {0.45, 0.95, 1, 1, 2, 1};
        Baselines.Fitted fa = Baselines.fit(original.parameters(), record(original), END, covariates, sd, -3.6);
        Baselines.Fitted fb = Baselines.fit(future.parameters(), record(future), END, covariates, sd, -3.6);
        assertArrayEquals(fa.logistic().coefficients(), fb.logistic().coefficients(), 0.0);
        assertEquals(fa.naiveHazard(true, false), fb.naiveHazard(true, false), 0.0);
    }

    /** Rewrites what a row says about 2008 and later: switches reversed, GDP and population tenfold, all turnovers. */
    private static String altered(String table, String line) {
        String[] cells = line.split(",", -1);
        switch (table) {
            case "recognition-switches.csv" -> {
                if (cells[0].compareTo("2008") >= 0) {
                    return line.replace("to_prc", "TMP").replace("to_roc", "to_prc").replace("TMP", "to_roc");
                }
            }
            case "state-year-panel.csv" -> {
                if (cells.length > 6 && cells[2].compareTo("2008") >= 0 && !cells[5].equals("NA")) {
                    cells[5] = Double.toString(Double.parseDouble(cells[5]) * 10);
                    return String.join(",", cells);
                }
            }
            case "government-changes.csv" -> {
                if (cells[1].compareTo("2008") >= 0) {
                    return line.replace(",N,", ",Y,");
                }
            }
            case "taipei-government.csv" -> {
                if (cells[0].compareTo("2008") >= 0) {
                    return line.replace(",KMT,", ",DPP,").replace("truce", "contest");
                }
            }
            default -> {
            }
        }
        return line;
    }

    private static HistoricalRecord record(Scenario s) throws IOException {
        return HistoricalRecord.read(s.record().switches(), s.record().alliesByYear());
    }

    private static Calibration calibration(Scenario s) throws IOException {
        List<Calibration.Parameter> fitted = new ArrayList<>();
        for (Scenario.CalibrateSpec.Fit f : s.calibrate().fit()) {
            fitted.add(new Calibration.Parameter(f.name(), f.priorMean(), f.priorSd()));
        }
        return new Calibration(s.parameters(), record(s), END, fitted, s.seed());
    }

    @Test
    void theTrainingWindowCountsTheMovesAndMonthsTheFitScores() throws Exception {
        // The fit of 1990-2007 reports 18 moves to Beijing in 6,006 ally-months and 2 back in 1,691 months
        // (scenarios/params/calibrated-1990-2007.yaml); Saudi Arabia's move (1990-07) is the first to Beijing and
        // Nauru's return (2005-05) the first back that is scored (Lesotho's and others' in 1990 are not: they had not
        // left Taipei within the window).
        Scenario s = ScenarioLoader.load(Path.of("scenarios/calibration.yaml"));
        TrainingWindow w = TrainingWindow.of(s.parameters(), record(s), END);
        assertEquals(new TrainingWindow(START, END, 18, 6006, 2, 1691, YearMonth.of(1990, 7), YearMonth.of(2005, 5),
                s.parameters().end()), w);
        TrainingWindow before = TrainingWindow.of(s.parameters(), record(s), YearMonth.of(2005, 4));
        assertEquals(0, before.movesToRoc());
        List<Calibration.Parameter> rates = List.of(
                new Calibration.Parameter("toPrcPerYear", 0, Double.POSITIVE_INFINITY),
                new Calibration.Parameter("toRocPerYear", 0, Double.POSITIVE_INFINITY));
        w.require(rates);
        CalibrationException e = assertThrows(CalibrationException.class, () -> before.require(rates));
        assertTrue(e.getMessage().contains("15 recorded moves to Beijing (in 5,215 ally-months) and 0 recorded moves "
                + "back to Taipei (in 1,202 months"), e.getMessage());
        // A prior bounds a base rate whatever the data: no move is needed for it.
        before.require(List.of(new Calibration.Parameter("toRocPerYear", -4, 1)));
    }

    @Test
    void theNaiveBaselinesRatesAreTheRecordsMovesOverAllyMonthsUnderEachParty() throws Exception {
        // Counted independently from recognition-switches.csv (events applied from their month, aborted
        // ones only setting the side before a state's first event) and taipei-government.csv, 1990-2007:
        // 10 moves to Beijing in 3,571 ally-months under Lee (KMT), 8 in 2,435 under Chen (DPP).
        Scenario s = ScenarioLoader.load(Path.of("scenarios/calibration.yaml"));
        Baselines.Fitted f = Baselines.fit(s.parameters(), record(s), END, List.of(), new double[0], -3.6);
        assertEquals(10, f.movesUnderKmt());
        assertEquals(3571, f.allyMonthsUnderKmt());
        assertEquals(8, f.movesUnderDpp());
        assertEquals(2435, f.allyMonthsUnderDpp());
        assertEquals(10.0 / 3571, f.naiveHazard(false, false), 1e-15);
        assertEquals(8.0 / 2435 * Math.exp(-3.6), f.naiveHazard(true, true), 1e-15);
        // With no covariates the regression is a constant hazard: its intercept is the log-odds of 18 in 6,006.
        assertEquals(Math.log(18.0 / (6006 - 18)), f.logistic().coefficient(0), 1e-9);
    }
}
