package ballast.scenario;

import ballast.scenario.YNode.Source;
import java.io.IOException;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the reference tables of {@code scenarios/data/}: the states (GDP, population, region), their
 * election calendars, and a partner's dated engagements. A bad cell is a {@link Problem} naming the
 * table, its line and the column.
 */
final class DataTables {

    /** A row of the states table. */
    record StateRow(Source source, String code, String name, String region, double gdpUsdMillions, double population) {
    }

    /** A row of the elections table. */
    record ElectionRow(Source source, String code, YearMonth last, YearMonth next, Integer termYears,
            boolean changedAtLast) {
    }

    /** A row of an engagements table. */
    record EngagementRow(Source source, YearMonth month, String code, String kind) {
    }

    private DataTables() {
    }

    static List<StateRow> states(Path file, Source referencedAt, String field, Problems problems) {
        List<StateRow> rows = new ArrayList<>();
        read(file, referencedAt, field, problems, List.of("iso3", "name", "region", "gdp_usd_millions", "population"),
                (r, at) -> {
                    double gdp = number(r, "gdp_usd_millions", at, problems, true);
                    double pop = number(r, "population", at, problems, false);
                    rows.add(new StateRow(at, r.get("iso3").trim(), r.get("name").trim(), r.get("region").trim(),
                            gdp, pop));
                });
        return List.copyOf(rows);
    }

    static List<ElectionRow> elections(Path file, Source referencedAt, String field, Problems problems) {
        List<ElectionRow> rows = new ArrayList<>();
        read(file, referencedAt, field, problems, List.of("iso3", "last_national_election",
                "next_scheduled_election", "term_years", "government_change_at_last"), (r, at) -> {
                    YearMonth last = month(r, "last_national_election", at, problems);
                    YearMonth next = month(r, "next_scheduled_election", at, problems);
                    String term = r.get("term_years").trim();
                    Integer years = null;
                    if (!term.isEmpty()) {
                        try {
                            years = Integer.parseInt(term);
                            if (years < 1) {
                                throw new NumberFormatException();
                            }
                        } catch (NumberFormatException e) {
                            problems.add(at, "term_years", "expected a whole number of years, got '" + term + "'");
                        }
                    }
                    String changed = r.get("government_change_at_last").trim();
                    if (!changed.equals("yes") && !changed.equals("no") && !changed.isEmpty()) {
                        problems.add(at, "government_change_at_last", "expected yes or no, got '" + changed + "'");
                    }
                    rows.add(new ElectionRow(at, r.get("iso3").trim(), last, next, years, changed.equals("yes")));
                });
        return List.copyOf(rows);
    }

    static List<EngagementRow> engagements(Path file, Source referencedAt, String field, Problems problems) {
        List<EngagementRow> rows = new ArrayList<>();
        read(file, referencedAt, field, problems, List.of("date", "iso3", "kind"), (r, at) -> {
            YearMonth m = month(r, "date", at, problems);
            if (m != null) {
                rows.add(new EngagementRow(at, m, r.get("iso3").trim(), r.get("kind").trim()));
            } else if (r.get("date").isBlank()) {
                problems.add(at, "date", "is required");
            }
        });
        return List.copyOf(rows);
    }

    interface RowReader {
        void read(CSVRecord row, Source at);
    }

    /**
     * Reads every table: through {@link InputFile} (a regular file of at most 20 MB, UTF-8, a
     * byte-order mark dropped), then as CSV with a header naming at least {@code columns}.
     */
    static void read(Path file, Source referencedAt, String field, Problems problems, List<String> columns,
            RowReader reader) {
        String text;
        try {
            text = InputFile.read(file, InputFile.Kind.TABLE);
        } catch (InputFile.Refused r) {
            problems.refused(r, referencedAt, field);
            return;
        }
        CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            Map<String, Integer> header = parser.getHeaderMap();
            List<String> missing = columns.stream().filter(c -> !header.containsKey(c)).toList();
            if (!missing.isEmpty()) {
                problems.add(new Source(file, 1, 1), "", "missing column(s) " + String.join(", ", missing));
                return;
            }
            for (CSVRecord row : parser) {
                // Line of the row's first character; the header is line 1.
                Source at = new Source(file, (int) row.getRecordNumber() + 1, 1);
                if (problems.tooMany(file)) {
                    // Not a table of this kind, or broken throughout: the listed problems say enough.
                    problems.stoppedReading(file, at.line());
                    break;
                }
                if (!row.isConsistent()) {
                    problems.add(at, "", "expected " + header.size() + " columns, got " + row.size());
                    continue;
                }
                reader.read(row, at);
            }
        } catch (IllegalArgumentException e) {
            // Commons CSV's message would quote the whole header row.
            problems.add(new Source(file, 1, 1), "", "cannot read as CSV: a column name in the header row is empty "
                    + "or repeated");
        } catch (IOException | IllegalStateException | java.io.UncheckedIOException e) {
            // Commons CSV's messages here name a line and position, not a cell's content.
            problems.add(new Source(file, 0, 0), "", "cannot read as CSV: " + e.getMessage());
        }
    }

    static double number(CSVRecord r, String column, Source at, Problems problems, boolean blankIsZero) {
        String v = r.get(column).trim();
        if (v.isEmpty()) {
            // A blank GDP means "not applicable" (the Holy See has no national accounts).
            if (!blankIsZero) {
                problems.add(at, column, "is required");
            }
            return 0.0;
        }
        try {
            double d = Double.parseDouble(v);
            if (!(d >= 0) || Double.isInfinite(d)) {
                problems.add(at, column, "must be a number at least 0, got '" + v + "'");
                return 0.0;
            }
            return d;
        } catch (NumberFormatException e) {
            problems.add(at, column, "expected a number, got '" + v + "'");
            return 0.0;
        }
    }

    private static YearMonth month(CSVRecord r, String column, Source at, Problems problems) {
        String v = r.get(column).trim();
        if (v.isEmpty()) {
            return null;
        }
        YearMonth m = Fields.parseMonth(v);
        if (m == null) {
            problems.add(at, column, "expected a month as YYYY-MM, got '" + v + "'");
        }
        return m;
    }
}
