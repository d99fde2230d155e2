package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.model.MoneyKind;
import ballast.model.RecognitionModel;
import ballast.model.RunResult;
import ballast.model.Side;
import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BatchTest {
    private static final Scenario BASELINE = load();

    private static Scenario load() {
        try {
            return ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void summariesMergeExactlyInAnyOrderAndSurviveTheJournalFormat() throws Exception {
        int n = 300;
        boolean[] roc = new boolean[12];
        java.util.Arrays.fill(roc, true);
        RunResult[] runs = new RunResult[n];
        for (int i = 0; i < n; i++) {
            runs[i] = SingleRun.run(BASELINE, i);
        }
        BatchSummary forward = BatchSummary.of(BASELINE.parameters());
        for (RunResult r : runs) {
            forward.add(r, roc);
        }
        BatchSummary odd = BatchSummary.of(BASELINE.parameters());
        BatchSummary even = BatchSummary.of(BASELINE.parameters());
        for (int i = n - 1; i >= 0; i--) {
            (i % 2 == 0 ? even : odd).add(runs[i], roc);
        }
        odd.merge(even);
        assertTrue(forward.sameCounts(odd));

        // The model's own record, summarised without a copy, counts the same; so does a running total.
        RecognitionModel model = new RecognitionModel(BASELINE.parameters());
        BatchSummary uncopied = BatchSummary.of(BASELINE.parameters());
        for (int i = 0; i < n; i++) {
            uncopied.add(model.simulate(Seeds.replication(BASELINE.seed(), i)), roc);
        }
        assertTrue(forward.sameCounts(uncopied));
        BatchSummary total = BatchSummary.runningTotal(BASELINE.parameters());
        total.merge(uncopied);
        assertTrue(total.sameCounts(forward));
        assertTrue(forward.sameCounts(total));

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        forward.write(new DataOutputStream(bytes));
        for (boolean runningTotal : new boolean[] {false, true}) {
            BatchSummary back = BatchSummary.read(new DataInputStream(new ByteArrayInputStream(bytes.toByteArray())),
                    runningTotal);
            assertTrue(forward.sameCounts(back));
        }
        ByteArrayOutputStream fromTotal = new ByteArrayOutputStream();
        total.write(new DataOutputStream(fromTotal));
        assertArrayEquals(bytes.toByteArray(), fromTotal.toByteArray(), "the journal holds only rows with counts");

        // The counts say what the runs did.
        int last = BASELINE.parameters().ticks() - 1;
        long vctWithTaipei = 0;
        for (RunResult r : runs) {
            vctWithTaipei += r.rocAtEnd()[6] ? 1 : 0;
        }
        assertEquals(vctWithTaipei, forward.rocRuns(6, last));
        assertEquals(n, forward.replications());
    }

    @Test
    void aJournalRewrittenAfterEveryBlockSaysWhatAJournalWrittenOnceSays() throws Exception {
        boolean[] roc = DesignRun.initialRoc(BASELINE.parameters().countries());
        RecognitionModel model = new RecognitionModel(BASELINE.parameters());
        BatchSummary rewritten = BatchSummary.runningTotal(BASELINE.parameters());
        BatchSummary once = BatchSummary.runningTotal(BASELINE.parameters());
        byte[] last = null;
        for (int block = 0; block < 4; block++) {
            BatchSummary part = BatchSummary.of(BASELINE.parameters());
            for (int i = 0; i < 50; i++) {
                part.add(model.simulate(Seeds.replication(BASELINE.seed(), block * 50L + i)), roc);
            }
            rewritten.merge(part);
            once.merge(part);
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            rewritten.write(new DataOutputStream(bytes));
            last = bytes.toByteArray();
        }
        ByteArrayOutputStream fresh = new ByteArrayOutputStream();
        once.write(new DataOutputStream(fresh));
        assertArrayEquals(fresh.toByteArray(), last);
        BatchSummary back = BatchSummary.read(new DataInputStream(new ByteArrayInputStream(last)), true);
        assertTrue(once.sameCounts(back));
        // A total read back from a journal and merged into again is written in full, changed rows included.
        BatchSummary part = BatchSummary.of(BASELINE.parameters());
        part.add(model.simulate(Seeds.replication(BASELINE.seed(), 999)), roc);
        back.merge(part);
        once.merge(part);
        ByteArrayOutputStream a = new ByteArrayOutputStream();
        back.write(new DataOutputStream(a));
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        BatchSummary.read(new DataInputStream(new ByteArrayInputStream(a.toByteArray())), false)
                .write(new DataOutputStream(b));
        assertArrayEquals(b.toByteArray(), a.toByteArray());
        assertTrue(once.sameCounts(BatchSummary.read(new DataInputStream(new ByteArrayInputStream(a.toByteArray())),
                true)));
    }

    @Test
    void theBatchKeepsTheMoneyOfItsRunsExactly() {
        int n = 40;
        boolean[] roc = new boolean[12];
        java.util.Arrays.fill(roc, true);
        BatchSummary summary = BatchSummary.of(BASELINE.parameters());
        int vct = 6;
        int prc = 0;
        double offered = 0;
        for (int i = 0; i < n; i++) {
            RunResult r = SingleRun.run(BASELINE, i);
            summary.add(r, roc);
            for (int t = 0; t < r.ticks(); t++) {
                if (r.money().kind(t, prc, vct) == MoneyKind.OFFER) {
                    offered += r.money().usdMillionsPerYear(t, prc, vct);
                }
            }
        }
        double summed = 0;
        for (int y = 0; y < summary.moneyYears(); y++) {
            summed += summary.moneyUsdSum(y, prc, vct, MoneyKind.OFFER);
        }
        assertTrue(offered > 0, "Beijing courts St Vincent");
        // One rounding to a dollar (1e-6 US$ m) per run and year.
        assertEquals(offered, summed, n * summary.moneyYears() * 1e-6);
    }

    @Test
    void theThreadCountDoesNotChangeTheCounts() throws Exception {
        BatchSummary one = BatchSummary.of(BASELINE.parameters());
        DesignRun.batch(BASELINE, 1200).run((p, b) -> false, 1, (p, b, part) -> one.merge(part));
        BatchSummary three = BatchSummary.of(BASELINE.parameters());
        DesignRun.batch(BASELINE, 1200).run((p, b) -> false, 3, (p, b, part) -> three.merge(part));
        assertTrue(one.sameCounts(three));
        assertEquals(1200, one.replications());
        assertTrue(one.switches(6, Side.PRC) > 0, "St Vincent leaves Taipei in some runs");
    }
}
