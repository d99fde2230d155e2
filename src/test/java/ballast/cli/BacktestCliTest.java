package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ballast backtest} as a user runs it. */
class BacktestCliTest {
    @TempDir
    Path dir;

    @Test
    void scoresTheModelAndTheBaselineConsistentlyWithTheForecastsItWrites() throws Exception {
        for (String threads : List.of("1", "2")) {
            Cli cli = Cli.run("backtest", "scenarios/backtest-2008.yaml", "-n", "300", "--threads", threads, "--out",
                    dir.resolve("t" + threads).toString());
            assertEquals(0, cli.exitCode(), cli.err());
            assertTrue(cli.err().contains("Brier per country-year"), cli.err());
        }
        for (String t : List.of("backtest_scores.csv", "backtest_country_years.csv", "backtest_allies.csv",
                "backtest_countries.csv", "backtest_calibration.csv")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(t)), Files.readAllBytes(dir.resolve("t2")
                    .resolve(t)), t);
        }
        Path out = dir.resolve("t1");
        // The Brier scores are the mean squared errors of the forecasts in backtest_country_years.csv.
        List<String> rows = Files.readAllLines(out.resolve("backtest_country_years.csv"));
        double model = 0;
        double baseline = 0;
        double logistic = 0;
        int switches = 0;
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            double o = Double.parseDouble(c[5]);
            switches += (int) o;
            model += Math.pow(Double.parseDouble(c[3]) - o, 2);
            baseline += Math.pow(Double.parseDouble(c[4]) - o, 2);
            logistic += Math.pow(Double.parseDouble(c[6]) - o, 2);
        }
        int n = rows.size() - 1;
        org.apache.commons.csv.CSVRecord brier;
        try (var in = Files.newBufferedReader(out.resolve("backtest_scores.csv"));
                var csv = org.apache.commons.csv.CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true)
                        .build().parse(in)) {
            brier = csv.getRecords().get(0);
        }
        assertEquals("brier_per_country_year", brier.get("score"));
        assertEquals(model / n, Double.parseDouble(brier.get("model")), 1e-5);
        assertEquals(baseline / n, Double.parseDouble(brier.get("baseline")), 1e-5);
        assertEquals(logistic / n, Double.parseDouble(brier.get("logistic")), 1e-5);
        // 2008-2024 among the 24: Malawi, Gambia, Sao Tome, Panama, Dominican Republic, Burkina Faso, El Salvador,
        // Solomon Islands, Kiribati, Nicaragua, Honduras, Nauru.
        assertEquals(12, switches);
        List<String> path = Files.readAllLines(out.resolve("backtest_allies.csv"));
        assertEquals(1 + 204, path.size());
        assertTrue(path.get(path.size() - 1).startsWith("2024-12,12,"), path.get(path.size() - 1));
        assertTrue(Files.size(out.resolve("charts/7in/backtest_fan.png")) > 1000);
    }

    @Test
    void rollingForecastsScoreOneYearAheadFromEachJanuary() throws Exception {
        Path out = dir.resolve("rolling");
        Cli cli = Cli.run("backtest", "scenarios/backtest-rolling.yaml", "-n", "100", "--out", out.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertTrue(cli.err().contains("17 one-year forecasts"), cli.err());
        List<String> rows = Files.readAllLines(out.resolve("backtest_country_years.csv"));
        // Each forecast scores the allies of its 1 January for that year only: forecast_start equals the year.
        java.util.Set<String> starts = new java.util.TreeSet<>();
        for (String row : rows.subList(1, rows.size())) {
            String[] c = row.split(",");
            assertEquals(c[1], c[7], row);
            starts.add(c[7]);
        }
        assertEquals(17, starts.size());
        // The allies of 1 January: 24 in 2008, ..., 13 in 2024 (allies-count-by-year.csv): 328 country-years.
        assertEquals(24 + 23 + 23 + 23 + 23 + 23 + 22 + 22 + 22 + 21 + 20 + 17 + 15 + 15 + 14 + 14 + 13, rows.size() - 1);
        assertEquals(1 + 17 * 12, Files.readAllLines(out.resolve("backtest_allies.csv")).size());
    }

    @Test
    void aScenarioWithoutARecordIsRefusedAndNothingIsWritten() {
        Path out = dir.resolve("never");
        Cli cli = Cli.run("backtest", "scenarios/baseline.yaml", "--out", out.toString());
        assertEquals(2, cli.exitCode());
        assertTrue(cli.err().contains("not a back-test scenario"), cli.err());
        assertFalse(Files.exists(out));
    }
}
