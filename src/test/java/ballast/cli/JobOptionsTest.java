package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.TypeConversionException;

/**
 * What the commands that run the model share: how a count is written, the limits of sizes (refused
 * before anything runs, with the limit in the message), and where results go by default.
 */
class JobOptionsTest {
    private static final String BASELINE = "scenarios/baseline.yaml";

    @TempDir
    Path dir;

    @Test
    void aCountCanBeWrittenAsPeopleWriteIt() {
        Map<String, Long> forms = Map.of("10000", 10_000L, "10_000", 10_000L, "10,000", 10_000L, "10k", 10_000L,
                "1e5", 100_000L, "2.5M", 2_500_000L, "1G", 1_000_000_000L, "1,000,000", 1_000_000L, " 7 ", 7L,
                "1.5e3", 1_500L);
        forms.forEach((text, value) -> assertEquals(value, JobOptions.Count.parse(text), text));
        for (String bad : List.of("1,5", "10.5", "1e-3", "abc", "-3", "10_", "1__0", "1,000_000", "", "1e400",
                "99999999999999999999")) {
            TypeConversionException e = assertThrows(TypeConversionException.class, () -> JobOptions.Count.parse(bad),
                    bad);
            assertTrue(e.getMessage().contains("'" + bad + "'"), e.getMessage());
        }
    }

    @Test
    void everyCountOptionTakesTheSameForms() throws Exception {
        Cli batch = Cli.run("batch", BallastTestFiles.fixture("tiny.yaml"), "-n", "1,000", "--out",
                dir.resolve("b").toString());
        assertEquals(0, batch.exitCode(), batch.err());
        assertTrue(Files.readString(dir.resolve("b/manifest.json")).contains("\"replications\" : 1000"));
        Cli lhs = Cli.run("sweep", BASELINE, "--design", "lhs", "--points", "0.003k", "--param",
                "rule.offer=0:1", "-n", "1e1", "--out", dir.resolve("s").toString());
        assertEquals(0, lhs.exitCode(), lhs.err());
        assertEquals(1 + 3, Files.readAllLines(dir.resolve("s/sweep.csv")).size());
        Cli sobol = Cli.run("sensitivity", BASELINE, "--samples", "2_0", "--param", "rule.offer=0:1", "-n", "5",
                "--out", dir.resolve("a").toString());
        assertEquals(0, sobol.exitCode(), sobol.err());
        assertEquals(1 + 20 * 3, Files.readAllLines(dir.resolve("a/sensitivity_points.csv")).size());
        Cli words = Cli.run("batch", BASELINE, "-n", "ten", "--out", dir.resolve("never").toString());
        assertEquals(2, words.exitCode());
        assertTrue(words.err().contains("write it 10000, 10_000, 10,000, 10k, 2.5M or 1e5"), words.err());
    }

    @Test
    void absurdSizesAreRefusedWithTheirLimitBeforeAnythingRuns() {
        Path out = dir.resolve("never");
        Map<String, List<String>> cases = new java.util.LinkedHashMap<>();
        cases.put("-n must be at most 1,000,000,000", List.of("batch", BASELINE, "-n", "1000000000000"));
        cases.put("-n must be at most 1,000,000,000 ", List.of("sweep", BASELINE, "--param", "rule.offer=0:1:2", "-n",
                "1e12"));
        cases.put("--param rule.offer=0:1:100000000: LEVELS must be at most 100,000", List.of("sweep", BASELINE,
                "--param", "rule.offer=0:1:100000000"));
        cases.put("a grid of 50000 x 50000 levels has 2,500,000,000 points; at most 100,000", List.of("sweep",
                BASELINE, "--param", "rule.offer=0:1:50000", "--param", "rule.contagion=0:1:50000"));
        cases.put("--points must be at most 100,000", List.of("sweep", BASELINE, "--design", "lhs", "--points",
                "2000000000", "--param", "rule.offer=0:1"));
        cases.put("--samples must be at most 100,000", List.of("sensitivity", BASELINE, "--samples", "2000000000",
                "--param", "rule.offer=0:1"));
        cases.put("a sobol design of 40,000 base samples and 2 parameters has 160,000 points; at most 100,000",
                List.of("sensitivity", BASELINE, "--samples", "40k", "--param", "rule.offer=0:1", "--param",
                        "rule.contagion=0:1"));
        cases.put("--bootstrap must be at most 100,000", List.of("sensitivity", BASELINE, "--bootstrap", "2000000000",
                "--param", "rule.offer=0:1"));
        cases.put("--threads must be at most 1,024", List.of("batch", BASELINE, "--threads", "1000000"));
        cases.put("-n must be at most 1,000,000,000", List.of("backtest", "scenarios/backtest-2008.yaml", "-n",
                "5e9"));
        cases.forEach((message, args) -> {
            List<String> all = new ArrayList<>(args);
            all.addAll(List.of("--out", out.toString()));
            Cli cli = Cli.run(all.toArray(String[]::new));
            assertEquals(2, cli.exitCode(), String.join(" ", args) + ": " + cli.err());
            assertTrue(cli.err().contains(message), String.join(" ", args) + ": " + cli.err());
            assertEquals(1, cli.err().lines().count(), cli.err());
        });
        assertFalse(Files.exists(out), "nothing is written");
    }

