package ballast.scenario;

import ballast.scenario.YNode.Source;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YMap;
import ballast.scenario.YNode.YScalar;
import ballast.shell.ShellWords;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * A scenario file read once, from which variants with some numeric fields replaced are validated
 * and built: the points of a sweep or of a sensitivity analysis. A field is named by its dotted path
 * in the file, e.g. {@code patrons.japan.budgetUsdMillionsPerYear}, {@code countries.HTI.fragility},
 * {@code rule.toPrcPerYear} or {@code events[2].budgetUsdMillionsPerYear}. A variant is checked
 * exactly as the file itself would be, so every bound and rule of the format still holds.
 */
public final class ScenarioTemplate {
    private static final Pattern SEGMENT = Pattern.compile("([^.\\[\\]]+)((?:\\[\\d+])*)");
    private static final Pattern INDEX = Pattern.compile("\\[(\\d+)]");

    private final Path file;
    private final YMap tree;
    private final Scenario scenario;
    private final Map<String, NumericField> fields;
    // The tables of states and of the record, read once for every variant (the files are the same;
    // only numbers change).
    private final TableCache tables;

    private ScenarioTemplate(Path file, YMap tree, Scenario scenario, Map<String, NumericField> fields,
            TableCache tables) {
        this.file = file;
        this.tree = tree;
        this.scenario = scenario;
        this.fields = Collections.unmodifiableMap(fields);
        this.tables = tables;
    }

    /**
     * Reads and validates {@code file}.
     *
     * @throws ScenarioException as {@link ScenarioLoader#load(Path)}
     */
    public static ScenarioTemplate read(Path file) throws ScenarioException {
        YMap tree = ScenarioLoader.readTree(file);
        Map<String, NumericField> fields = new LinkedHashMap<>();
        TableCache tables = TableCache.keeping();
        Scenario scenario = ScenarioLoader.bind(file, tree, fields, tables);
        fields.remove("seed"); // replications derive their seeds from it: not a model parameter
        return new ScenarioTemplate(file, tree, scenario, fields, tables);
    }

    /** Returns the scenario as the file gives it. */
    public Scenario scenario() {
        return scenario;
    }

    /** Returns every numeric field the scenario has, by path, with its bounds and value. */
    public Map<String, NumericField> fields() {
        return fields;
    }

    /**
     * Returns the field at {@code path}.
     *
     * @throws IllegalArgumentException naming the closest paths if there is no such numeric field
     */
    public NumericField field(String path) {
        NumericField f = fields.get(path);
        if (f == null) {
            List<String> close = closest(path);
            throw new IllegalArgumentException("'" + path + "' is not a numeric field of " + file
                    + (close.isEmpty() ? "" : " (did you mean " + String.join(" or ", close) + "?)")
                    + "; '" + ShellWords.command("ballast", "sweep", "--list-params", file) + "' lists them");
        }
        return f;
    }

    /**
     * Returns the scenario with the fields of {@code values} (path to value) replaced, validated
     * like the file itself.
     *
     * @throws ScenarioException if the variant breaks a rule of the format (a problem at the
     *     replaced field names its line in the file)
     */
    public Scenario with(Map<String, Double> values) throws ScenarioException {
        YMap t = tree;
        for (Map.Entry<String, Double> e : values.entrySet()) {
            NumericField f = field(e.getKey());
            t = (YMap) replace(t, segments(f.path()), 0, e.getValue(), t.source());
        }
        return ScenarioLoader.bind(file, t, null, tables).withSeed(scenario.seed());
    }

