package ballast.output.chart;

import ballast.output.Manifest;
import ballast.output.chart.SavedBatch.TableException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.apache.commons.csv.CSVException;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.DuplicateHeaderMode;

/**
 * Reads what a finished results folder saved, for the charts: its manifest and its CSV tables, with
 * errors that name the file, line and column. Column names and manifest keys come from
 * {@link ballast.output.table.Columns} and {@link Manifest}, the same constants the writers use.
 */
final class SavedTables {
    private SavedTables() {
    }

    /**
     * Returns the manifest of the finished folder {@code dir}.
     *
     * @throws TableException if there is none or it is not valid JSON
     */
    static JsonNode manifest(Path dir) throws IOException {
        Path file = dir.resolve(Manifest.FILE);
        if (!Files.isRegularFile(file)) {
            throw new TableException(dir + ": not a finished results folder (no " + Manifest.FILE + ")");
        }
        try {
            return new ObjectMapper().readTree(file.toFile());
        } catch (JsonProcessingException e) {
            throw new TableException(file + ": not valid JSON (line " + e.getLocation().getLineNr() + ")");
        }
    }

    /** Returns the manifest of {@code dir}, which must be of {@code kind} ({@link Manifest#BATCH}, ...). */
    static JsonNode manifest(Path dir, String kind) throws IOException {
        JsonNode manifest = manifest(dir);
        String found = manifest.path(Manifest.KIND).asText();
        if (!kind.equals(found)) {
            throw new TableException(dir.resolve(Manifest.FILE) + ": kind is '" + found + "', not '" + kind + "'");
        }
        return manifest;
    }

    /** A CSV row that names its file and line in errors. */
    record Row(Path file, CSVRecord record) {
        String text(String column) throws TableException {
            if (!record.isMapped(column)) {
                throw new TableException(file + ": no column '" + column + "'");
            }
            if (!record.isSet(column)) {
                throw new TableException(file + ":" + line() + ": missing " + column);
            }
            return record.get(column);
        }

        /** The finite number in {@code column} (a table writes a missing value as NA, never NaN). */
        double number(String column) throws TableException {
            return number(column, Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY);
        }

        /** The number in {@code column}, which must lie in [{@code min}, {@code max}]. */
        double number(String column, double min, double max) throws TableException {
            double v = parsed(column, Double::parseDouble, "a number");
            if (!(v >= min && v <= max) || !Double.isFinite(v)) {
                throw new TableException(file + ":" + line() + ": " + column + " is " + text(column) + ", not "
                        + (min == 0 && max == 1 ? "a share from 0 to 1" : min == 0 ? "a count of 0 or more"
                                : "a finite number"));
            }
            return v;
        }

        /** A count or mean of counts: a number of 0 or more. */
        double count(String column) throws TableException {
            return number(column, 0, Double.POSITIVE_INFINITY);
        }

        /** A share or probability: a number from 0 to 1. */
        double share(String column) throws TableException {
            return number(column, 0, 1);
        }

        /** The number in {@code column}, NaN where the table says NA. */
        double numberOrNa(String column) throws TableException {
            return "NA".equals(text(column)) ? Double.NaN : number(column);
        }

        long whole(String column) throws TableException {
            return parsed(column, Long::parseLong, "a whole number");
        }

        YearMonth month(String column) throws TableException {
            return parsed(column, YearMonth::parse, "a month (YYYY-MM)");
        }

        long line() {
            return record.getRecordNumber() + 1;
        }

        private <T> T parsed(String column, Function<String, T> parser, String what) throws TableException {
            String s = text(column);
            try {
                return parser.apply(s);
            } catch (NumberFormatException | DateTimeParseException e) {
                throw new TableException(file + ":" + line() + ": " + column + " is not " + what + ": '" + s + "'");
            }
        }
    }

