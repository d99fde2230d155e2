package ballast.scenario;

import ballast.model.Targets;
import ballast.scenario.YNode.YList;
import ballast.scenario.YNode.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads what aims a patron at named states, in a patron's definition and in a patron event:
 * {@code targets: {include: [PRY, GTM]}} or {@code targets: {exclude: [PRY]}} (states by ISO3 code, or
 * regions of the countries table, e.g. {@code pacific}; a name of three capital letters is a code),
 * and {@code earmarks: {HTI: 40}} (US$ millions a year for a state, on top of the budget).
 */
final class AimReader {
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z]{3}");

    private AimReader() {
    }

    /**
     * Reads {@code targets} from {@code f}; null if absent or wrong (with problems). {@code codes} and
     * {@code regions} are the scenario's (null when the states are unknown: then codes are checked as
     * ISO codes only).
     */
    static Targets targets(Fields f, Set<String> codes, Set<String> regions, Problems problems) {
        Fields t = f.object("targets");
        if (t == null) {
            return null;
        }
        boolean include = t.has("include");
        boolean exclude = t.has("exclude");
        t.finish();
        if (include && exclude) {
            t.problem("exclude", "give include or exclude, not both (include: only the states named; "
                    + "exclude: every state but those)");
            return null;
        }
        if (!include && !exclude) {
            if (t.map().entries().isEmpty()) { // otherwise finish() has named the misspelt key
                f.problem("targets", "give include: [states or regions] or exclude: [states or regions]");
            }
            return null;
        }
        String mode = include ? "include" : "exclude";
        YList list = t.list(mode);
        if (list == null) {
            if (t.node(mode) instanceof YScalar) {
                t.problem(mode, "expected a list, e.g. [PRY, GTM], got " + t.node(mode).describe());
            }
            return null;
        }
        List<String> names = new ArrayList<>();
        boolean ok = true;
        for (int i = 0; i < list.items().size(); i++) {
            YNode item = list.items().get(i);
            String path = t.path(mode) + "[" + i + "]";
            String name = item instanceof YScalar s && s.kind() == YScalar.Kind.STRING ? s.text() : null;
            if (name == null) {
                problems.add(item.source(), path, "expected a state's ISO3 code or a region, got " + item.describe());
                ok = false;
            } else if (!knownName(name, codes, regions)) {
                problems.add(item.source(), path, unknownName(name, codes, regions));
                ok = false;
            } else {
                names.add(name);
            }
        }
        return ok ? new Targets(include, names) : null;
    }

    /** Whether {@code name} names a state (three capital letters: an ISO3 code) rather than a region. */
    private static boolean isCode(String name) {
        return CODE.matcher(name).matches();
    }

    private static boolean knownName(String name, Set<String> codes, Set<String> regions) {
        if (isCode(name)) {
            return codes == null ? ScenarioLoader.ISO3.contains(name) : codes.contains(name);
        }
        return codes == null || regions.contains(name); // states unknown (already reported): regions too
    }

    private static String unknownName(String name, Set<String> codes, Set<String> regions) {
        if (isCode(name)) {
            return unknownState(name, codes);
        }
        List<String> known = new ArrayList<>(codes == null ? Set.of() : codes);
        known.addAll(regions == null ? Set.of() : regions);
        return "'" + name + "' is neither a state nor a region of the scenario" + Fields.suggestion(name, known)
                + "; regions: " + String.join(", ", regions == null ? Set.of() : regions);
    }

    private static String unknownState(String code, Set<String> codes) {
        Set<String> known = codes == null ? Set.of() : codes;
        String suggestion = Fields.suggestion(code, known);
        return ScenarioLoader.ISO3.contains(code)
                ? "'" + code + "' is not one of the scenario's states (" + String.join(", ", known) + ")" + suggestion
                : "unknown country code '" + code + "': not an ISO 3166-1 alpha-3 code" + suggestion;
    }

    /**
     * Reads {@code earmarks} (state code to US$ millions a year) from {@code f}; an empty map if absent,
     * null if anything in it is wrong (with problems).
     */
    static Map<String, Double> earmarks(Fields f, Set<String> codes, Problems problems) {
        Fields e = f.object("earmarks");
        Map<String, Double> earmarks = new LinkedHashMap<>();
        if (e == null) {
            return f.has("earmarks") && !(f.node("earmarks") instanceof YScalar s && s.kind() == YScalar.Kind.NULL)
                    ? null : earmarks;
        }
        int before = problems.size();
        for (String code : ScenarioLoader.keys(e.map())) {
            e.node(code);
            if (codes == null ? ScenarioLoader.ISO3.contains(code) : codes.contains(code)) {
                double amount = e.number(code, Double.NaN, 0, 1e7, true);
                if (!Double.isNaN(amount)) {
                    earmarks.put(code, amount);
                }
            } else {
                e.keyProblem(code, unknownState(code, codes));
            }
        }
        return problems.size() > before ? null : earmarks;
    }
}
