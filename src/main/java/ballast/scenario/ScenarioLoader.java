package ballast.scenario;

import ballast.model.CountrySpec;
import ballast.model.ModelParameters;
import ballast.model.PatronSpec;
import ballast.model.RuleDraws;
import ballast.model.RuleParameters;
import ballast.model.ScheduledEvent;
import ballast.model.Side;
import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YMap;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads and validates a scenario file (with what it {@code extends} and the data tables it names)
 * into a {@link Scenario}. Nothing runs and nothing is written if anything is wrong: every problem of
 * the file is collected and thrown together in a {@link ScenarioException}.
 *
 * <p>Typical use:
 * <pre>{@code
 * Scenario s = ScenarioLoader.load(Path.of("scenarios/baseline.yaml"));
 * RunResult r = new RecognitionModel(s.parameters()).run(seed);
 * }</pre>
 */
public final class ScenarioLoader {
    /** A scenario's name names its results folder: a safe folder name, never ".", ".." or a path. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,99}");
    private static final String NAME_RULE = "letters, digits, '.', '_' or '-', starting with a letter or digit, "
            + "at most 100 characters";
    static final Set<String> ISO3 = Set.copyOf(Locale.getISOCountries(Locale.IsoCountryCode.PART1_ALPHA3));
    static final List<String> SIDES = List.of("roc", "prc");

    private final Path file;
    private final Problems problems = new Problems();
    private final List<Path> sources = new ArrayList<>();
    private final TableCache tables;

    private ScenarioLoader(Path file, TableCache tables) {
        this.file = file;
        this.tables = tables;
    }

    /**
     * Loads and validates {@code file}.
     *
     * @throws ScenarioException listing every problem, each with file, line, column and field
     */
    public static Scenario load(Path file) throws ScenarioException {
        return new ScenarioLoader(file, TableCache.NONE).bind();
    }

    /** Reads {@code file} and what it extends into one merged tree, not yet validated. */
    static YMap readTree(Path file) throws ScenarioException {
        Problems problems = new Problems();
        YMap root = YamlFiles.readResolved(file, problems);
        problems.throwIfAny();
        return root;
    }

    /**
     * Validates a merged tree read from {@code file} (perhaps with values replaced, see
     * {@link ScenarioTemplate}); {@code numbers} receives every numeric field read, if not null.
     */
    static Scenario bind(Path file, YMap root, java.util.Map<String, NumericField> numbers, TableCache tables)
            throws ScenarioException {
        ScenarioLoader loader = new ScenarioLoader(file, tables);
        Scenario s = loader.bind(root);
        if (numbers != null) {
            numbers.putAll(loader.problems.numbers());
        }
        return s;
    }

    private Scenario bind() throws ScenarioException {
        return bind(readTree(file));
    }

    private Scenario bind(YMap root) throws ScenarioException {
        collectScenarioFiles(root);
        Fields top = new Fields(root, "", problems);
        String defaultName = file.getFileName().toString().replaceFirst("\\.ya?ml$", "");
        String name = top.text("name", false);
        YNode named = root.get("name");
        // A name comes from the file itself, not from what it extends: a variant of baseline.yaml
        // without a name line is not "baseline" (its results would go into baseline's folder).
        boolean inherited = named != null && !named.source().file().equals(root.source().file());
        if (inherited) {
            name = null;
        }
        if (name == null) {
            name = defaultName;
            if (!NAME.matcher(name).matches()) {
                problems.add(inherited || named == null ? root.source() : named.source(), "name",
                        "is required here: the file name '" + name + "' cannot name the results folder (" + NAME_RULE
                        + "); add a name: line");
            }
        } else if (!NAME.matcher(name).matches()) {
            top.problem("name", "must be " + NAME_RULE + " (it names the results folder), got '" + name + "'");
            name = defaultName;
        }
        top.text("description", false);
        long seed = top.integer("seed", Defaults.SEED, 0, Long.MAX_VALUE, false);
        YearMonth start = top.month("start", true);
        int horizon = (int) top.integer("horizonMonths", 120, 1, 1200, true);
        int tick = (int) top.integer("tickMonths", Defaults.TICK_MONTHS, 1, 12, false);
        if (horizon % tick != 0) {
            top.problem("horizonMonths", "must be a multiple of tickMonths (" + tick + "), got " + horizon);
        }
        RuleParameters rule = RuleReader.read(top.objectOrEmpty("rule"));
        Map<String, Double> points = engagementPoints(top.object("engagementPoints"));
        CountryReader.States states = CountryReader.read(top, start, problems, sources, tables);
        List<CountrySpec> countries = states.countries();
        // No states read (the table is missing or broken, already reported): check codes as ISO codes only.
        Set<String> codes = countries.isEmpty() ? null : new LinkedHashSet<>();
        countries.forEach(c -> codes.add(c.code()));
        YearMonth end = start == null ? null : start.plusMonths(horizon - 1L);
        List<ScheduledEvent> events = new ArrayList<>();
        Set<String> regions = new LinkedHashSet<>();
        countries.forEach(c -> regions.add(c.region()));
        List<PatronSpec> patrons = PatronReader.read(top, codes, regions, points, start, end, events, problems,
                sources, tables);
        EventReader.read(top, codes, regions, patrons, points, start, end, events, problems);
        Scenario.Record record = record(top.object("record"));
        Scenario.CalibrateSpec calibrate = CalibrationReader.spec(top.object("calibrate"));
        RuleDraws draws = CalibrationReader.draws(top, rule);
        top.node("extends");
        top.finish();
        problems.throwIfAny();
        try {
            ModelParameters parameters = new ModelParameters(name, start, horizon, tick, countries, patrons, rule,
                    events, states.setting(), draws);
            return new Scenario(name, file, seed, parameters, root.toPlain(), sources, record, calibrate);
        } catch (IllegalArgumentException e) {
            // The readers check everything the records check; this is a safety net, still one clear line.
            problems.add(root.source(), "", e.getMessage());
            problems.throwIfAny();
            throw new AssertionError(e);
        }
    }

