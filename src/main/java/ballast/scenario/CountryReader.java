package ballast.scenario;

import ballast.model.CountrySpec;
import ballast.model.Setting;
import ballast.model.Setting.TaipeiGovernment;
import ballast.model.Side;
import ballast.model.StateRecord;
import ballast.model.YearlyData;
import ballast.scenario.RecordTables.GovernmentChange;
import ballast.scenario.RecordTables.PanelState;
import ballast.scenario.RecordTables.SwitchRow;
import ballast.scenario.DataTables.ElectionRow;
import ballast.scenario.DataTables.StateRow;
import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YMap;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

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

    /** The states of a scenario and its historical setting. */
    record States(List<CountrySpec> countries, Setting setting) {
    }

    static States read(Fields top, YearMonth start, Problems problems, List<Path> sources, TableCache cache) {
        Fields data = top.object("data");
        if (data == null) {
            if (!top.has("data")) {
                problems.add(top.source(), "data", "is required (data.countries or data.panel names the table of states)");
            }
            return new States(List.of(), Setting.NONE);
        }
        Map<String, StateRow> states = new LinkedHashMap<>();
        String statesPath = data.text("countries", false);
        if (statesPath != null) {
            Source at = data.node("countries").source();
            Path table = ScenarioLoader.relativeTo(at, statesPath);
            sources.add(table);
            for (StateRow row : read(cache, data, "countries", table, problems, DataTables::states)) {
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
            read(cache, data, "elections", table, problems, DataTables::elections)
                    .forEach(r -> elections.put(r.code(), r));
        }
        History history = history(top, data, start, problems, sources, cache);
        String which = data.choice("states", List.of("allies", "all"), false);
        if (statesPath == null) {
            if (history == null || history.panel == null || history.switches == null) {
                if (!problems.isEmpty() && (data.has("panel") || data.has("switches"))) {
                    // the tables are broken, already reported
                } else {
                    problems.add(data.source(), "data.countries", "is required unless data.panel and data.switches "
                            + "name the state-year panel and the switches (the states are then those of the panel with "
                            + "Taipei at the start)");
                }
            } else if (start != null) {
                for (String code : history.statesAtStart("all".equals(which))) {
                    PanelState p = history.panel.get(code);
                    YearlyData y = p.yearly();
                    int year = start.getYear() - 1;
                    states.put(code, new StateRow(data.node("panel").source(), code, p.name(), p.subregion(),
                            y.value(YearlyData.GDP, year, 0.0), y.value(YearlyData.POPULATION, year, 0.0)));
                }
            }
        } else if (which != null) {
            data.problem("states", "applies only to states taken from data.panel; remove it or data.countries");
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
            String where = "the states of " + (statesPath == null ? "the scenario" : statesPath);
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
            CountrySpec spec = build(row, election, f, base, history, statesPath == null);
            if (spec != null) {
                specs.add(spec);
            }
        }
        return new States(specs, history == null ? Setting.NONE : history.setting());
    }

    /** Reads the tables of the historical record that {@code data} names, and {@code knownAfterStart}. */
    private static History history(Fields top, Fields data, YearMonth start, Problems problems, List<Path> sources,
            TableCache cache) {
        Map<String, PanelState> panel = null;
        List<SwitchRow> switches = null;
        List<GovernmentChange> changes = null;
        List<TaipeiGovernment> taipei = null;
        String path = data.text("panel", false);
        if (path != null) {
            Path table = table(data, "panel", path, sources);
            panel = read(cache, data, "panel", table, problems, RecordTables::panel);
        }
        path = data.text("switches", false);
        if (path != null) {
            Path table = table(data, "switches", path, sources);
            switches = read(cache, data, "switches", table, problems, RecordTables::switches);
        }
        path = data.text("governmentChanges", false);
        if (path != null) {
            Path table = table(data, "governmentChanges", path, sources);
            changes = read(cache, data, "governmentChanges", table, problems, RecordTables::governmentChanges);
        }
        path = data.text("taipeiGovernments", false);
        if (path != null) {
            Path table = table(data, "taipeiGovernments", path, sources);
            taipei = read(cache, data, "taipeiGovernments", table, problems, RecordTables::taipeiGovernments);
        }
        Set<String> known = new LinkedHashSet<>();
        YList list = top.list("knownAfterStart");
        if (list != null) {
            for (YNode item : list.items()) {
                String v = item instanceof YNode.YScalar sc && sc.kind() == YNode.YScalar.Kind.STRING ? sc.text() : null;
                if (v == null || !History.KNOWABLE.contains(v)) {
                    problems.add(item.source(), "knownAfterStart", "expected one of " + String.join(", ",
                            History.KNOWABLE) + ", got " + item.describe());
                } else {
                    known.add(v);
                }
            }
        }
        if (start == null || panel == null && switches == null && changes == null && taipei == null) {
            return null;
        }
        return new History(start, known, panel, switches, changes, taipei);
    }

    /** A reader of {@link DataTables} or {@link RecordTables}: the file, where the scenario names it, its field. */
    private interface TableReader<T> {
        T read(Path file, Source referencedAt, String field, Problems problems);
    }

    /** Reads the table {@code data.key} names (at {@code file}) with {@code reader}, or takes it from {@code cache}. */
    private static <T> T read(TableCache cache, Fields data, String key, Path file, Problems problems,
            TableReader<T> reader) {
        Source at = data.node(key).source();
        String field = data.path(key);
        return cache.get(key, file, problems, () -> reader.read(file, at, field, problems));
    }

    private static Path table(Fields data, String key, String path, List<Path> sources) {
        Path table = ScenarioLoader.relativeTo(data.node(key).source(), path);
        sources.add(table);
        return table;
    }

    private static CountrySpec build(StateRow row, ElectionRow election, Fields f, Attributes base, History history,
            boolean fromPanel) {
        YearMonth next = election == null ? null : election.next();
        Integer termYears = election == null ? null : election.termYears();
        YearMonth lastChange = election != null && election.changedAtLast() ? election.last() : null;
        StateRecord record = history == null ? StateRecord.NONE : history.record(row.code());
        if (history != null && history.governmentChanges != null) {
            // The record of changes of government, coded strictly, says when the last new government came.
            lastChange = history.lastChangeBeforeStart(row.code());
        }
        Side recorded = fromPanel ? history.sideAtStart(row.code()) : null;
        String panelRegion = history != null && history.panel != null && history.panel.containsKey(row.code())
                ? history.panel.get(row.code()).subregion() : null;
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
        String useRegion = region != null ? region : panelRegion != null ? panelRegion : row.region();
        Side useSide = side != null ? side : recorded != null ? recorded : Side.ROC;
        return new CountrySpec(row.code(), name != null ? name : row.name(), useRegion, gdp, population, useSide,
                a.prcExposure(), a.affinity(), a.offerSensitivity(), a.stance(), a.oppositionStance(), a.fragility(),
                a.governmentChangeProbability(), next, termYears == null ? 0 : termYears * 12, lastChange, record);
    }
}
