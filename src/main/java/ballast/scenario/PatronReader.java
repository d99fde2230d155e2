package ballast.scenario;

import ballast.model.PatronRole;
import ballast.model.PatronSpec;
import ballast.model.ScheduledEvent;
import ballast.model.Side;
import ballast.model.Strategies;
import ballast.model.Targets;
import ballast.scenario.YNode.Source;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the {@code patrons} section. A patron may be aimed at named states or regions
 * ({@code targets}) and pay earmarks to named states ({@code earmarks}); see {@link AimReader}. A
 * partner may name an engagements table
 * ({@code engagements: data/japan-engagement.csv}); its rows become scheduled engagements, those
 * before the start seeding the partner's decayed stock. Rows for states outside the scenario or
 * after its horizon do not apply to this world and are skipped.
 */
final class PatronReader {
    private static final Pattern ID = Pattern.compile("[a-z][a-z0-9-]*");
    private static final List<String> ROLES = Arrays.stream(PatronRole.values()).map(PatronRole::code).toList();

    private PatronReader() {
    }

    static List<PatronSpec> read(Fields top, Set<String> codes, Set<String> regions, Map<String, Double> points,
            YearMonth start, YearMonth end, List<ScheduledEvent> events, Problems problems, List<Path> sources,
            TableCache tables) {
        Fields all = top.object("patrons");
        List<PatronSpec> patrons = new ArrayList<>();
        boolean incomplete = false;
        if (all == null) {
            if (!top.has("patrons")) {
                problems.add(top.source(), "patrons", "is required (at least a recogniser for each side)");
            }
            return patrons;
        }
        for (String id : ScenarioLoader.keys(all.map())) {
            all.node(id);
            if (!ID.matcher(id).matches()) {
                all.problem(id, "a patron's key must be lower-case letters, digits and '-', e.g. prc, japan");
                incomplete = true;
                continue;
            }
            Fields f = all.object(id);
            if (f != null) {
                PatronSpec spec = patron(id, f, codes, regions, points, start, end, events, problems, sources,
                        tables);
                if (spec != null) {
                    patrons.add(spec);
                } else {
                    incomplete = true;
                }
            } else {
                incomplete = true;
            }
        }
        // A patron already reported as broken would only make this count misleading.
        if (incomplete) {
            return patrons; // a patron already reported as broken would make the count below misleading
        }
        for (Side side : Side.values()) {
            long n = patrons.stream().filter(p -> p.role() == PatronRole.RECOGNISER && p.side() == side).count();
            if (n != 1) {
                problems.add(all.source(), "patrons", "needs exactly one patron with role recogniser and side "
                        + side.code() + ", got " + n);
            }
        }
        return patrons;
    }

    private static PatronSpec patron(String id, Fields f, Set<String> codes, Set<String> regions,
            Map<String, Double> points, YearMonth start, YearMonth end, List<ScheduledEvent> events,
            Problems problems, List<Path> sources, TableCache tables) {
        String roleCode = f.choice("role", ROLES, true);
        PatronRole role = roleCode == null ? null : PatronRole.valueOf(roleCode.toUpperCase(Locale.ROOT));
        String sideCode = f.choice("side", ScenarioLoader.SIDES, role == PatronRole.RECOGNISER);
        Side side = sideCode != null ? ScenarioLoader.side(sideCode) : Side.ROC;
        String strategy = f.text("strategy", true);
        if (strategy != null && role != null && !Strategies.isKnown(role, strategy)) {
            List<String> names = Strategies.namesFor(role);
            f.problem("strategy", "unknown strategy '" + strategy + "' for a " + role.code()
                    + Fields.suggestion(strategy, names) + "; expected one of " + String.join(", ", names));
            strategy = null;
        }
        double budget = f.number("budgetUsdMillionsPerYear", Defaults.BUDGET_USD_MILLIONS_PER_YEAR, 0, 1e7);
        double aidShare = f.number("aidShare", Defaults.AID_SHARE, 0, 1);
        double halfLife = f.number("engagementHalfLifeMonths", Defaults.ENGAGEMENT_HALF_LIFE_MONTHS, 0.1, 1200);
        double perPoint = f.number("usdMillionsPerEngagementPoint", Defaults.USD_MILLIONS_PER_ENGAGEMENT_POINT,
                0.001, 1e6);
        double scale = f.number("engagementScale", Defaults.ENGAGEMENT_SCALE, 0, 100);
        double backing = f.number("backing", Defaults.BACKING, 0, 1);
        Boolean active = f.bool("active");
        Targets targets = AimReader.targets(f, codes, regions, problems);
        boolean targetsBroken = targets == null && f.has("targets");
        Map<String, Double> earmarks = AimReader.earmarks(f, codes, problems);
        if (earmarks != null && !earmarks.isEmpty() && role == PatronRole.BACKER) {
            f.problem("earmarks", "a backer spends no money, so it has no earmarks; give the money to a recogniser "
                    + "or a partner");
            earmarks = null;
        }
        String table = f.text("engagements", false);
        if (table != null) {
            if (role != null && role != PatronRole.PARTNER) {
                f.problem("engagements", "only a partner has engagements; this patron is a " + role.code());
            } else {
                Source at = f.node("engagements").source();
                Path path = ScenarioLoader.relativeTo(at, table);
                sources.add(path);
                List<DataTables.EngagementRow> rows = tables.get("engagements", path, problems,
                        () -> DataTables.engagements(path, at, f.path("engagements"), problems));
                for (DataTables.EngagementRow row : rows) {
                    Double p = points.get(row.kind());
                    if (p == null) {
                        problems.add(row.source(), "kind", "unknown engagement kind '" + row.kind() + "'"
                                + Fields.suggestion(row.kind(), points.keySet()) + "; set its points under engagementPoints");
                    } else if (codes != null && codes.contains(row.code()) && (end == null || !row.month().isAfter(end))) {
                        events.add(new ScheduledEvent.Engagement(row.month(), id, row.code(), row.kind(), p));
                    }
                }
            }
        }
        f.finish();
        if (role == null || strategy == null || targetsBroken || earmarks == null) {
            return null;
        }
        return new PatronSpec(id, role, side, strategy, budget, aidShare, halfLife, perPoint, scale, backing,
                active == null || active, targets == null ? Targets.ALL : targets, earmarks);
    }
}
