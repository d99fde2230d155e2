package ballast.scenario;

import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.ScheduledEvent;
import ballast.model.Targets;
import ballast.scenario.YNode.YList;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the {@code events} list. Each event has a {@code type} and a {@code month}:
 * {@code election} (a {@code country}, optionally its outcome {@code change: true|false} and
 * {@code extra: true} for a snap election on top of the calendar, and {@code stance}, the stance of
 * the government a change brings in),
 * {@code engagement} (a partner {@code patron}, a {@code country}, a {@code kind}, optional {@code points}),
 * {@code patron} (a {@code patron} and any of {@code budgetUsdMillionsPerYear}, {@code engagementScale},
 * {@code backing}, {@code active}, {@code targets}, {@code earmarks}) and {@code shock} (a {@code country},
 * {@code fragilityIncrease}, {@code durationMonths}).
 */
final class EventReader {
    static final List<String> TYPES = List.of("election", "engagement", "patron", "shock");

    private EventReader() {
    }

    static void read(Fields top, Set<String> codes, Set<String> regions, List<PatronSpec> patrons,
            Map<String, Double> points, YearMonth start, YearMonth end, List<ScheduledEvent> events,
            Problems problems) {
        YList list = top.list("events");
        if (list == null) {
            return;
        }
        for (int i = 0; i < list.items().size(); i++) {
            Fields f = Fields.of(list.items().get(i), top.path("events") + "[" + i + "]", problems);
            if (f == null) {
                continue;
            }
            String type = f.choice("type", TYPES, true);
            YearMonth month = f.month("month", true);
            if (month != null && start != null && type != null) {
                if (month.isBefore(start) && !type.equals("engagement")) {
                    f.problem("month", month + " is before the start, " + start);
                    month = null;
                } else if (end != null && month.isAfter(end)) {
                    f.problem("month", month + " is after the last month of the horizon, " + end);
                    month = null;
                }
            }
            ScheduledEvent e = type == null ? null : switch (type) {
                case "election" -> election(f, month, codes);
                case "engagement" -> engagement(f, month, codes, patrons, points);
                case "patron" -> patron(f, month, patrons, codes, regions, problems);
                default -> shock(f, month, codes);
            };
            f.finish();
            if (e != null) {
                events.add(e);
            }
        }
    }

    private static String country(Fields f, Set<String> codes) {
        String code = f.text("country", true);
        return code != null && ScenarioLoader.checkCountry(f, "country", code, codes, "the scenario's states ("
                + (codes == null ? "" : String.join(", ", codes)) + ")", false) ? code : null;
    }

    private static ScheduledEvent election(Fields f, YearMonth month, Set<String> codes) {
        String country = country(f, codes);
        Boolean change = f.bool("change");
        Boolean extra = f.bool("extra");
        Double stance = f.optionalNumber("stance", -1, 1);
        return month == null || country == null || (f.has("stance") && stance == null) ? null
                : new ScheduledEvent.Election(month, country, change, extra != null && extra, stance);
    }

    private static ScheduledEvent engagement(Fields f, YearMonth month, Set<String> codes, List<PatronSpec> patrons,
            Map<String, Double> points) {
        String country = country(f, codes);
        String patronId = f.text("patron", true);
        PatronSpec patron = patrons.stream().filter(p -> p.id().equals(patronId)).findFirst().orElse(null);
        if (patronId != null && (patron == null || patron.role() != PatronRole.PARTNER)) {
            List<String> partners = patrons.stream().filter(p -> p.role() == PatronRole.PARTNER)
                    .map(PatronSpec::id).toList();
            f.problem("patron", "'" + patronId + "' is not a partner patron" + Fields.suggestion(patronId, partners)
                    + "; partners: " + String.join(", ", partners));
            patron = null;
        }
        String kind = f.text("kind", true);
        Double value = f.optionalNumber("points", 0, 100);
        if (kind != null && value == null && !f.has("points")) {
            value = points.get(kind);
            if (value == null) {
                f.problem("kind", "unknown engagement kind '" + kind + "'" + Fields.suggestion(kind, points.keySet())
                        + "; give points or set them under engagementPoints");
            }
        }
        return month == null || country == null || patron == null || kind == null || value == null ? null
                : new ScheduledEvent.Engagement(month, patron.id(), country, kind, value);
    }

    private static ScheduledEvent patron(Fields f, YearMonth month, List<PatronSpec> patrons, Set<String> codes,
            Set<String> regions, Problems problems) {
        List<String> patronIds = patrons.stream().map(PatronSpec::id).toList();
        String id = f.text("patron", true);
        if (id != null && !patronIds.contains(id)) {
            f.problem("patron", "unknown patron '" + id + "'" + Fields.suggestion(id, patronIds) + "; patrons: "
                    + String.join(", ", patronIds));
            id = null;
        }
        Double budget = f.optionalNumber("budgetUsdMillionsPerYear", 0, 1e7);
        Double scale = f.optionalNumber("engagementScale", 0, 100);
        Double backing = f.optionalNumber("backing", 0, 1);
        Boolean active = f.bool("active");
        Targets targets = AimReader.targets(f, codes, regions, problems);
        Map<String, Double> earmarks = AimReader.earmarks(f, codes, problems);
        String patronId = id;
        PatronSpec spec = patrons.stream().filter(p -> p.id().equals(patronId)).findFirst().orElse(null);
        if (earmarks != null && !earmarks.isEmpty() && spec != null && spec.role() == PatronRole.BACKER) {
            f.problem("earmarks", "a backer spends no money, so it has no earmarks; '" + id + "' is a backer");
            earmarks = null;
        }
        boolean any = f.has("budgetUsdMillionsPerYear") || f.has("engagementScale") || f.has("backing")
                || f.has("active") || f.has("targets") || f.has("earmarks");
        if (!any) {
            f.problem("type", "a patron event must set budgetUsdMillionsPerYear, engagementScale, backing, active, "
                    + "targets or earmarks");
        }
        boolean broken = (f.has("targets") && targets == null) || earmarks == null;
        if (month == null || id == null || broken || (budget == null && scale == null && backing == null
                && active == null && targets == null && earmarks.isEmpty())) {
            return null;
        }
        return new ScheduledEvent.PatronChange(month, id, budget, scale, backing, active, targets, earmarks);
    }

    private static ScheduledEvent shock(Fields f, YearMonth month, Set<String> codes) {
        String country = country(f, codes);
        double increase = f.number("fragilityIncrease", Double.NaN, 0, 1, true);
        long duration = f.integer("durationMonths", -1, 1, 600, true);
        return month == null || country == null || Double.isNaN(increase) || duration < 1 ? null
                : new ScheduledEvent.Shock(month, country, increase, (int) duration);
    }
}