    /** Records the scenario files that went into the merged tree (the root and what it extends). */
    private void collectScenarioFiles(YNode node) {
        Path f = node.source().file();
        if (!sources.contains(f)) {
            sources.add(f);
        }
        if (node instanceof YMap m) {
            m.entries().values().forEach(e -> collectScenarioFiles(e.value()));
        } else if (node instanceof YNode.YList l) {
            l.items().forEach(this::collectScenarioFiles);
        }
    }

    /** Reads the optional {@code record} section of a back-test scenario. */
    private Scenario.Record record(Fields f) {
        if (f == null) {
            return null;
        }
        Path switches = table(f, "switches");
        Path allies = table(f, "alliesByYear");
        Path training = f.has("training") ? table(f, "training") : null;
        int from = 0;
        int to = 0;
        String rolling = f.text("rolling", false);
        if (rolling != null) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{4}):(\\d{4})").matcher(rolling.trim());
            if (m.matches() && Integer.parseInt(m.group(1)) <= Integer.parseInt(m.group(2))) {
                from = Integer.parseInt(m.group(1));
                to = Integer.parseInt(m.group(2));
            } else {
                f.problem("rolling", "expected the years of one-year-ahead forecasts as FROM:TO, e.g. 2008:2024, got '"
                        + rolling + "'");
            }
        }
        f.finish();
        return switches == null || allies == null ? null : new Scenario.Record(switches, allies, training, from, to);
    }

    /**
     * Reads a required data-table path, relative to the file it is written in; checks it as
     * {@link InputFile} will when the table is read (a regular file within the size limit).
     */
    private Path table(Fields f, String key) {
        String path = f.text(key, true);
        if (path == null) {
            return null;
        }
        Path table = relativeTo(f.node(key).source(), path);
        try {
            InputFile.check(table, InputFile.Kind.TABLE);
        } catch (InputFile.Refused r) {
            f.problem(key, r.withName());
            return null;
        }
        sources.add(table);
        return table;
    }

    private Map<String, Double> engagementPoints(Fields f) {
        Map<String, Double> points = Defaults.engagementPoints();
        if (f == null) {
            return points;
        }
        for (String kind : f.map().entries().keySet()) {
            double v = f.number(kind, Double.NaN, 0, 100);
            if (!Double.isNaN(v)) {
                points.put(kind, v);
            }
        }
        return points;
    }

    /** Resolves a path written in a scenario relative to the file it is written in. */
    static Path relativeTo(Source at, String path) {
        Path dir = at.file().getParent();
        return (dir == null ? Path.of(path) : dir.resolve(path)).normalize();
    }

    static Side side(String code) {
        return code == null ? null : Side.valueOf(code.toUpperCase(Locale.ROOT));
    }

    /**
     * Checks a state code used in a scenario; returns false (with a problem) if it is not one of
     * {@code codes}, or when {@code codes} is null (the states are unknown) not an ISO code.
     * {@code asKey} says whether the code is a key (under {@code countries}) or a value.
     */
    static boolean checkCountry(Fields f, String key, String code, Set<String> codes, String where, boolean asKey) {
        if (codes == null ? ISO3.contains(code) : codes.contains(code)) {
            return true;
        }
        if (codes == null) {
            codes = Set.of();
        }
        String message = !ISO3.contains(code)
                ? "unknown country code '" + code + "': not an ISO 3166-1 alpha-3 code" + Fields.suggestion(code, codes)
                : "unknown country code '" + code + "': not one of " + where;
        if (asKey) {
            f.keyProblem(key, message);
        } else {
            f.problem(key, message);
        }
        return false;
    }

    /** Returns a map's keys as a list, in file order. */
    static List<String> keys(YMap map) {
        return new ArrayList<>(map.entries().keySet());
    }
}