    @Test
    void eachCommandWritesItsDefaultFolderUnderItsKind() throws Exception {
        Pattern stamp = Pattern.compile("\\d{8}T\\d{6}Z(-\\d+)?");
        Map<String, List<String>> kinds = new java.util.LinkedHashMap<>();
        String tiny = BallastTestFiles.fixture("tiny.yaml");
        kinds.put("tiny/run-", List.of("run", tiny));
        kinds.put("tiny/batch-", List.of("batch", tiny, "-n", "500"));
        kinds.put("tiny/sweep-", List.of("sweep", tiny, "--param", "rule.offer=0:1:2", "-n", "10"));
        kinds.put("tiny/sobol-", List.of("sensitivity", tiny, "--samples", "2", "--param", "rule.offer=0:1", "-n",
                "5"));
        kinds.put("tiny/morris-", List.of("sensitivity", tiny, "--method", "morris", "--samples", "2", "--param",
                "rule.offer=0:1", "-n", "5"));
        kinds.put("backtest-2008/backtest-", List.of("backtest", "scenarios/backtest-2008.yaml", "-n", "20"));
        for (Map.Entry<String, List<String>> k : kinds.entrySet()) {
            Cli cli = Cli.runWith(this::resultsInTemp, k.getValue().toArray(String[]::new));
            assertEquals(0, cli.exitCode(), cli.err());
            Path folder = Path.of(cli.out().trim());
            String relative = dir.relativize(folder).toString();
            assertTrue(relative.startsWith(k.getKey()) && stamp.matcher(relative.substring(k.getKey().length()))
                    .matches(), relative);
            assertTrue(Files.exists(folder.resolve("manifest.json")), relative);
        }
    }

    @Test
    void commandsStartedInTheSameSecondEachGetTheirOwnFolder() throws Exception {
        String tiny = BallastTestFiles.fixture("tiny.yaml");
        List<String[]> commands = List.of(new String[] {"run", tiny}, new String[] {"run", tiny},
                new String[] {"run", tiny}, new String[] {"run", tiny}, new String[] {"batch", tiny, "-n", "500"},
                new String[] {"batch", tiny, "-n", "500"});
        ExecutorService pool = Executors.newFixedThreadPool(commands.size());
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<Cli>> started = new ArrayList<>();
            for (String[] c : commands) {
                started.add(pool.submit(() -> {
                    go.await();
                    return Cli.runWith(this::resultsInTemp, c);
                }));
            }
            go.countDown();
            Set<String> folders = new HashSet<>();
            for (Future<Cli> f : started) {
                Cli cli = f.get();
                assertEquals(0, cli.exitCode(), cli.err());
                folders.add(cli.out().trim());
            }
            assertEquals(commands.size(), folders.size(), folders.toString());
        } finally {
            pool.shutdownNow();
        }
    }

    private void resultsInTemp(Object made) {
        if (made instanceof OutputOptions o) {
            o.root = dir;
        }
    }
}
