package ballast.experiment;

import ballast.scenario.InputFile;
import ballast.scenario.Problem;
import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * What really happened: the recognition switches (only rows whose {@code event_type} is
 * {@code switch}; aborted and initial recognitions are not switches) and the number of Taipei's
 * allies on 1 January of each year, read from the reference tables of {@code shared/data/}.
 *
 * @param switches every switch, in date order
 * @param alliesOnFirstJanuary allies of Taipei on 1 January, by year
 * @param recognitions first recognitions (event type {@code initial}: a state that had recognised
 *     neither side, such as Palau in 1999), in date order: they change a state's side but are no switch
 */
public record HistoricalRecord(List<Switch> switches, Map<Integer, Integer> alliesOnFirstJanuary,
        List<Switch> recognitions) {

    /** One switch: the month, the state, and whether it went to Beijing. */
    public record Switch(YearMonth month, String code, boolean toPrc) {
    }

    /** A table that cannot be read as the record; the message names the file and line. */
    public static final class RecordException extends IOException {
        private static final long serialVersionUID = 1L;

        RecordException(String message) {
            super(message);
        }
    }

    /**
     * Reads the switches table (columns date, iso3, direction, event_type) and the allies-by-year
     * table (columns year, allies_on_1_jan).
     *
     * @throws RecordException naming the file and line of a bad row
     */
    public static HistoricalRecord read(Path switchesFile, Path alliesFile) throws IOException {
        List<Switch> switches = new ArrayList<>();
        List<Switch> recognitions = new ArrayList<>();
        for (CSVRecord r : rows(switchesFile, List.of("date", "iso3", "direction", "event_type"))) {
            String type = r.get("event_type").trim();
            if (!"switch".equals(type) && !"initial".equals(type)) {
                continue;
            }
            String direction = r.get("direction").trim();
            if (!direction.equals("to_prc") && !direction.equals("to_roc")) {
                throw bad(switchesFile, r, "direction must be to_prc or to_roc, got '" + Problem.shorten(direction)
                        + "'");
            }
            YearMonth month;
            try {
                month = YearMonth.from(LocalDate.parse(r.get("date").trim()));
            } catch (DateTimeParseException e) {
                throw bad(switchesFile, r, "date must be YYYY-MM-DD, got '" + Problem.shorten(r.get("date")) + "'");
            }
            Switch event = new Switch(month, r.get("iso3").trim(), direction.equals("to_prc"));
            ("switch".equals(type) ? switches : recognitions).add(event);
        }
        switches.sort((a, b) -> a.month().compareTo(b.month()));
        recognitions.sort((a, b) -> a.month().compareTo(b.month()));
        Map<Integer, Integer> allies = new TreeMap<>();
        for (CSVRecord r : rows(alliesFile, List.of("year", "allies_on_1_jan"))) {
            try {
                allies.put(Integer.parseInt(r.get("year").trim()), Integer.parseInt(r.get("allies_on_1_jan").trim()));
            } catch (NumberFormatException e) {
                throw bad(alliesFile, r, "year and allies_on_1_jan must be whole numbers");
            }
        }
        return new HistoricalRecord(List.copyOf(switches), allies, List.copyOf(recognitions));
    }

    /** Reads a table through the same checks as every data table ({@link InputFile}). */
    private static List<CSVRecord> rows(Path file, List<String> columns) throws IOException {
        String text;
        try {
            text = InputFile.read(file, InputFile.Kind.TABLE);
        } catch (InputFile.Refused r) {
            throw new RecordException(r.line() > 0 ? file + ":" + r.line() + ":" + r.column() + ": " + r.reason()
                    : r.withName());
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (String c : columns) {
                if (!parser.getHeaderMap().containsKey(c)) {
                    throw new RecordException(file + ":1: missing column " + c);
                }
            }
            return parser.getRecords();
        } catch (IllegalArgumentException e) {
            // Commons CSV's message would quote the whole header row.
            throw new RecordException(file + ":1: a column name in the header row is empty or repeated");
        } catch (java.io.UncheckedIOException e) {
            throw new RecordException(file + ": cannot read as CSV: " + e.getCause().getMessage());
        }
    }

    private static RecordException bad(Path file, CSVRecord r, String message) {
        return new RecordException(file + ":" + (r.getRecordNumber() + 1) + ": " + message);
    }
}
