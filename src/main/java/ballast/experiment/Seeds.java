package ballast.experiment;

/**
 * Derives the seed of each replication from the scenario's master seed and the replication index
 * alone, so any replication can be recomputed anywhere, in any order.
 *
 * <p>The mixing function is SplitMix64 (Steele, Lea and Flood, "Fast splittable pseudorandom number
 * generators", OOPSLA 2014): replication {@code i} gets
 * {@code mix64(masterSeed + (i + 1) * 0x9E3779B97F4A7C15)}, the (i+1)-th output of a SplitMix64
 * generator started at the master seed.
 */
public final class Seeds {
    private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;
    private static final long POINT_GAMMA = 0xD1B54A32D192ED03L;

    private Seeds() {
    }

    /**
     * Returns the seed of replication {@code index} (0-based) of a batch with {@code masterSeed}.
     *
     * @throws IllegalArgumentException if {@code index} is negative
     */
    public static long replication(long masterSeed, long index) {
        if (index < 0) {
            throw new IllegalArgumentException("replication index must be at least 0, got " + index);
        }
        return mix64(masterSeed + (index + 1) * GOLDEN_GAMMA);
    }

    /**
     * Returns the master seed of design point {@code point} of an experiment with {@code masterSeed}:
     * {@code mix64(masterSeed + (point + 1) * 0xD1B54A32D192ED03)}, a second SplitMix64 stream (its
     * own odd increment), so no point's seed is also a replication seed of the plain batch.
     * Replication {@code i} of the point then uses {@code replication(point seed, i)}.
     */
    public static long point(long masterSeed, long point) {
        if (point < 0) {
            throw new IllegalArgumentException("point index must be at least 0, got " + point);
        }
        return mix64(masterSeed + (point + 1) * POINT_GAMMA);
    }

    /**
     * Returns the seed of an experiment's random design (Latin hypercube, Morris trajectories,
     * bootstrap resamples): {@code mix64(masterSeed ^ salt)}, where {@code salt} names the use, so each
     * use has its own stream and none depends on the clock.
     */
    public static long design(long masterSeed, long salt) {
        return mix64(masterSeed ^ salt);
    }

    /** Returns SplitMix64's output function (David Stafford's Mix13 variant) applied to {@code z}. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
