package ballast.experiment;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A set of block numbers kept as sorted, disjoint runs {@code [start, end)}. Blocks are handed out in
 * order and finish nearly in order, so the finished ones are one long run plus a few stragglers (at
 * most one per thread, per interruption): the set stays a handful of numbers whether a job has a
 * hundred blocks or two billion. Not thread-safe: {@link DesignRun} changes it under its lock.
 */
public final class BlockSet {
    private final TreeMap<Long, Long> runs = new TreeMap<>(); // start -> end (exclusive)
    private long count;

    /** An empty set. */
    public BlockSet() {
    }

    /**
     * Rebuilds a set from its runs as {@link #runs()} returns them.
     *
     * @throws IllegalArgumentException if the runs are not sorted, disjoint, non-adjacent, non-empty
     *     and inside {@code [0, limit)}
     */
    public static BlockSet of(List<long[]> runs, long limit) {
        BlockSet set = new BlockSet();
        long previousEnd = -1;
        for (long[] run : runs) {
            long start = run[0];
            long end = run[1];
            if (start < 0 || end > limit || start >= end || start <= previousEnd) {
                throw new IllegalArgumentException("block run [" + start + ", " + end + ") is not in order inside [0, "
                        + limit + ")");
            }
            set.runs.put(start, end);
            set.count += end - start;
            previousEnd = end;
        }
        return set;
    }

    /** Returns whether {@code block} is in the set. */
    public boolean contains(long block) {
        Map.Entry<Long, Long> run = runs.floorEntry(block);
        return run != null && block < run.getValue();
    }

    /** Adds {@code block} (nothing happens if it is in already). */
    public void add(long block) {
        if (block < 0) {
            throw new IllegalArgumentException("block " + block);
        }
        if (contains(block)) {
            return;
        }
        long start = block;
        long end = block + 1;
        Map.Entry<Long, Long> before = runs.floorEntry(block);
        if (before != null && before.getValue() == block) {
            start = before.getKey();
        }
        Long after = runs.get(end);
        if (after != null) {
            runs.remove(end);
            end = after;
        }
        runs.put(start, end);
        count++;
    }

    /** Returns the first block at or after {@code from} that is not in the set. */
    public long nextAbsent(long from) {
        Map.Entry<Long, Long> run = runs.floorEntry(from);
        return run != null && from < run.getValue() ? run.getValue() : from;
    }

    /** Returns how many blocks the set holds. */
    public long count() {
        return count;
    }

    /** Returns the runs, each {@code {start, end}} with end exclusive, in order (copies). */
    public List<long[]> runs() {
        List<long[]> out = new ArrayList<>(runs.size());
        runs.forEach((s, e) -> out.add(new long[] {s, e}));
        return out;
    }
}
