package ballast.scenario;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Locale;

/**
 * The one way Ballast reads a file that a scenario names: the scenario itself, what it extends, and
 * every data table. Before opening a file it refuses anything that is not a regular file (a
 * directory, a device such as {@code /dev/zero}, a FIFO, which would block, a socket) and any file
 * over the size limit of its kind; it reads at most that many bytes even when the size the system
 * reports is wrong; it decodes UTF-8 strictly, dropping a leading byte-order mark (Excel writes one),
 * and names the line and column of the first byte that is not UTF-8.
 *
 * <p>Messages never quote the file's content.
 */
public final class InputFile {

    /** What a file is read as; each kind has its own size limit. */
    public enum Kind {
        /** A scenario file or a file it extends: at most 1 MB (the shipped ones are under 20 kB). */
        SCENARIO("a scenario file", 1_000_000),
        /** A CSV data table: at most 20 MB (the largest, the state-year panel, is about 0.5 MB). */
        TABLE("a data table", 20_000_000);

        private final String noun;
        private final long maxBytes;

        Kind(String noun, long maxBytes) {
            this.noun = noun;
            this.maxBytes = maxBytes;
        }

        /** Returns the size limit in bytes. */
        public long maxBytes() {
            return maxBytes;
        }

        /** Returns the limit as people write it, e.g. {@code 1 MB}. */
        public String limit() {
            return megabytes(maxBytes);
        }
    }

    /**
     * Why a file cannot be read. {@link #line()} and {@link #column()} are 1-based when the problem
     * is at a place in the file (a byte that is not UTF-8), 0 when it is the whole file.
     */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient Path file;
        private final boolean notFound;
        private final int line;
        private final int column;

        Refused(Path file, boolean notFound, int line, int column, String reason) {
            super(reason);
            this.file = file;
            this.notFound = notFound;
            this.line = line;
            this.column = column;
        }

        /** Returns whether the file does not exist (a caller may then say where it was named). */
        public boolean notFound() {
            return notFound;
        }

        /** Returns the file refused. */
        public Path file() {
            return file;
        }

        public int line() {
            return line;
        }

        public int column() {
            return column;
        }

        /** Returns the reason without the file's name, e.g. {@code is a directory, not a data table}. */
        public String reason() {
            return getMessage();
        }

        /** Returns the reason after the file's name, e.g. {@code data/x.csv is a directory, not a data table}. */
        public String withName() {
            return notFound ? "file not found: " + file : file + " " + getMessage();
        }
    }

    private InputFile() {
    }

    /**
     * Checks, without opening it, that {@code file} is a regular file within the size limit of
     * {@code kind}.
     *
     * @throws Refused if the file is missing, not a regular file or too large
     */
    public static void check(Path file, Kind kind) throws Refused {
        BasicFileAttributes attributes;
        try {
            // Follows symbolic links, so a link to /dev/zero is a device here.
            attributes = Files.readAttributes(file, BasicFileAttributes.class);
        } catch (NoSuchFileException e) {
            throw new Refused(file, true, 0, 0, "file not found");
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (attributes.isDirectory()) {
            throw new Refused(file, false, 0, 0, "is a directory, not " + kind.noun);
        }
        if (!attributes.isRegularFile()) {
            throw new Refused(file, false, 0, 0, "is not a regular file (a device, FIFO or socket), not " + kind.noun);
        }
        if (attributes.size() > kind.maxBytes) {
            throw tooLarge(file, kind, attributes.size());
        }
    }

    /**
     * Returns the text of {@code file}, read as {@code kind}, after {@link #check}.
     *
     * @throws Refused if the file is missing, not a regular file, too large, unreadable or not UTF-8
     */
    public static String read(Path file, Kind kind) throws Refused {
        check(file, kind);
        byte[] bytes;
        try (InputStream in = Files.newInputStream(file)) {
            // One byte more than allowed tells a file that grew, or whose size the system does not know
            // (/proc), from one that fits.
            bytes = in.readNBytes((int) kind.maxBytes + 1);
        } catch (IOException e) {
            throw cannotRead(file, e);
        }
        if (bytes.length > kind.maxBytes) {
            throw tooLarge(file, kind, bytes.length);
        }
        return decode(file, bytes);
    }

    private static Refused tooLarge(Path file, Kind kind, long size) {
        String shown = megabytes(size);
        // Rounding can make a file just over the limit look as large as the limit: say "over" then.
        String is = shown.equals(kind.limit()) ? "over " + kind.limit() : shown;
        return new Refused(file, false, 0, 0, "is " + is + "; " + kind.noun + " may be at most " + kind.limit());
    }

    private static Refused cannotRead(Path file, IOException e) {
        String why = e instanceof AccessDeniedException ? "permission denied"
                : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return new Refused(file, false, 0, 0, "cannot be read: " + why);
    }

    /** Decodes UTF-8 strictly, without a leading byte-order mark. */
    static String decode(Path file, byte[] bytes) throws Refused {
        int start = bytes.length >= 3 && (bytes[0] & 0xff) == 0xef && (bytes[1] & 0xff) == 0xbb
                && (bytes[2] & 0xff) == 0xbf ? 3 : 0;
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
        CharBuffer out = CharBuffer.allocate(bytes.length - start);
        CoderResult result = decoder.decode(in, out, true);
        if (!result.isError()) {
            result = decoder.flush(out);
        }
        if (result.isError()) {
            throw notUtf8(file, bytes, start, in.position());
        }
        return out.flip().toString();
    }

    private static Refused notUtf8(Path file, byte[] bytes, int start, int at) {
        int line = 1;
        int lineStart = start;
        for (int i = start; i < at; i++) {
            if (bytes[i] == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        // The bytes from the line's start to the bad byte are valid UTF-8: count their characters.
        String before = new String(bytes, lineStart, at - lineStart, StandardCharsets.UTF_8);
        int column = before.codePointCount(0, before.length()) + 1;
        return new Refused(file, false, line, column, String.format(Locale.ROOT,
                "not UTF-8 text: byte 0x%02X cannot be read as UTF-8 (save the file as UTF-8)", bytes[at] & 0xff));
    }

    /** Returns {@code bytes} in MB (10^6 bytes): one decimal under 10 MB, none from there. */
    private static String megabytes(long bytes) {
        double mb = bytes / 1e6;
        String shown = String.format(Locale.ROOT, mb >= 10 ? "%.0f" : "%.1f", mb);
        return (shown.endsWith(".0") ? shown.substring(0, shown.length() - 2) : shown) + " MB";
    }
}
