package ballast.scenario;

import ballast.model.CountrySpec;
import ballast.model.Side;
import ballast.scenario.DataTables.ElectionRow;
import ballast.scenario.DataTables.StateRow;
import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YMap;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Builds the states of a scenario: every row of the {@code data.countries} table, with the election
 * calendar of {@code data.elections}, the {@code countryDefaults}, and each state's overrides under
 * {@code countries}.
 */
final class CountryReader {
    private CountryReader() {
    }

    /** The model attributes that a scenario sets per state or in {@code countryDefaults}. */
    private record Attributes(double prcExposure, double affinity, double offerSensitivity, double stance,
            double oppositionStance, double fragility, double governmentChangeProbability) {

        static Attributes read(Fields f, Attributes d) {
            return new Attributes(
                    f.number("prcExposure", d.prcExposure, 0, 1),
                    f.number("affinity", d.affinity, -10, 10),
                    f.number("offerSensitivity", d.offerSensitivity, 0, 10),
                    f.number("stance", d.stance, -1, 1),
                    f.number("oppositionStance", d.oppositionStance, -1, 1),
                    f.number("fragility", d.fragility, 0, 1),
                    f.number("governmentChangeProbability", d.governmentChangeProbability, 0, 1));
        }
    }

    static List<CountrySpec> read(Fields top, YearMonth start, Problems problems, List<Path> sources) {
        Fields data = top.object("data");
        if (data == null) {
            if (!top.has("data")) {
                problems.add(top.source(), "data", "is required (data.countries names the table of states)");
            }
            return List.of();
        }
        Map<String, StateRow> states = new LinkedHashMap<>();
        String statesPath = data.text("countries", true);
        if (statesPath != null) {
            Source at = data.node("countries").source();
            Path table = ScenarioLoader.relativeTo(at, statesPath);
            sources.add(table);
            for (StateRow row : DataTables.states(table, at, data.path("countries"), problems)) {
                if (!ScenarioLoader.ISO3.contains(row.code())) {
                    problems.add(row.source(), "iso3", "'" + row.code() + "' is not an ISO 3166-1 alpha-3 code");
                } else if (states.putIfAbsent(row.code(), row) != null) {
                    problems.add(row.source(), "iso3", "state " + row.code() + " appears twice");
                }
            }
        }
        Map<String, ElectionRow> elections = new HashMap<>();
        String electionsPath = data.text("elections", false);
        if (electionsPath != null) {
            Source at = data.node("elections").source();
            Path table = ScenarioLoader.relativeTo(at, electionsPath);
            sources.add(table);
            DataTables.elections(table, at, data.path("elections"), problems).forEach(r -> elections.put(r.code(), r));
        }
        data.finish();

        Attributes base = new Attributes(Defaults.PRC_EXPOSURE, Defaults.AFFINITY, Defaults.OFFER_SENSITIVITY,
                Defaults.STANCE, Defaults.OPPOSITION_STANCE, Defaults.FRAGILITY, Defaults.GOVERNMENT_CHANGE_PROBABILITY);
        Fields defaults = top.objectOrEmpty("countryDefaults");
        if (defaults != null) {
            base = Attributes.read(defaults, base);
            defaults.finish();
        }

        Map<String, Fields> overrides = new LinkedHashMap<>();
        Fields countries = top.object("countries");
        if (countries != null) {
            String where = "the states of " + (statesPath == null ? "data.countries" : statesPath);
            for (String code : ScenarioLoader.keys(countries.map())) {
                countries.node(code);
                if (ScenarioLoader.checkCountry(countries, code, code,
                        states.isEmpty() ? null : states.keySet(), where, true)) {
                    Fields f = countries.object(code);
                    if (f != null) {
                        overrides.put(code, f);
                    }
                }
            }
        }

        List<CountrySpec> specs = new ArrayList<>();
        for (StateRow row : states.values()) {
            Fields f = overrides.get(row.code());
            if (f == null) {
                // Read an empty mapping so the state's fields are known (to sweeps) with their defaults.
                f = new Fields(new YMap(countries != null ? countries.source() : top.source(),
                        new LinkedHashMap<>()), "countries." + row.code(), problems);
            }
            ElectionRow election = elections.get(row.code());
            CountrySpec spec = build(row, election, f, base);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return specs;
    }

    private static CountrySpec build(StateRow row, ElectionRow election, Fields f, Attributes base) {
        YearMonth next = election == null ? null : election.next();
        Integer termYears = election == null ? null : election.termYears();
        YearMonth lastChange = election != null && election.changedAtLast() ? election.last() : null;
        Boolean include = f.bool("include");
        Side side = ScenarioLoader.side(f.choice("side", ScenarioLoader.SIDES, false));
        String name = f.text("name", false);
        String region = f.text("region", false);
        double gdp = f.number("gdpUsdMillions", row.gdpUsdMillions(), 0, 1e9);
        double population = f.number("population", row.population(), 0, 1e10);
        Attributes a = Attributes.read(f, base);
        if (f.has("nextElection")) {
            next = f.month("nextElection", false);
        }
        if (f.has("termYears")) {
            termYears = (int) f.integer("termYears", 5, 1, 20, false);
        }
        if (f.has("lastGovernmentChange")) {
            lastChange = f.month("lastGovernmentChange", false);
        }
        f.finish();
        if (Boolean.FALSE.equals(include)) {
            return null;
        }
        return spec(row, name != null ? name : row.name(), region != null ? region : row.region(), gdp, population,
                side != null ? side : Side.ROC, a, next, termYears, lastChange);
    }

    private static CountrySpec spec(StateRow row, String name, String region, double gdp, double population,
            Side side, Attributes a, YearMonth next, Integer termYears, YearMonth lastChange) {
        return new CountrySpec(row.code(), name, region, gdp, population, side, a.prcExposure(), a.affinity(),
                a.offerSensitivity(), a.stance(), a.oppositionStance(), a.fragility(), a.governmentChangeProbability(),
                next, termYears == null ? 0 : termYears * 12, lastChange);
    }
}
