package ballast.output.table;

import ballast.experiment.BatchSummary;
import ballast.model.ModelParameters;
import ballast.model.MoneyKind;
import ballast.model.MoneyRecord;
import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.apache.commons.csv.CSVPrinter;

/**
 * Writes a batch's money tables: what each patron spent on each state, as mean yearly rates over
 * runs and months (US$ millions a year) and mean engagement points a year, over the whole horizon
 * ({@value #MONEY}) and by calendar year ({@value #MONEY_BY_YEAR}). A month in which a state was on
 * the other side counts as 0 for the kind it did not get (a recogniser's offer while the state
 * recognised it), so the kinds of one patron and state add up to what the patron spent on it.
 */
public final class MoneyTables {
    public static final String MONEY = "money.csv";
    public static final String MONEY_BY_YEAR = "money_by_year.csv";

    private MoneyTables() {
    }

    /** Writes both tables into {@code dir}. */
    public static void write(BatchSummary s, ModelParameters p, Path dir) throws IOException {
        writeMoney(s, p, dir.resolve(MONEY));
        writeMoneyByYear(s, p, dir.resolve(MONEY_BY_YEAR));
    }

    /** The kinds of money a patron of {@code role} gives, in table order. */
    static List<MoneyKind> kinds(PatronRole role) {
        return switch (role) {
            case RECOGNISER -> List.of(MoneyKind.OFFER, MoneyKind.AID);
            case PARTNER -> List.of(MoneyKind.ENGAGEMENT);
            case BACKER -> List.of();
        };
    }

    static void writeMoney(BatchSummary s, ModelParameters p, Path file) throws IOException {
        long runs = s.replications();
        double years = p.ticks() * p.dtYears();
        try (CSVPrinter csv = BatchTables.printer(file)) {
            csv.printRecord("patron", "country", "kind", "replications", "usd_millions_per_year_mean",
                    "points_per_year_mean");
            for (int k = 0; k < p.patrons().size(); k++) {
                PatronSpec patron = p.patrons().get(k);
                for (int i = 0; i < s.states(); i++) {
                    for (MoneyKind kind : kinds(patron.role())) {
                        double usd = 0;
                        double points = 0;
                        for (int y = 0; y < s.moneyYears(); y++) {
                            usd += s.moneyUsdSum(y, k, i, kind);
                            points += s.moneyPointsSum(y, k, i);
                        }
                        csv.printRecord(patron.id(), p.countries().get(i).code(), kind.code(), runs,
                                BatchTables.fixed(usd / runs / p.ticks()),
                                kind == MoneyKind.ENGAGEMENT ? BatchTables.fixed(points / runs / years) : "NA");
                    }
                }
            }
        }
    }

    static void writeMoneyByYear(BatchSummary s, ModelParameters p, Path file) throws IOException {
        long runs = s.replications();
        int[] ticksInYear = new int[s.moneyYears()];
        for (int t = 0; t < p.ticks(); t++) {
            ticksInYear[MoneyRecord.yearOf(p, t)]++;
        }
        try (CSVPrinter csv = BatchTables.printer(file)) {
            csv.printRecord("year", "months", "patron", "country", "kind", "usd_millions_per_year_mean",
                    "points_per_year_mean");
            for (int y = 0; y < s.moneyYears(); y++) {
                int ticks = ticksInYear[y];
                for (int k = 0; k < p.patrons().size(); k++) {
                    PatronSpec patron = p.patrons().get(k);
                    for (int i = 0; i < s.states(); i++) {
                        for (MoneyKind kind : kinds(patron.role())) {
                            csv.printRecord(p.start().getYear() + y, ticks * p.tickMonths(), patron.id(),
                                    p.countries().get(i).code(), kind.code(),
                                    BatchTables.fixed(s.moneyUsdSum(y, k, i, kind) / runs / ticks),
                                    kind == MoneyKind.ENGAGEMENT
                                            ? BatchTables.fixed(s.moneyPointsSum(y, k, i) / runs / (ticks * p.dtYears()))
                                            : "NA");
                        }
                    }
                }
            }
        }
    }
}
