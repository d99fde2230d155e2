package ballast.output;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.experiment.DesignRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Finishing a job can be cut at any step (a power cut after charts/ was moved in, say) and a resume
 * still finishes the folder, with the same files as a finishing that was never cut.
 */
class FinishingTest {
    @TempDir
    Path dir;

    /** A crash: what the checkpoint throws at the chosen step. */
    private static final class PowerCut extends IOException {
        PowerCut(String step) {
            super("power cut after: " + step);
        }
    }

    private static final JobFolder.TableWriter TABLES = out -> {
        Files.writeString(out.resolve("allies_by_month.csv"), "month,replications\n2030-01,1500\n");
        Files.writeString(out.resolve("retention.tex"), "\\begin{table}\n");
        Files.writeString(out.resolve(Manifest.FILE), "{\"kind\" : \"batch\"}\n");
        Files.createDirectories(out.resolve("charts/7in"));
        Files.writeString(out.resolve("charts/7in/allies_fan.svg"), "<svg/>\n");
        Files.writeString(out.resolve("charts/7in/allies_fan.pdf"), "%PDF\n");
    };

    private BatchFolder newBatch(String name) throws IOException {
        BatchFolder folder = BatchFolder.create(ResultFolder.Target.exactly(dir.resolve(name)), new BatchFolder.Plan(
                "/nowhere/tiny.yaml", "tiny", "0".repeat(64), Map.of(), 42, 1_500, DesignRun.BLOCK_SIZE, false,
                "ballast batch", "2026-01-01T00:00:00Z"));
        folder.save(new byte[] {1, 2, 3});
        return folder;
    }

    @Test
    void aCrashAtAnyStepOfFinishingIsFinishedByAResume() throws Exception {
        List<String> steps = new ArrayList<>();
        try (BatchFolder clean = newBatch("clean")) {
            clean.finish(TABLES, steps::add);
        }
        Map<String, String> expected = contents(dir.resolve("clean"));
        assertTrue(steps.size() == 9 && steps.contains("moved charts") && steps.contains("plan removed"),
                steps.toString());
        assertEquals(List.of("allies_by_month.csv", "charts/7in/allies_fan.pdf", "charts/7in/allies_fan.svg",
                "manifest.json", "retention.tex"), List.copyOf(expected.keySet()), "nothing of the job's bookkeeping is left");

        for (int k = 0; k < steps.size(); k++) {
            String name = "cut" + k;
            String cutAfter = steps.get(k);
            try (BatchFolder folder = newBatch(name)) {
                assertThrows(PowerCut.class, () -> folder.finish(TABLES, step -> {
                    if (step.equals(cutAfter)) {
                        throw new PowerCut(step);
                    }
                }));
            }
            Path cut = dir.resolve(name);
            if (Files.exists(cut.resolve(BatchFolder.PLAN))) {
                try (BatchFolder resumed = BatchFolder.open(cut)) {
                    resumed.finish(TABLES, JobFolder.Checkpoint.NONE);
                }
            } else {
                // The plan was removed: the batch is finished; a resume says so and tidies what was left.
                NoSuchFileException e = assertThrows(NoSuchFileException.class, () -> BatchFolder.open(cut));
                assertTrue(e.getReason().contains("finished batch"), e.getReason());
            }
            assertEquals(expected, contents(cut), "cut after " + cutAfter);
        }
    }

    @Test
    void anExperimentFolderFinishesTheSameWay() throws Exception {
        ExperimentFolder.Plan plan = new ExperimentFolder.Plan("sweep", "/nowhere/tiny.yaml", "tiny", "0".repeat(64),
                Map.of(), 42, 1_000, false, List.of(new ExperimentFolder.FactorPlan("rule.offer", 0, 1, 2)),
                new double[][] {{0}, {1}}, Map.of("design", "grid"), "ballast sweep", "2026-01-01T00:00:00Z");
        Path e = dir.resolve("e");
        try (ExperimentFolder folder = ExperimentFolder.create(ResultFolder.Target.exactly(e), plan)) {
            folder.append(0, 0, new long[] {500});
            assertThrows(PowerCut.class, () -> folder.finish(TABLES, step -> {
                if (step.equals("moved charts")) {
                    throw new PowerCut(step);
                }
            }));
        }
        try (ExperimentFolder folder = ExperimentFolder.open(e, "sweep")) {
            folder.finish(TABLES, JobFolder.Checkpoint.NONE);
        }
        assertEquals(List.of("allies_by_month.csv", "charts/7in/allies_fan.pdf", "charts/7in/allies_fan.svg",
                "manifest.json", "retention.tex"), List.copyOf(contents(e).keySet()));
    }

    /** Every file under {@code root} (hidden ones too), by relative path, with its contents. */
    private static Map<String, String> contents(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(Files::isRegularFile).toList()) {
                out.put(root.relativize(p).toString(), Files.readString(p));
            }
        }
        return out;
    }
}