    /**
     * Refuses {@code file} unless it has the {@code expected} number of {@code what} (e.g. "states")
     * that the manifest lists; {@code expected} 0 (a manifest that does not say) accepts any.
     */
    static void expect(Path file, long found, long expected, String what) throws TableException {
        if (expected > 0 && found != expected) {
            throw new TableException(file + ": has " + found + (found < expected ? " of the " + expected + " " + what
                    + " the manifest lists" : " " + what + ", but the manifest lists " + expected));
        }
    }

    /** Returns the months (ticks) a manifest's model parameters simulate, or 0 if it does not say. */
    static long months(JsonNode manifest) {
        JsonNode p = manifest.path(Manifest.PARAMETERS);
        int tick = p.path(Manifest.TICK_MONTHS).asInt(0);
        return tick > 0 ? p.path(Manifest.HORIZON_MONTHS).asLong(0) / tick : 0;
    }

    /** Returns the number of states a manifest's model parameters list, or 0 if it does not say. */
    static long states(JsonNode manifest) {
        return manifest.path(Manifest.PARAMETERS).path(Manifest.COUNTRIES).size();
    }

    // Columns are read by name: a header with an empty or repeated name, or a row with more or fewer
    // values than the header, would put values under the wrong names.
    private static final CSVFormat TABLE = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(false).setDuplicateHeaderMode(DuplicateHeaderMode.DISALLOW).build();

    /** Returns the header of the CSV {@code file}. */
    static List<String> header(Path file) throws IOException {
        try (Reader in = reader(file)) {
            return TABLE.parse(in).getHeaderNames();
        } catch (IOException | UncheckedIOException e) {
            throw damaged(file, e);
        } catch (IllegalArgumentException e) {
            throw badHeader(file);
        }
    }

    /** Returns the rows of the CSV {@code file}, by header. */
    static List<Row> rows(Path file) throws IOException {
        try (Reader in = reader(file)) {
            List<Row> rows = new ArrayList<>();
            CSVParser parser = TABLE.parse(in);
            int columns = parser.getHeaderNames().size();
            for (CSVRecord r : parser) {
                Row row = new Row(file, r);
                if (r.size() != columns) {
                    throw new TableException(file + ":" + row.line() + ": has " + r.size() + " values, the header "
                            + columns + " columns");
                }
                rows.add(row);
            }
            return rows;
        } catch (IOException | UncheckedIOException e) {
            throw damaged(file, e);
        } catch (IllegalArgumentException e) {
            throw badHeader(file);
        }
    }

    private static TableException badHeader(Path file) {
        return new TableException(file + ":1: not a table's header: a column name is empty or repeated");
    }

    /**
     * Returns what to throw for {@code e}, raised while reading {@code file}: a {@link TableException}
     * naming the file (and line) if it is not UTF-8 or not CSV, else {@code e}'s I/O error itself. The
     * CSV parser reports errors met while iterating as {@link UncheckedIOException}.
     */
    private static IOException damaged(Path file, Exception e) throws IOException {
        IOException io = e instanceof UncheckedIOException u ? u.getCause() : (IOException) e;
        if (io instanceof CharacterCodingException) {
            return new TableException(file + ":" + firstMalformedLine(file) + ": not UTF-8 text");
        }
        if (io instanceof CSVException) {
            return new TableException(file + ": not a valid CSV table: " + io.getMessage());
        }
        return io;
    }

    /** Returns the line (from 1) of the first byte of {@code file} that is not UTF-8. */
    private static long firstMalformedLine(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        StandardCharsets.UTF_8.newDecoder().decode(in, CharBuffer.allocate(bytes.length), true);
        long line = 1;
        for (int i = 0; i < in.position(); i++) {
            line += bytes[i] == '\n' ? 1 : 0;
        }
        return line;
    }

    private static Reader reader(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new TableException(file + ": missing (is this a finished results folder?)");
        }
        try {
            return Files.newBufferedReader(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new TableException(file + ": missing");
        }
    }
}
