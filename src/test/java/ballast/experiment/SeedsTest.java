package ballast.experiment;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SeedsTest {

    @Test
    void replicationSeedsAreTheOutputsOfSplitMix64() {
        // Reference outputs of SplitMix64 seeded with 0 (Vigna's splitmix64.c, also java.util.SplittableRandom's
        // mixing): 0xE220A8397B1DCDAF, 0x6E789E6AA1B965F4, 0x06C45D188009454F.
        assertEquals(0xE220A8397B1DCDAFL, Seeds.replication(0, 0));
        assertEquals(0x6E789E6AA1B965F4L, Seeds.replication(0, 1));
        assertEquals(0x06C45D188009454FL, Seeds.replication(0, 2));
    }

    @Test
    void aReplicationsSeedDependsOnlyOnTheMasterSeedAndItsIndex() {
        assertEquals(Seeds.replication(20250701, 4711), Seeds.replication(20250701, 4711));
        Set<Long> seen = new HashSet<>();
        for (long i = 0; i < 200_000; i++) {
            seen.add(Seeds.replication(7, i));
        }
        assertEquals(200_000, seen.size());
        assertThrows(IllegalArgumentException.class, () -> Seeds.replication(7, -1));
    }
}
