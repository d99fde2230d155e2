package ballast.experiment;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.stream.IntStream;

/**
 * How many runs had each value of a share (of GDP or population with Taipei) at each tick, the share
 * rounded to 1/{@link BatchSummary#SHARE_RESOLUTION}. A row of per-tick counts per share value.
 *
 * <p>Rows are allocated when a value first occurs, which keeps a block's partial counts small; a
 * batch's running total allocates every row up front ({@link #dense}) so that its memory is fixed
 * from the first replication instead of creeping up as rarer sets of allies turn up. On disk only
 * the rows that hold a count are written.
 *
 * <p>A row is "used" once a run has had its value at some tick; every count in a used row may still
 * be zero at other ticks.
 */
final class ShareCounts {
    private final int ticks;
    private final long[][] rows = new long[BatchSummary.SHARE_RESOLUTION + 1][];
    // Which rows hold a count, so that writing does not scan the rows of a dense total.
    private final boolean[] used = new boolean[rows.length];
    // Each used row as last written, and whether it changed since: a batch rewrites its journal after
    // every block, and a block changes few of the rows of the running total, so only those are encoded.
    private final byte[][] encoded = new byte[rows.length][];
    private final boolean[] stale = new boolean[rows.length];
    private byte[] buffer;

    private ShareCounts(int ticks, boolean dense) {
        this.ticks = ticks;
        if (dense) {
            for (int k = 0; k < rows.length; k++) {
                rows[k] = new long[ticks];
            }
        }
    }

    /** Counts with rows allocated on first use. */
    static ShareCounts sparse(int ticks) {
        return new ShareCounts(ticks, false);
    }

    /** Counts with every row allocated now. */
    static ShareCounts dense(int ticks) {
        return new ShareCounts(ticks, true);
    }

    private long[] row(int key) {
        long[] row = rows[key];
        if (row == null) {
            row = new long[ticks];
            rows[key] = row;
        }
        return row;
    }

    /** Counts one run whose share at {@code tick} had key {@code key}. */
    void add(int key, int tick) {
        row(key)[tick]++;
        used[key] = true;
        stale[key] = true;
    }

    /** Adds every count of {@code other}. */
    void merge(ShareCounts other) {
        for (int k = 0; k < rows.length; k++) {
            long[] from = other.rows[k];
            if (other.used[k]) {
                used[k] = true;
                stale[k] = true;
                long[] into = row(k);
                for (int t = 0; t < ticks; t++) {
                    into[t] += from[t];
                }
            }
        }
    }

    /** Returns the values present at {@code tick}, ascending, with their run counts. */
    BatchSummary.SortedCounts at(int tick) {
        int n = 0;
        for (int k = 0; k < rows.length; k++) {
            if (used[k] && rows[k][tick] > 0) {
                n++;
            }
        }
        int[] keys = new int[n];
        long[] runs = new long[n];
        int j = 0;
        for (int k = 0; k < rows.length; k++) {
            if (used[k] && rows[k][tick] > 0) {
                keys[j] = k;
                runs[j++] = rows[k][tick];
            }
        }
        return new BatchSummary.SortedCounts(keys, runs);
    }

    /**
     * Writes the rows that hold a count: their number, then each key and its counts. Rows unchanged
     * since the last call are written from their kept encoding.
     */
    void write(DataOutputStream out) throws IOException {
        int n = 0;
        for (boolean u : used) {
            n += u ? 1 : 0;
        }
        out.writeInt(n);
        for (int k = 0; k < rows.length; k++) {
            if (used[k]) {
                if (stale[k] || encoded[k] == null) {
                    if (buffer == null) {
                        buffer = new byte[Varints.MAX_BYTES * ticks];
                    }
                    encoded[k] = Arrays.copyOf(buffer, Varints.encode(rows[k], buffer));
                    stale[k] = false;
                }
                out.writeInt(k);
                out.write(encoded[k]);
            }
        }
    }

    /** Reads rows written by {@link #write} into these (empty) counts. */
    void read(DataInputStream in) throws IOException {
        int n = in.readInt();
        for (int i = 0; i < n; i++) {
            int key = in.readInt();
            if (key < 0 || key >= rows.length) {
                throw new IOException("share key " + key + " out of range");
            }
            long[] row = row(key);
            used[key] = true;
            stale[key] = true;
            for (int t = 0; t < ticks; t++) {
                row[t] = Varints.read(in);
            }
        }
    }

    /** Whether both hold the same counts. */
    boolean sameCounts(ShareCounts o) {
        return Arrays.equals(used, o.used) && IntStream.range(0, rows.length)
                .allMatch(k -> !used[k] || Arrays.equals(rows[k], o.rows[k]));
    }
}
