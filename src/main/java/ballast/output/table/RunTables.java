package ballast.output.table;

import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import ballast.model.RunEvent;
import ballast.model.RunResult;
import ballast.model.SwitchEvent;
import ballast.model.Term;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes one replication's tables: {@code allies.csv} (the monthly path), {@code switches.csv}
 * (every switch with its terms), {@code money.csv} (what each patron spent on each state each month)
 * and {@code events.csv} (the event log). Column order is fixed, numbers use {@link Locale#ROOT},
 * lines end in {@code \n}, and nothing time-dependent goes in, so the same run gives the same bytes.
 */
public final class RunTables {
    public static final String ALLIES = "allies.csv";
    public static final String SWITCHES = "switches.csv";
    public static final String MONEY = "money.csv";
    public static final String EVENTS = "events.csv";

    private static final CSVFormat FORMAT = CSVFormat.RFC4180.builder().setRecordSeparator('\n').build();

    private RunTables() {
    }

    /** Writes every table into {@code dir}. */
    public static void write(RunResult result, Path dir) throws IOException {
        writeAllies(result, dir.resolve(ALLIES));
        writeSwitches(result, dir.resolve(SWITCHES));
        writeMoney(result, dir.resolve(MONEY));
        writeEvents(result, dir.resolve(EVENTS));
    }

    /**
     * Writes the money: one row per month, patron and state, for every recogniser and partner:
     * {@code kind} is a recogniser's {@code offer} (the state recognises its rival) or {@code aid} (the
     * state recognises it), or a partner's {@code engagement}; {@code usd_millions_per_year} is what it
     * spent on the state that month as a yearly rate; {@code points} the engagement points a partner
     * added that month (bought or scheduled, after its scale), {@code NA} for offers and aid.
     */
    public static void writeMoney(RunResult result, Path file) throws IOException {
        ModelParameters p = result.parameters();
        MoneyRecord m = result.money();
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord("month", "patron", "country", "kind", "usd_millions_per_year", "points");
            for (int t = 0; t < m.ticks(); t++) {
                for (int k = 0; k < m.patrons(); k++) {
                    for (int i = 0; i < m.states(); i++) {
                        MoneyKind kind = m.kind(t, k, i);
                        if (kind != null) {
                            csv.printRecord(p.monthOf(t), p.patrons().get(k).id(), p.countries().get(i).code(),
                                    kind.code(), number(m.usdMillionsPerYear(t, k, i)),
                                    kind == MoneyKind.ENGAGEMENT ? number(m.points(t, k, i)) : "NA");
                        }
                    }
                }
            }
            csv.flush();
        }
    }

    /**
     * Writes the event log, in the order things happened: {@code month, event, country, patron,
     * detail, value, note} (see {@link RunEvent}); {@code NA} where a value does not apply.
     */
    public static void writeEvents(RunResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            CSVPrinter csv = new CSVPrinter(w, FORMAT);
            csv.printRecord("month", "event", "country", "patron", "detail", "value", "note");
            for (RunEvent e : result.events()) {
                csv.printRecord(e.month(), e.event(), e.country(), e.patron(), e.detail(),
                        Double.isNaN(e.value()) ? "NA" : number(e.value()), e.note());
            }
            csv.flush();
        }
    }

    /**
     * Writes the monthly path: month, allies of each side, and the shares of the group's GDP and
     * population with Taipei at the end of that month.
     */
    public static void writeAllies(RunResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeAlliesRows(result, -1, w, true);
        }
    }

    /**
     * Writes every switch: month, state, direction, hazard in that tick, summed pull and ballast, and
     * each term of pull and ballast (see {@link Term}).
     */
    public static void writeSwitches(RunResult result, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            writeSwitchRows(result, -1, w, true);
        }
    }

    /**
     * Writes the rows of {@code allies.csv} to {@code w}, with a leading {@code replication} column
     * when {@code replication} is 0 or more, and the header first if {@code header}.
     */
    public static void writeAlliesRows(RunResult result, long replication, Writer w, boolean header)
            throws IOException {
        ModelParameters p = result.parameters();
        int states = p.countries().size();
        int[] allies = result.rocAllies();
        double[] gdp = result.rocGdpShare();
        double[] population = result.rocPopulationShare();
        CSVPrinter csv = new CSVPrinter(w, FORMAT);
        if (header) {
            csv.printRecord(withReplication(replication, List.of("month", "roc_allies", "prc_recognisers",
                    "roc_gdp_share", "roc_population_share"), "replication"));
        }
        for (int t = 0; t < allies.length; t++) {
            csv.printRecord(withReplication(replication, List.of(p.lastMonthOf(t), allies[t], states - allies[t],
                    share(gdp[t]), share(population[t])), replication));
        }
        csv.flush();
    }

    /** Writes the rows of {@code switches.csv} to {@code w}, as {@link #writeAlliesRows} does. */
    public static void writeSwitchRows(RunResult result, long replication, Writer w, boolean header)
            throws IOException {
        CSVPrinter csv = new CSVPrinter(w, FORMAT);
        if (header) {
            List<Object> names = new ArrayList<>(List.of("month", "country", "from", "to", "hazard", "pull",
                    "ballast"));
            for (Term t : Term.values()) {
                names.add(t.column());
            }
            csv.printRecord(withReplication(replication, names, "replication"));
        }
        for (SwitchEvent e : result.switches()) {
            List<Object> row = new ArrayList<>(List.of(e.month(), e.country(), e.from().code(), e.to().code(),
                    number(e.hazard()), number(e.pull()), number(e.ballast())));
            for (Term t : Term.values()) {
                row.add(number(e.term(t)));
            }
            csv.printRecord(withReplication(replication, row, replication));
        }
        csv.flush();
    }

    private static List<Object> withReplication(long replication, List<?> row, Object first) {
        List<Object> out = new ArrayList<>(row.size() + 1);
        if (replication >= 0) {
            out.add(first);
        }
        out.addAll(row);
        return out;
    }

    /** Formats a share in [0, 1] with six decimals. */
    static String share(double v) {
        return String.format(Locale.ROOT, "%.6f", v);
    }

    /** Formats a term or hazard with six decimals; -0 is written as 0. */
    static String number(double v) {
        return String.format(Locale.ROOT, "%.6f", v == 0.0 ? 0.0 : v);
    }

}
