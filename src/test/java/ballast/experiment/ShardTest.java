package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ballast.scenario.Scenario;
import ballast.scenario.ScenarioLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The cut of a job into shards: every replication in exactly one shard, with its own seed. */
class ShardTest {
    private static final Scenario TINY = load();

    private static Scenario load() {
        try {
            return ScenarioLoader.load(Path.of(ShardTest.class.getResource("/fixtures/tiny.yaml").toURI()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void everyReplicationIsInExactlyOneShardForOneThreeSevenAndAThousandShards() {
        for (int n : new int[] {1, 3, 7, 1000}) {
            for (long units : new long[] {n, n + 1, 2L * n - 1, 10_000, 1_234_567, 100_000L * 1_000_000_000L}) {
                long expectedNext = 0;
                long smallest = Long.MAX_VALUE;
                long largest = 0;
                for (int i = 1; i <= n; i++) {
                    Shard s = new Shard(i, n);
                    // Contiguous and in order: shard i starts where shard i - 1 ended, so no unit is
                    // skipped or counted twice.
                    assertEquals(expectedNext, s.first(units), "shard " + s + " of " + units);
                    assertTrue(s.end(units) > s.first(units), "shard " + s + " of " + units + " is empty");
                    expectedNext = s.end(units);
                    smallest = Math.min(smallest, s.size(units));
                    largest = Math.max(largest, s.size(units));
                }
                assertEquals(units, expectedNext, "the last shard ends at the last unit, " + n + " shards");
                assertTrue(largest - smallest <= 1, "sizes differ by at most one: " + smallest + " to " + largest);
            }
        }
    }

    /** Asserts that {@code text} is refused as a shard with a message containing {@code expected}. */
    private static void refused(String text, String expected) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Shard.parse(text));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aShardIsWrittenIOverNAndRefusedOutOfRangeOrEmpty() {
        assertEquals(new Shard(3, 4), Shard.parse("3/4"));
        assertEquals("3/4", new Shard(3, 4).toString());
        refused("0/4", "shards are numbered 1 to 4");
        refused("5/4", "shard 5 of 4 does not exist");
        refused("3", "write I/N");
        // Numbers too large for an int are out of range, not malformed.
        refused("1/2147483648", "between 1 and 1,000,000, got 2147483648");
        refused("1/1000001", "got 1,000,001");
        refused("99999999999/4", "shard 99999999999 of 4 does not exist");
        assertEquals(new Shard(2, 4), Shard.parse("002/0004"));
        IllegalArgumentException empty = assertThrows(IllegalArgumentException.class, () -> new Shard(1, 8).first(6));
        assertTrue(empty.getMessage().contains("6 replications cannot be cut into 8 shards"), empty.getMessage());
    }

    @Test
    void theShardsOfABatchCountTogetherWhatOneProcessCounts() throws Exception {
        // 1,300 replications: blocks of 500 are cut inside by every shard boundary of 3 and 7 shards.
        DesignRun<BatchSummary> whole = DesignRun.batch(TINY, 1300);
        BatchSummary one = BatchSummary.of(TINY.parameters());
        whole.run((p, b) -> false, 2, (p, b, part) -> one.merge(part));
        for (int n : new int[] {3, 7}) {
            BatchSummary merged = BatchSummary.of(TINY.parameters());
            // Merged from the last shard to the first: the order does not matter.
            for (int i = n; i >= 1; i--) {
                DesignRun<BatchSummary> shard = whole.shard(new Shard(i, n));
                BlockSet done = new BlockSet();
                BatchSummary part = BatchSummary.of(TINY.parameters());
                shard.run(done, 2, (p, b, s, blocks) -> {
                    part.merge(s);
                    return null;
                });
                assertEquals(shard.size(), part.replications());
                assertEquals(shard.size(), shard.replicationsIn(done));
                assertEquals(shard.endBlock() - shard.firstBlock(), done.count());
                merged.merge(part);
            }
            assertTrue(one.sameCounts(merged), n + " shards");
        }
    }

    @Test
    void theShardsOfADesignCutAcrossPointsAndKeepEachPointsSeeds() throws Exception {
        // 3 points of 700 replications: 2,100 units in 4 shards of 525, cutting points and blocks.
        DesignRun<PointSummary> whole = new DesignRun<>(3, 700, 9, false, p -> TINY, PointSummary::new);
        List<PointSummary> one = totals(3);
        whole.run((p, b) -> false, 1, (p, b, part) -> one.get(p).merge(part));
        List<PointSummary> merged = totals(3);
        long units = 0;
        for (int i = 1; i <= 4; i++) {
            DesignRun<PointSummary> shard = whole.shard(new Shard(i, 4));
            units += shard.size();
            shard.run((p, b) -> false, 2, (p, b, part) -> {
                assertEquals(shard.replicationsIn(p, b), part.replications(), "block " + b + " of point " + p);
                merged.get(p).merge(part);
            });
        }
        assertEquals(2100, units);
        assertEquals(one, merged);
    }

    private static List<PointSummary> totals(int points) {
        List<PointSummary> out = new ArrayList<>();
        for (int p = 0; p < points; p++) {
            out.add(new PointSummary(TINY.parameters().countries().size()));
        }
        return out;
    }
}