    /**
     * Returns the scenario started at {@code start} and run for {@code horizonMonths} (the rolling
     * forecasts of a back-test), validated like the file itself: the states, data and setting are
     * those of the new start.
     *
     * @throws ScenarioException if the variant breaks a rule of the format
     */
    public Scenario startingAt(java.time.YearMonth start, int horizonMonths) throws ScenarioException {
        LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>(tree.entries());
        YMap.Entry oldStart = entries.get("start");
        Source at = oldStart != null ? oldStart.value().source() : tree.source();
        entries.put("start", new YMap.Entry(oldStart != null ? oldStart.keySource() : at,
                new YScalar(at, start.toString(), YScalar.Kind.STRING)));
        YMap t = (YMap) replace(new YMap(tree.source(), entries), List.of("horizonMonths"), 0, horizonMonths,
                tree.source());
        return ScenarioLoader.bind(file, t, null, tables).withSeed(scenario.seed());
    }

    /** Splits {@code a.b[2].c} into keys and list indices: "a", "b", 2, "c". */
    private static List<Object> segments(String path) {
        List<Object> out = new ArrayList<>();
        for (String part : path.split("\\.")) {
            Matcher m = SEGMENT.matcher(part);
            if (!m.matches()) {
                throw new IllegalArgumentException("not a field path: " + path);
            }
            out.add(m.group(1));
            Matcher index = INDEX.matcher(m.group(2));
            while (index.find()) {
                out.add(Integer.parseInt(index.group(1)));
            }
        }
        return out;
    }

    /** Returns {@code node} with the value at {@code path[from..]} replaced; copies only the nodes on the path. */
    private static YNode replace(YNode node, List<Object> path, int from, double value, Source near) {
        if (from == path.size()) {
            Source at = node != null ? node.source() : near;
            boolean whole = value == Math.rint(value) && Math.abs(value) < 1e15;
            return whole ? new YScalar(at, Long.toString((long) value), YScalar.Kind.INT)
                    : new YScalar(at, Double.toString(value), YScalar.Kind.FLOAT);
        }
        Object key = path.get(from);
        if (key instanceof Integer i) {
            YList list = (YList) node; // the field was read, so the list and the item exist
            List<YNode> items = new ArrayList<>(list.items());
            items.set(i, replace(items.get(i), path, from + 1, value, list.source()));
            return new YList(list.source(), items);
        }
        // A mapping the file leaves out (e.g. no 'rule:' section) is created.
        YMap map = node instanceof YMap m ? m : new YMap(near, new LinkedHashMap<>());
        LinkedHashMap<String, YMap.Entry> entries = new LinkedHashMap<>(map.entries());
        YMap.Entry old = entries.get((String) key);
        YNode child = replace(old == null ? null : old.value(), path, from + 1, value, map.source());
        entries.put((String) key, new YMap.Entry(old == null ? map.source() : old.keySource(), child));
        return new YMap(map.source(), entries);
    }

    /** Returns up to three field paths close to {@code path}: same last key prefix first, then edit distance. */
    private List<String> closest(String path) {
        String lower = path.toLowerCase(Locale.ROOT);
        String last = lower.substring(lower.lastIndexOf('.') + 1);
        LevenshteinDistance distance = LevenshteinDistance.getDefaultInstance();
        record Scored(String path, int score) {
        }
        List<Scored> scored = new ArrayList<>();
        for (String candidate : fields.keySet()) {
            String c = candidate.toLowerCase(Locale.ROOT);
            String cLast = c.substring(c.lastIndexOf('.') + 1);
            String parent = lower.contains(".") ? lower.substring(0, lower.lastIndexOf('.')) : "";
            String cParent = c.contains(".") ? c.substring(0, c.lastIndexOf('.')) : "";
            int d = distance.apply(lower, c);
            if (!last.isEmpty() && cLast.startsWith(last)) {
                d = parent.equals(cParent) ? 0 : 1;  // "patrons.japan.budget", "rates.toPrc"
            }
            if (d <= Math.max(3, path.length() / 4)) {
                scored.add(new Scored(candidate, d));
            }
        }
        scored.sort(Comparator.comparingInt(Scored::score).thenComparing(Scored::path));
        int best = scored.isEmpty() ? 0 : scored.get(0).score();
        return scored.stream().filter(s -> s.score() == best).limit(3).map(s -> "'" + s.path() + "'").toList();
    }
}
