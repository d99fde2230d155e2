package ballast.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every LaTeX table Ballast writes (batch, sweep, sensitivity, back-test, compare) compiles in a
 * one-column and in a two-column article with no overfull box, typesets a scenario name with an
 * underscore, and writes negative numbers with a minus sign and ranges with an en dash. Needs pdflatex
 * on the PATH ({@code .ci/run} installs texlive-latex-recommended); skipped without it.
 */
class LatexTablesCompileTest {
    private static final Pattern OVERFULL = Pattern.compile("Overfull \\\\hbox \\(([0-9.]+)pt too wide\\)");
    /** A hyphen used as a minus sign: after a space, bracket, brace or comma and before a digit. */
    private static final Pattern HYPHEN_MINUS = Pattern.compile("(?<=[\\s\\[{(&,])-\\d");

    @TempDir
    Path dir;

    @Test
    void everyTableBallastWritesFitsAOneAndATwoColumnArticle() throws Exception {
        assumeTrue(onPath("pdflatex"), "pdflatex is not on the PATH (.ci/run installs texlive-latex-recommended)");
        Path scenario = Files.writeString(dir.resolve("my_scenario.yaml"), "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\nname: my_scenario\n");
        List<Path> folders = new ArrayList<>();
        folders.add(run("batch", scenario.toString(), "-n", "300", "--out", dir.resolve("batch").toString()));
        folders.add(run("batch", "scenarios/no-japan.yaml", "-n", "300", "--out", dir.resolve("nojapan").toString()));
        folders.add(run("sweep", scenario.toString(), "--param", "patrons.japan.engagementScale=0:2:3", "-n", "20",
                "--out", dir.resolve("sweep1").toString()));
        folders.add(run("sweep", scenario.toString(), "--design", "lhs", "--points", "4", "--param",
                "patrons.japan.budgetUsdMillionsPerYear=0:200", "--param", "countries.PRY.oppositionStance=-1:0",
                "--param", "rule.toPrcPerYear=0.01:0.06", "-n", "10", "--out", dir.resolve("sweep3").toString()));
        folders.add(run("sensitivity", scenario.toString(), "--samples", "8", "--param",
                "countries.PRY.oppositionStance=-1:0", "--param", "patrons.prc.budgetUsdMillionsPerYear=500:3000",
                "--output", "allies_at_horizon", "--output", "gdp_share_at_horizon", "-n", "5", "--bootstrap", "100",
                "--out", dir.resolve("sobol").toString()));
        folders.add(run("sensitivity", scenario.toString(), "--method", "morris", "--samples", "4", "--param",
                "countries.PRY.oppositionStance=-1:0", "--param", "rule.offer=0:1", "-n", "5", "--bootstrap", "100",
                "--out", dir.resolve("morris").toString()));
        folders.add(run("backtest", "scenarios/backtest-2008.yaml", "-n", "50", "--out",
                dir.resolve("backtest").toString()));
        folders.add(run("compare", "--reference", scenario.toString(), "scenarios/no-japan.yaml",
                "scenarios/japan-doubled.yaml", "-n", "100", "--out", dir.resolve("paired").toString()));
        folders.add(run("compare", dir.resolve("batch").toString(), dir.resolve("nojapan").toString(), "--out",
                dir.resolve("folders").toString()));

        List<Path> tables = new ArrayList<>();
        for (Path folder : folders) {
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(f -> f.toString().endsWith(".tex")).sorted().forEach(tables::add);
            }
        }
        // batch 2 + 2, sweeps 2, sensitivity 2, back-test 1, paired compare 2, compare of folders 1
        assertEquals(12, tables.size(), tables.toString());
        for (Path table : tables) {
            String text = Files.readString(table);
            Matcher minus = HYPHEN_MINUS.matcher(text);
            boolean hyphen = minus.find();
            assertFalse(hyphen, table + ": a hyphen as a minus sign: " + (hyphen ? minus.group() : ""));
            for (boolean twoColumn : new boolean[] {false, true}) {
                assertCompilesWithoutOverfullBoxes(table, twoColumn);
            }
        }
        String sobol = Files.readString(dir.resolve("sobol/sensitivity.tex"));
        assertTrue(sobol.contains("$-$1--0"), "a negative range is typeset with a minus and an en dash: " + sobol);
        assertTrue(Files.readString(dir.resolve("batch/retention.tex")).contains("my\\_scenario"));
    }

    private static Path run(String... args) {
        Cli cli = Cli.run(args);
        assertEquals(0, cli.exitCode(), String.join(" ", args) + "\n" + cli.err());
        return Path.of(cli.out().strip());
    }

    private void assertCompilesWithoutOverfullBoxes(Path table, boolean twoColumn) throws Exception {
        String name = table.getParent().getFileName() + "-" + table.getFileName().toString().replace(".tex", "")
                + (twoColumn ? "-two" : "-one");
        Path work = Files.createDirectories(dir.resolve("latex"));
        Path doc = work.resolve(name + ".tex");
        Files.writeString(doc, "\\documentclass" + (twoColumn ? "[twocolumn]" : "") + "{article}\n"
                + "\\usepackage{" + ballast.output.table.Latex.PACKAGES + "}\n\\begin{document}\n"
                + "\\input{" + table.toAbsolutePath().toString().replace(File.separatorChar, '/') + "}\n"
                + "\\end{document}\n", StandardCharsets.UTF_8);
        Process p = new ProcessBuilder("pdflatex", "-interaction=nonstopmode", "-halt-on-error", doc.getFileName()
                .toString()).directory(work.toFile()).redirectErrorStream(true)
                .redirectOutput(work.resolve(name + ".out").toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "pdflatex did not finish for " + name);
        String log = Files.readString(work.resolve(name + ".log"), StandardCharsets.ISO_8859_1);
        assertEquals(0, p.exitValue(), table + " does not compile (" + (twoColumn ? "two" : "one") + " column):\n"
                + log.substring(Math.max(0, log.indexOf("\n!")), Math.min(log.length(), log.indexOf("\n!") + 600)));
        Matcher overfull = OVERFULL.matcher(log);
        boolean over = overfull.find();
        assertFalse(over, table + " overflows the " + (twoColumn ? "column of a two-column" : "text of a one-column")
                + " article by " + (over ? overfull.group(1) : "") + " pt");
    }

    private static boolean onPath(String program) {
        String path = System.getenv("PATH");
        if (path == null) {
            return false;
        }
        for (String d : path.split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(d, program))) {
                return true;
            }
        }
        return false;
    }
}
