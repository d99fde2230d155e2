package ballast.experiment;

import java.io.DataInput;
import java.io.DataOutput;
import java.io.IOException;

/**
 * Zig-zag variable-length longs (7 bits a byte, as in Protocol Buffers) for the journal: most counts
 * are zero or small, so a journal is about an eighth of its fixed-width size and is rewritten faster
 * after every block.
 */
final class Varints {
    /** The most bytes one value takes. */
    static final int MAX_BYTES = 10;

    private Varints() {
    }

    /**
     * Writes every value of {@code row}, encoded into one buffer first: the JDK's streams lock on
     * every call, which byte by byte made encoding a journal cost more than writing it.
     */
    static void write(DataOutput out, long[] row) throws IOException {
        byte[] bytes = new byte[MAX_BYTES * row.length];
        out.write(bytes, 0, encode(row, bytes));
    }

    /** Encodes every value of {@code row} into {@code bytes} (at least {@link #MAX_BYTES} per value); returns the length. */
    static int encode(long[] row, byte[] bytes) {
        int n = 0;
        for (long value : row) {
            long v = (value << 1) ^ (value >> 63);
            while ((v & ~0x7FL) != 0) {
                bytes[n++] = (byte) ((v & 0x7F) | 0x80);
                v >>>= 7;
            }
            bytes[n++] = (byte) v;
        }
        return n;
    }

    static long read(DataInput in) throws IOException {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            int b = in.readUnsignedByte();
            v |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return (v >>> 1) ^ -(v & 1);
            }
        }
        throw new IOException("malformed number in the journal");
    }
}
