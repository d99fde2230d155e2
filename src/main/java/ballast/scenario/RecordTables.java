package ballast.scenario;

import ballast.model.Setting.TaipeiGovernment;
import ballast.model.Side;
import ballast.model.YearlyData;
import ballast.scenario.YNode.Source;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.csv.CSVRecord;

/**
 * Reads the tables of the historical record (see {@code scenarios/data/PANEL.md}): the state-year
 * panel, the recognition switches, the changes of government and Taipei's governments. A bad cell
 * is a {@link Problem} naming the table, its line and the column.
 */
final class RecordTables {
    private RecordTables() {
    }

    /**
     * One state of the panel: its name, sub-region, and yearly columns by year; {@code yearly} is the
     * same columns as series the model reads, built once the table is read (null while it is read).
     */
    record PanelState(String code, String name, String subregion, Map<Integer, Map<String, Double>> years,
            Map<Integer, Boolean> allyOnFirstJanuary, YearlyData yearly) {
    }

    /** A row of the switches table (any event type). */
    record SwitchRow(Source source, LocalDate date, String code, Side to, String eventType) {
        YearMonth month() {
            return YearMonth.from(date);
        }

        boolean isSwitch() {
            return eventType.equals("switch");
        }
    }

    /** A change of government: when, and whether it counts as a new government (a change of party or a coup). */
    record GovernmentChange(LocalDate date, String code, boolean newGovernment) {
    }

    /** The panel's columns that say which row it is, rather than a value of the state in that year. */
    static final List<String> PANEL_IDENTITY = List.of("iso3", "name", "year", "roc_ally_on_jan1", "subregion");
    /** The value columns the model's terms read; every other value column is read as well (see {@link #panel}). */
    static final List<String> PANEL_VALUES = List.of("gdp_usd_millions", "population", "us_free_association");

    static Map<String, PanelState> panel(Path file, Source referencedAt, String field, Problems problems) {
        Map<String, PanelState> states = new LinkedHashMap<>();
        List<String> columns = new ArrayList<>(PANEL_IDENTITY);
        columns.addAll(PANEL_VALUES);
        DataTables.read(file, referencedAt, field, problems, columns, (r, at) -> {
            String code = r.get("iso3").trim();
            Integer year = integer(r, "year", at, problems);
            if (year == null) {
                return;
            }
            PanelState s = states.computeIfAbsent(code, c -> new PanelState(c, r.get("name").trim(),
                    r.get("subregion").trim(), new TreeMap<>(), new TreeMap<>(), null));
            Map<String, Double> values = new LinkedHashMap<>();
            // Every value column becomes a yearly series (numbers; Y/N as 1/0; NA empty), so a term can read
            // a new column by its name: sources and notes are the only text columns.
            for (String c : r.toMap().keySet()) {
                if (PANEL_IDENTITY.contains(c) || c.endsWith("source") || c.endsWith("note")) {
                    continue;
                }
                String v = r.get(c).trim();
                if (v.equals("Y") || v.equals("N")) {
                    values.put(c, v.equals("Y") ? 1.0 : 0.0);
                } else if (v.equals("NA") || v.isEmpty()) {
                    values.put(c, Double.NaN);
                } else {
                    values.put(c, DataTables.number(r, c, at, problems, false));
                }
            }
            if (s.years().put(year, values) != null) {
                problems.add(at, "year", "state " + code + " has two rows for " + year);
            }
            String ally = r.get("roc_ally_on_jan1").trim();
            if (!ally.equals("Y") && !ally.equals("N")) {
                problems.add(at, "roc_ally_on_jan1", "expected Y or N, got '" + ally + "'");
            }
            s.allyOnFirstJanuary().put(year, ally.equals("Y"));
        });
        // Each state's years as the model reads them, built once with the table (every point of a design shares it).
        states.replaceAll((code, s) -> new PanelState(s.code(), s.name(), s.subregion(), s.years(),
                s.allyOnFirstJanuary(), History.yearly(s)));
        return java.util.Collections.unmodifiableMap(states);
    }

    static List<SwitchRow> switches(Path file, Source referencedAt, String field, Problems problems) {
        List<SwitchRow> rows = new ArrayList<>();
        DataTables.read(file, referencedAt, field, problems, List.of("date", "iso3", "direction", "event_type"),
                (r, at) -> {
                    LocalDate date = date(r, "date", at, problems);
                    String direction = r.get("direction").trim();
                    if (!direction.equals("to_prc") && !direction.equals("to_roc")) {
                        problems.add(at, "direction", "expected to_prc or to_roc, got '" + direction + "'");
                        return;
                    }
                    String type = r.get("event_type").trim();
                    if (!List.of("switch", "initial", "aborted").contains(type)) {
                        problems.add(at, "event_type", "expected switch, initial or aborted, got '" + type + "'");
                        return;
                    }
                    if (date != null) {
                        rows.add(new SwitchRow(at, date, r.get("iso3").trim(),
                                direction.equals("to_prc") ? Side.PRC : Side.ROC, type));
                    }
                });
        rows.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(rows);
    }

    static List<GovernmentChange> governmentChanges(Path file, Source referencedAt, String field, Problems problems) {
        List<GovernmentChange> rows = new ArrayList<>();
        DataTables.read(file, referencedAt, field, problems, List.of("iso3", "date", "how", "turnover"), (r, at) -> {
            LocalDate date = date(r, "date", at, problems);
            String turnover = r.get("turnover").trim();
            if (!List.of("Y", "N", "NA").contains(turnover)) {
                problems.add(at, "turnover", "expected Y, N or NA, got '" + turnover + "'");
                return;
            }
            if (date != null) {
                // Coded strictly: a change of party or bloc, or a coup.
                rows.add(new GovernmentChange(date, r.get("iso3").trim(),
                        turnover.equals("Y") || r.get("how").trim().equals("coup")));
            }
        });
        rows.sort((a, b) -> a.date().compareTo(b.date()));
        return List.copyOf(rows);
    }

    static List<TaipeiGovernment> taipeiGovernments(Path file, Source referencedAt, String field, Problems problems) {
        List<TaipeiGovernment> rows = new ArrayList<>();
        DataTables.read(file, referencedAt, field, problems,
                List.of("inauguration_date", "president", "party", "prc_posture"), (r, at) -> {
                    LocalDate date = date(r, "inauguration_date", at, problems);
                    String posture = r.get("prc_posture").trim();
                    if (!posture.equals("contest") && !posture.equals("truce")) {
                        problems.add(at, "prc_posture", "expected contest or truce, got '" + posture + "'");
                        return;
                    }
                    if (date != null) {
                        rows.add(new TaipeiGovernment(YearMonth.from(date), r.get("president").trim(),
                                r.get("party").trim(), posture.equals("truce")));
                    }
                });
        return List.copyOf(rows);
    }

    private static LocalDate date(CSVRecord r, String column, Source at, Problems problems) {
        String v = r.get(column).trim();
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problems.add(at, column, "expected a date as YYYY-MM-DD, got '" + v + "'");
            return null;
        }
    }

    private static Integer integer(CSVRecord r, String column, Source at, Problems problems) {
        String v = r.get(column).trim();
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problems.add(at, column, "expected a whole number, got '" + v + "'");
            return null;
        }
    }
}
