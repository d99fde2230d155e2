package ballast.output.table;

import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain labels with units for scenario field paths, the one source of parameter names for chart axes
 * and LaTeX tables: {@code patrons.japan.budgetUsdMillionsPerYear} is "Japan budget (US$ m/year)",
 * {@code countries.HTI.fragility} "HTI fragility (0–1)". CSV files keep the path itself (it is what
 * {@code --param} takes); a chart or a {@code .tex} table shows this label. Fields it has no wording
 * for are spelled out from their name ({@code engagementScale}: "engagement scale"), so no label is
 * ever a raw path.
 */
public final class ParameterLabels {
    private static final Map<String, String> PATRONS = Map.of("prc", "Beijing", "roc", "Taipei", "japan", "Japan",
            "usa", "US");
    /** Wording of fields whose spelled-out name would be unclear; units in brackets. */
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("backing", "backing (0\u20131)"),
            Map.entry("toPrcPerYear", "base rate to Beijing (/year)"),
            Map.entry("toRocPerYear", "base rate to Taipei (/year)"),
            Map.entry("gdpFloorUsdMillions", "GDP floor (US$ m)"),
            Map.entry("gdpUsdMillions", "GDP (US$ m)"),
            Map.entry("prcExposure", "exposure to Beijing (0\u20131)"),
            Map.entry("fragility", "fragility (0\u20131)"),
            Map.entry("stance", "stance (\u22121 to 1)"),
            Map.entry("oppositionStance", "opposition's stance (\u22121 to 1)"),
            Map.entry("governmentChangeProbability", "P(government change)"),
            Map.entry("usdMillionsPerEngagementPoint", "cost of an engagement point (US$ m)"),
            Map.entry("horizonMonths", "horizon (months)"),
            Map.entry("tickMonths", "tick (months)"));
    /** A unit at the end of a field's name. */
    private static final Pattern UNIT = Pattern.compile("(.*?)(UsdMillionsPerYear|UsdMillions|PerYear|Months|Years)$");
    private static final Pattern INDEXED = Pattern.compile("([A-Za-z]+)\\[(\\d+)]");

    private ParameterLabels() {
    }

    /** Returns the label of the field at {@code path}. */
    public static String of(String path) {
        String[] parts = path.split("\\.");
        String last = parts[parts.length - 1];
        if (parts.length == 3 && parts[0].equals("patrons")) {
            return PATRONS.getOrDefault(parts[1], capitalised(words(parts[1]))) + " " + field(last);
        }
        if (parts.length == 3 && parts[0].equals("countries")) {
            return parts[1] + " " + field(last);
        }
        if (parts.length == 2 && parts[0].equals("countryDefaults")) {
            return "All states' " + field(last);
        }
        if (parts.length == 2 && parts[0].equals("rule")) {
            String known = FIELDS.get(last);
            if (known != null) {
                return capitalised(known);
            }
            Matcher unit = UNIT.matcher(last);
            // Other rule fields without a unit are the weights of its terms.
            return unit.matches() ? capitalised(field(last)) : "Weight of " + words(last) + " (log-hazard units)";
        }
        if (parts.length == 2 && parts[0].equals("engagementPoints")) {
            return "Points per " + words(last).replace('_', ' ');
        }
        Matcher event = INDEXED.matcher(parts[0]);
        if (parts.length == 2 && event.matches()) {
            return capitalised(words(event.group(1)).replaceAll("s$", "")) + " "
                    + (Integer.parseInt(event.group(2)) + 1) + " " + field(last);
        }
        StringBuilder b = new StringBuilder();
        for (String part : parts) {
            b.append(b.length() == 0 ? "" : " ").append(field(part));
        }
        return capitalised(b.toString());
    }

    /** Returns the wording of a field name with its unit, e.g. "budget (US$ m/year)". */
    private static String field(String name) {
        String known = FIELDS.get(name);
        if (known != null) {
            return known;
        }
        Matcher m = UNIT.matcher(name);
        if (m.matches() && !m.group(1).isEmpty()) {
            String unit = switch (m.group(2)) {
                case "UsdMillionsPerYear" -> "US$ m/year";
                case "UsdMillions" -> "US$ m";
                case "PerYear" -> "/year";
                case "Months" -> "months";
                default -> "years";
            };
            return words(m.group(1)) + " (" + unit + ")";
        }
        return words(name);
    }

    /** Spells out a camelCase name in lower-case words: {@code engagementHalfLife} is "engagement half-life". */
    private static String words(String name) {
        String spaced = name.replaceAll("([a-z0-9])([A-Z])", "$1 $2").toLowerCase(Locale.ROOT);
        return spaced.replace("half life", "half-life").replaceAll("\\bprc\\b", "Beijing")
                .replaceAll("\\broc\\b", "Taipei").replaceAll("\\bgdp\\b", "GDP");
    }

    private static String capitalised(String s) {
        return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}
