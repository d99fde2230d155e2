package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import ballast.scenario.ScenarioTemplate;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Designs: their size limit, and the rule that value objects never hand out their arrays. */
class DesignTest {
    private static final ScenarioTemplate BASELINE = read();

    private static ScenarioTemplate read() {
        try {
            return ScenarioTemplate.read(Path.of("scenarios/baseline.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static Factor factor(String path, double low, double high, int levels) {
        return new Factor(BASELINE.field(path), low, high, levels);
    }

    @Test
    void aDesignTooLargeIsRefusedWithItsLimitBeforeAnythingIsBuilt() {
        List<Factor> huge = List.of(factor("rule.offer", 0, 1, 50_000), factor("rule.contagion", 0, 1, 50_000));
        assertEquals(2_500_000_000L, Design.gridSize(huge));
        IllegalArgumentException grid = assertThrows(IllegalArgumentException.class, () -> Design.grid(huge));
        assertTrue(grid.getMessage().contains("at most 100,000"), grid.getMessage());
        List<Factor> two = List.of(factor("rule.offer", 0, 1, 0), factor("rule.contagion", 0, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> Design.latinHypercube(two, 2_000_000_000, 1));
        IllegalArgumentException sobol = assertThrows(IllegalArgumentException.class,
                () -> Sobol.design(2_000_000_000L, 2));
        assertTrue(sobol.getMessage().contains("8,000,000,000 points; at most 100,000"), sobol.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Morris.design(Long.MAX_VALUE / 2, 3, 4, 1));
        assertEquals(Long.MAX_VALUE, Sobol.evaluations(Long.MAX_VALUE / 2, 5), "sizes saturate, never overflow");
    }

    @Test
    void valueObjectsNeverHandOutTheirArrays() {
        Design d = Design.grid(List.of(factor("rule.offer", 0, 1, 3)));
        d.toArray()[1][0] = 99;
        assertEquals(0.5, d.value(1, 0));
        double[][] points = {{0.25}};
        Design copied = new Design(d.factors(), points);
        points[0][0] = 99;
        assertEquals(0.25, copied.value(0, 0));

        double[] f = new double[2 * 4];
        for (int i = 0; i < f.length; i++) {
            f[i] = i % 4;
        }
        Sobol.Indices s = Sobol.analyse(f, 2, 100, 1);
        double first = s.first()[0];
        s.first()[0] = 99;
        assertEquals(first, s.first()[0]);

        Morris.Effects m = new Morris.Effects(new double[] {1}, new double[] {2}, new double[] {1}, new double[] {3},
                new double[] {0});
        m.muStar()[0] = 99;
        assertEquals(2, m.muStar()[0]);
    }

    @Test
    void aBatchStopsAfterItsFirstBlocksWithoutListingTheRest() throws Exception {
        Scenario tiny = ScenarioLoader.load(Path.of(DesignTest.class.getResource("/fixtures/tiny.yaml").toURI()));
        DesignRun<BatchSummary> run = DesignRun.batch(tiny, DesignRun.MAX_REPLICATIONS);
        assertEquals(2_000_000, run.blocks());
        BlockSet done = new BlockSet();
        BatchSummary total = BatchSummary.of(tiny.parameters());
        run.run(done, 2, (point, block, part, doneBlocks) -> {
            total.merge(part);
            if (doneBlocks.count() >= 2) {
                run.stop();
            }
            return null;
        });
        assertTrue(done.count() >= 2 && done.count() <= 3, done.count() + " blocks");
        assertEquals(done.count() * DesignRun.BLOCK_SIZE, total.replications());
        IllegalArgumentException tooMany = assertThrows(IllegalArgumentException.class,
                () -> DesignRun.batch(tiny, DesignRun.MAX_REPLICATIONS + 1));
        assertTrue(tooMany.getMessage().contains("1,000,000,000"), tooMany.getMessage());
    }
}
