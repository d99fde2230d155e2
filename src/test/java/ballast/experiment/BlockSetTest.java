package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.BitSet;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BlockSetTest {

    @Test
    void holdsTheSameBlocksAsABitSetInRunsOfNumbers() {
        Random random = new Random(7);
        BlockSet set = new BlockSet();
        BitSet bits = new BitSet();
        for (int i = 0; i < 5_000; i++) {
            int b = random.nextInt(2_000);
            set.add(b);
            bits.set(b);
        }
        assertEquals(bits.cardinality(), set.count());
        for (int b = 0; b < 2_100; b++) {
            assertEquals(bits.get(b), set.contains(b), "block " + b);
            assertEquals(bits.nextClearBit(b), set.nextAbsent(b), "next absent from " + b);
        }
        BlockSet back = BlockSet.of(set.runs(), 2_000);
        assertEquals(set.runs().size(), back.runs().size());
        for (int k = 0; k < set.runs().size(); k++) {
            assertArrayEquals(set.runs().get(k), back.runs().get(k));
        }
    }

    @Test
    void blocksFinishedNearlyInOrderAreAFewRunsWhateverTheirNumber() {
        BlockSet set = new BlockSet();
        for (long b = 0; b < 2_000_000; b++) {
            set.add(b % 4 == 3 ? b - 1 : b % 4 == 2 ? b + 1 : b); // pairs finishing out of order
        }
        assertEquals(2_000_000, set.count());
        assertEquals(1, set.runs().size());
        assertArrayEquals(new long[] {0, 2_000_000}, set.runs().get(0));
    }

    @Test
    void runsThatOverlapOrLeaveTheRangeAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> BlockSet.of(List.of(new long[] {0, 5}, new long[] {3, 8}),
                10));
        assertThrows(IllegalArgumentException.class, () -> BlockSet.of(List.of(new long[] {0, 11}), 10));
        assertThrows(IllegalArgumentException.class, () -> BlockSet.of(List.of(new long[] {4, 4}), 10));
        assertThrows(IllegalArgumentException.class, () -> BlockSet.of(List.of(new long[] {-1, 2}), 10));
        assertFalse(BlockSet.of(List.of(new long[] {2, 4}), 10).contains(4));
        assertTrue(BlockSet.of(List.of(new long[] {2, 4}), 10).contains(3));
    }
}
