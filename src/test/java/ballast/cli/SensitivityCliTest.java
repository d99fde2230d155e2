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

/** {@code ballast sensitivity} as a user runs it. */
class SensitivityCliTest {
    private static final String BASELINE = "scenarios/baseline.yaml";

    @TempDir
    Path dir;

    @Test
    void sobolWritesIndicesPointsAndChartsAndTheSameBytesOnOneAndTwoThreads() throws Exception {
        for (String threads : List.of("1", "2")) {
            Cli cli = Cli.run("sensitivity", BASELINE, "--method", "sobol", "--samples", "16", "--param",
                    "rule.toPrcPerYear=0.005:0.08", "--param", "patrons.japan.budgetUsdMillionsPerYear=0:200",
                    "--output", "allies_at_horizon", "--output", "gdp_share_at_horizon", "-n", "30", "--threads",
                    threads, "--out", dir.resolve("t" + threads).toString());
            assertEquals(0, cli.exitCode(), cli.err());
            assertTrue(cli.err().contains("most influential rule.toPrcPerYear"), cli.err());
        }
        for (String t : List.of("sensitivity.csv", "sensitivity_outputs.csv", "sensitivity_points.csv",
                "sensitivity.tex")) {
            assertArrayEquals(Files.readAllBytes(dir.resolve("t1").resolve(t)),
                    Files.readAllBytes(dir.resolve("t2").resolve(t)), t);
        }
        List<String> rows = Files.readAllLines(dir.resolve("t1/sensitivity.csv"));
        assertEquals(1 + 2 * 2 * 2, rows.size()); // outputs x parameters x {S1, ST}
        assertEquals(1 + 16 * 4, Files.readAllLines(dir.resolve("t1/sensitivity_points.csv")).size());
        assertTrue(Files.size(dir.resolve("t1/charts/7in/sobol_allies_at_horizon.pdf")) > 1000);
        assertTrue(Files.readString(dir.resolve("t1/sensitivity.tex")).contains("order $S_T$"));
    }

    @Test
    void morrisScreensWithOneTrajectoryPerSample() throws Exception {
        Cli cli = Cli.run("sensitivity", BASELINE, "--method", "morris", "--samples", "6", "--param",
                "rule.toPrcPerYear=0.005:0.08", "--param", "countries.HTI.fragility=0:1", "--param",
                "rule.contagionWindowMonths=6:36", "-n", "10", "--out", dir.resolve("m").toString());
        assertEquals(0, cli.exitCode(), cli.err());
        assertEquals(1 + 6 * 4, Files.readAllLines(dir.resolve("m/sensitivity_points.csv")).size());
        String csv = Files.readString(dir.resolve("m/sensitivity.csv"));
        assertTrue(csv.contains(",mu_star,") && csv.contains(",sigma,"), csv);
        // A whole-number field stays whole at every point.
        for (String row : Files.readAllLines(dir.resolve("m/sensitivity_points.csv")).subList(1, 25)) {
            assertFalse(row.split(",")[3].contains("."), row);
        }
    }

    @Test
    void anUnknownOutputOrMethodIsOneLineAndNothingIsWritten() {
        Path out = dir.resolve("never");
        Cli output = Cli.run("sensitivity", BASELINE, "--param", "rule.toPrcPerYear=0.005:0.08", "--output",
                "allies", "--out", out.toString());
        assertEquals(2, output.exitCode());
        assertTrue(output.err().contains("unknown output; one of allies_at_horizon"), output.err());
        Cli method = Cli.run("sensitivity", BASELINE, "--method", "fast", "--param", "rule.toPrcPerYear=0.005:0.08",
                "--out", out.toString());
        assertEquals(2, method.exitCode());
        assertTrue(method.err().contains("sobol or morris"), method.err());
        Cli flat = Cli.run("sensitivity", BASELINE, "--param", "rule.toPrcPerYear=0.02:0.02", "--out", out.toString());
        assertEquals(2, flat.exitCode());
        assertFalse(Files.exists(out));
    }
}
