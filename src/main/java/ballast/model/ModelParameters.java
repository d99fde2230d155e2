package ballast.model;

import java.time.YearMonth;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Everything the model needs to run one world, kept apart from how it is run (seed, threads).
 *
 * @param name scenario name, used for result folders
 * @param start first simulated month
 * @param horizonMonths months simulated, &ge; 1, a multiple of {@code tickMonths}
 * @param tickMonths months per tick, &ge; 1
 * @param countries the states, in table order
 * @param patrons the external actors, in the order they act within a tick
 * @param rule weights and rates of the decision rule
 * @param events scheduled events, in month order
 * @param setting Taipei's governments and the switches before the start ({@link Setting#NONE} if none)
 * @param draws the calibration's uncertainty, if each replication draws its own parameters; else null
 */
public record ModelParameters(
        String name,
        YearMonth start,
        int horizonMonths,
        int tickMonths,
        List<CountrySpec> countries,
        List<PatronSpec> patrons,
        RuleParameters rule,
        List<ScheduledEvent> events,
        Setting setting,
        RuleDraws draws) {

    public ModelParameters {
        Checks.present("setting", setting);
        Checks.present("name", name);
        Checks.present("start", start);
        Checks.present("rule", rule);
        if (tickMonths < 1) {
            throw new IllegalArgumentException("tickMonths must be at least 1, got " + tickMonths);
        }
        if (horizonMonths < 1 || horizonMonths % tickMonths != 0) {
            throw new IllegalArgumentException("horizonMonths must be a positive multiple of tickMonths ("
                    + tickMonths + "), got " + horizonMonths);
        }
        countries = List.copyOf(countries);
        patrons = List.copyOf(patrons);
        events = events.stream().sorted(java.util.Comparator.comparing(ScheduledEvent::month)).toList();
        if (countries.isEmpty()) {
            throw new IllegalArgumentException("a scenario needs at least one country");
        }
        Set<String> codes = new HashSet<>();
        for (CountrySpec c : countries) {
            if (!codes.add(c.code())) {
                throw new IllegalArgumentException("country " + c.code() + " appears twice");
            }
        }
        double gdp = countries.stream().mapToDouble(CountrySpec::gdpUsdMillions).sum();
        double population = countries.stream().mapToDouble(CountrySpec::population).sum();
        if (!(gdp > 0) || !(population > 0)) {
            throw new IllegalArgumentException("the states' total GDP and population must be positive");
        }
        Set<String> ids = new HashSet<>();
        for (Side side : Side.values()) {
            long recognisers = patrons.stream()
                    .filter(p -> p.role() == PatronRole.RECOGNISER && p.side() == side).count();
            if (recognisers != 1) {
                throw new IllegalArgumentException("a scenario needs exactly one recogniser patron on side "
                        + side.code() + ", got " + recognisers);
            }
        }
        Set<String> regions = new HashSet<>();
        countries.forEach(c -> regions.add(c.region()));
        for (PatronSpec p : patrons) {
            if (!ids.add(p.id())) {
                throw new IllegalArgumentException("patron " + p.id() + " appears twice");
            }
            checkAims(p.id(), p.targets(), p.earmarksUsdMillionsPerYear(), codes, regions);
        }
        for (ScheduledEvent e : events) {
            if (e.month().isBefore(start) && !(e instanceof ScheduledEvent.Engagement)) {
                throw new IllegalArgumentException("event in " + e.month() + " is before the start " + start);
            }
            String country = e instanceof ScheduledEvent.Election el ? el.country()
                    : e instanceof ScheduledEvent.Engagement en ? en.country()
                    : e instanceof ScheduledEvent.Shock s ? s.country()
                    : null;
            if (country != null && !codes.contains(country)) {
                throw new IllegalArgumentException("event in " + e.month() + " names unknown country " + country);
            }
            String patron = e instanceof ScheduledEvent.Engagement en ? en.patron()
                    : e instanceof ScheduledEvent.PatronChange pc ? pc.patron()
                    : null;
            if (patron != null && !ids.contains(patron)) {
                throw new IllegalArgumentException("event in " + e.month() + " names unknown patron " + patron);
            }
            if (e instanceof ScheduledEvent.PatronChange pc) {
                checkAims(pc.patron(), pc.targets(), pc.earmarks(), codes, regions);
                PatronRole role = patrons.stream().filter(p -> p.id().equals(pc.patron())).findFirst().orElseThrow()
                        .role();
                if (role == PatronRole.BACKER && !pc.earmarks().isEmpty()) {
                    throw new IllegalArgumentException("event in " + e.month() + " gives backer " + pc.patron()
                            + " earmarks; a backer spends no money");
                }
            }
        }
    }

    /** Checks that a patron's targets name states or regions of the scenario and its earmarks states. */
    private static void checkAims(String patron, Targets targets, java.util.Map<String, Double> earmarks,
            Set<String> codes, Set<String> regions) {
        if (targets != null) {
            for (String name : targets.names()) {
                if (!codes.contains(name) && !regions.contains(name)) {
                    throw new IllegalArgumentException("patron " + patron + " targets " + name
                            + ", which is neither a state nor a region of this scenario");
                }
            }
        }
        for (String code : earmarks.keySet()) {
            if (!codes.contains(code)) {
                throw new IllegalArgumentException("patron " + patron + " earmarks money for " + code
                        + ", which is not a state of this scenario");
            }
        }
    }

    /** A world with no historical setting. */
    public ModelParameters(String name, YearMonth start, int horizonMonths, int tickMonths, List<CountrySpec> countries,
            List<PatronSpec> patrons, RuleParameters rule, List<ScheduledEvent> events) {
        this(name, start, horizonMonths, tickMonths, countries, patrons, rule, events, Setting.NONE, null);
    }

    /** A world whose replications all use {@code rule}. */
    public ModelParameters(String name, YearMonth start, int horizonMonths, int tickMonths, List<CountrySpec> countries,
            List<PatronSpec> patrons, RuleParameters rule, List<ScheduledEvent> events, Setting setting) {
        this(name, start, horizonMonths, tickMonths, countries, patrons, rule, events, setting, null);
    }

    /** Returns a copy with another decision rule. */
    public ModelParameters withRule(RuleParameters newRule) {
        return new ModelParameters(name, start, horizonMonths, tickMonths, countries, patrons, newRule, events, setting,
                draws);
    }

    /** Returns the number of ticks simulated. */
    public int ticks() {
        return horizonMonths / tickMonths;
    }

    /** Returns the length of one tick in years. */
    public double dtYears() {
        return tickMonths / 12.0;
    }

    /** Returns the month that tick {@code t} simulates. */
    public YearMonth monthOf(int tick) {
        return start.plusMonths((long) tick * tickMonths);
    }

    /**
     * Returns the last month tick {@code t} simulates, at whose end its state is observed: the month
     * its rows are labelled with (with {@code tickMonths: 3} the first tick of a July start ends in
     * September, and the last tick in the scenario's last month).
     */
    public YearMonth lastMonthOf(int tick) {
        return monthOf(tick).plusMonths(tickMonths - 1L);
    }

    /** Returns the tick in which {@code month} falls: negative before the start, &ge; ticks() after the end. */
    public int tickOf(YearMonth month) {
        long months = ChronoUnit.MONTHS.between(start, month);
        return (int) Math.floorDiv(months, tickMonths);
    }

    /** Returns the last simulated month. */
    public YearMonth end() {
        return start.plusMonths(horizonMonths - 1L);
    }
}
