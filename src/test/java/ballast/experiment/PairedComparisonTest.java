package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A paired comparison runs every scenario on the batch's seeds and counts exactly, whatever the threads. */
class PairedComparisonTest {
    private static final long N = 700;

    @TempDir
    Path dir;

    private static Scenario load(String name) throws Exception {
        return ScenarioLoader.load(Path.of("scenarios/" + name + ".yaml"));
    }

    @Test
    void theReferenceRunsOnTheBatchSeedsAndAScenarioAgainstItselfNeverDiffers() throws Exception {
        Scenario baseline = load("baseline");
        PairedComparison.Counts c = new PairedComparison(List.of(baseline, baseline), N, baseline.seed()).run(2);
        BatchSummary batch = BatchSummary.of(baseline.parameters());
        DesignRun.batch(baseline, N).run((point, block) -> false, 1, (point, block, part) -> batch.merge(
                part));
        for (int t = 0; t < c.ticks(); t++) {
            assertArrayEquals(batch.alliesHistogram(t), c.alliesHistogram(0, t), "replication i uses the batch's seed");
            assertArrayEquals(batch.alliesHistogram(t), c.alliesHistogram(1, t));
        }
        for (int i = 0; i < c.states(); i++) {
            PairedComparison.Pair pair = c.pair(1, i);
            assertEquals(0, pair.referenceOnly() + pair.scenarioOnly(), "common random numbers: identical runs");
            assertEquals(batch.rocRuns(i, c.ticks() - 1), pair.both());
        }
        assertEquals(0, c.alliesChangeSum(1));
        assertEquals(0, c.alliesChangeSumOfSquares(1));
    }

    @Test
    void theCountsAreTheSameOnOneAndTwoThreadsAndAddUp() throws Exception {
        List<Scenario> scenarios = List.of(load("baseline"), load("no-japan"), load("japan-doubled"));
        PairedComparison.Counts one = new PairedComparison(scenarios, N, 7).run(1);
        PairedComparison.Counts two = new PairedComparison(scenarios, N, 7).run(2);
        assertTrue(one.sameCounts(two));
        assertEquals(N, one.replications());
        int last = one.ticks() - 1;
        for (int k = 1; k < 3; k++) {
            long referenceKept = 0;
            long scenarioKept = 0;
            for (int i = 0; i < one.states(); i++) {
                PairedComparison.Pair p = one.pair(k, i);
                assertEquals(N, p.runs());
                referenceKept += p.both() + p.referenceOnly();
                scenarioKept += p.both() + p.scenarioOnly();
            }
            // Summed over states, the pairs give each scenario's allies summed over runs, and their
            // difference is the sum of paired differences.
            assertEquals(sum(one.alliesHistogram(0, last)), referenceKept);
            assertEquals(sum(one.alliesHistogram(k, last)), scenarioKept);
            assertEquals(scenarioKept - referenceKept, one.alliesChangeSum(k));
        }
        assertTrue(one.alliesChangeSum(1) < 0, "without Japan, fewer allies");
        assertTrue(one.alliesChangeSum(2) > 0, "with Japan doubled, more");
    }

    private static long sum(long[] histogram) {
        long s = 0;
        for (int a = 0; a < histogram.length; a++) {
            s += a * histogram[a];
        }
        return s;
    }

    @Test
    void scenariosWithOtherStatesOrHorizonsAreRefusedWithTheReason() throws Exception {
        Scenario baseline = load("baseline");
        Path fewer = Files.writeString(dir.resolve("fewer.yaml"), "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\nname: fewer\ncountries:\n  HTI: {include: false}\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new PairedComparison(List.of(baseline, ScenarioLoader.load(fewer)), 10, 1));
        assertEquals("its states differ from the reference's; it lacks HTI", e.getMessage());
        Path shorter = Files.writeString(dir.resolve("shorter.yaml"), "extends: "
                + Path.of("scenarios/baseline.yaml").toAbsolutePath() + "\nname: shorter\nhorizonMonths: 60\n");
        e = assertThrows(IllegalArgumentException.class,
                () -> new PairedComparison(List.of(baseline, ScenarioLoader.load(shorter)), 10, 1));
        assertTrue(e.getMessage().contains("60 months"), e.getMessage());
    }
}
