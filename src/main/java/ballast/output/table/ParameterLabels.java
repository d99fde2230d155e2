package ballast.output.chart;

import java.util.Map;

/**
 * Short labels with units for scenario field paths on chart axes, e.g.
 * {@code patrons.japan.budgetUsdMillionsPerYear} becomes "Japan budget (US$ m/year)". A path it does
 * not know is shown as it is, which is always correct if long.
 */
public final class ParameterLabels {
    private static final Map<String, String> PATRONS = Map.of("prc", "Beijing", "roc", "Taipei", "japan", "Japan",
            "usa", "US");
    private static final Map<String, String> FIELDS = Map.ofEntries(
            Map.entry("budgetUsdMillionsPerYear", "budget (US$ m/year)"),
            Map.entry("aidShare", "aid share"),
            Map.entry("engagementHalfLifeMonths", "engagement half-life (months)"),
            Map.entry("backing", "backing (0-1)"),
            Map.entry("toPrcPerYear", "Base rate to Beijing (/year)"),
            Map.entry("toRocPerYear", "Base rate to Taipei (/year)"),
            Map.entry("contagionWindowMonths", "Contagion window (months)"),
            Map.entry("newGovernmentWindowMonths", "New-government window (months)"),
            Map.entry("gdpFloorUsdMillions", "GDP floor (US$ m)"),
            Map.entry("sameRegionLinkWeight", "Same-region link weight"),
            Map.entry("prcExposure", "exposure to Beijing (0-1)"),
            Map.entry("fragility", "fragility (0-1)"),
            Map.entry("governmentChangeProbability", "P(government change)"));

    private ParameterLabels() {
    }

    /** Returns the axis label of the field at {@code path}. */
    public static String of(String path) {
        String[] parts = path.split("\\.");
        String last = parts[parts.length - 1];
        if (parts.length == 3 && parts[0].equals("patrons")) {
            String field = FIELDS.get(last);
            return field == null ? path : PATRONS.getOrDefault(parts[1], parts[1]) + " " + field;
        }
        if (parts.length == 3 && parts[0].equals("countries")) {
            return parts[1] + " " + FIELDS.getOrDefault(last, last);
        }
        if (parts.length == 2 && parts[0].equals("countryDefaults")) {
            return "All states' " + FIELDS.getOrDefault(last, last);
        }
        if (parts.length == 2 && parts[0].equals("rule")) {
            String field = FIELDS.get(last);
            return field != null ? field : "Weight of " + last + " (log-hazard units)";
        }
        return path;
    }
}
